package org.custodia.recording.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.custodia.recording.OfficerCorrections;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingNotes;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recordings: the register of what was imported, one recording and the reasons of a late import. The import
 * of a folder is ingest's; the poster frame is served by the access module to those who may watch.
 */
@RestController
@RequestMapping("/api/v1/recordings")
class RecordingsApiController {

	/** {@code reason}: a code of {@code lateReasonsOffered}, e.g. {@code remote-area} where the regulation allows it. */
	record LateReasonRequest(@NotBlank @Size(max = 64) String reason, @Size(max = 1000) String note) {
	}

	/** {@code officerId}: an officer of the recording's agency; {@code reason}: why the import's officer was wrong or missing. */
	record OfficerRequest(UUID officerId, @NotBlank @Size(max = 1000) String reason) {
	}

	private final RecordingRegister register;

	private final OfficerCorrections corrections;

	RecordingsApiController(RecordingRegister register, OfficerCorrections corrections) {
		this.register = register;
		this.corrections = corrections;
	}

	@PutMapping("/{id}/officer")
	Recording correctOfficer(@PathVariable UUID id, @Valid @RequestBody OfficerRequest request) {
		return corrections.correct(CurrentActor.get(), id, request.officerId(), request.reason());
	}

	@GetMapping
	RecordingRegister.Page list(@RequestParam(required = false) String agency, @RequestParam(required = false) UUID device,
			@RequestParam(required = false) UUID officer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int limit) {
		Actor actor = CurrentActor.get();
		String agencyCode = agency != null ? agency : actor.agency().orElse(null);
		return register.page(actor, agencyCode, device, officer, from, to, after, Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/{id}")
	RecordingRegister.Detail get(@PathVariable UUID id) {
		return register.detail(CurrentActor.get(), id);
	}

	@PostMapping("/{id}/late-reasons")
	RecordingNotes.LateReason explainLateness(@PathVariable UUID id, @Valid @RequestBody LateReasonRequest request) {
		return register.explainLateness(CurrentActor.get(), id, request.reason(), request.note());
	}
}
