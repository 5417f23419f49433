package org.custodia.retention.web;

import java.util.List;
import java.util.UUID;

import org.custodia.retention.Disposal;
import org.custodia.retention.DisposalSheets;
import org.custodia.retention.Disposals;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Disposals over REST: the expired list, proposing, the approver's decision, cancelling, and the disposal list PDF. */
@RestController
class DisposalApiController {

	record Cancel(String reason) {
	}

	private final Disposals disposals;

	private final DisposalSheets sheets;

	DisposalApiController(Disposals disposals, DisposalSheets sheets) {
		this.disposals = disposals;
		this.sheets = sheets;
	}

	@GetMapping("/api/v1/disposals/expired")
	List<Disposals.Expired> expired() {
		return disposals.expired(CurrentActor.get());
	}

	@PostMapping("/api/v1/disposals")
	@ResponseStatus(HttpStatus.CREATED)
	Disposal propose(@RequestBody Disposals.NewDisposal disposal) {
		return disposals.propose(CurrentActor.get(), disposal);
	}

	@PostMapping("/api/v1/disposals/{id}/approval")
	Disposal approve(@PathVariable UUID id, @RequestBody(required = false) Disposals.Approval approval) {
		return disposals.approve(CurrentActor.get(), id, approval);
	}

	@PostMapping("/api/v1/disposals/{id}/cancel")
	Disposal cancel(@PathVariable UUID id, @RequestBody Cancel cancel) {
		return disposals.cancel(CurrentActor.get(), id, cancel.reason());
	}

	@GetMapping("/api/v1/disposals")
	List<Disposal> list() {
		return disposals.list(CurrentActor.get());
	}

	@GetMapping("/api/v1/disposals/{id}")
	Disposal get(@PathVariable UUID id) {
		return disposals.get(CurrentActor.get(), id);
	}

	@GetMapping("/api/v1/disposals/{id}/sheet.pdf")
	ResponseEntity<byte[]> sheet(@PathVariable UUID id) {
		DisposalSheets.Printed printed = sheets.print(CurrentActor.get(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"disposal-" + printed.number() + ".pdf\"")
			.body(printed.pdf());
	}
}
