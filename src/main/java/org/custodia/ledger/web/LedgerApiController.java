package org.custodia.ledger.web;

import java.util.List;

import org.custodia.ledger.LedgerAudit;
import org.custodia.shared.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The log for anyone who checks it: signed checkpoints, entries with their bytes, proofs, the public key. */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerApiController {

	private final LedgerAudit audit;

	LedgerApiController(LedgerAudit audit) {
		this.audit = audit;
	}

	@GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	String checkpoint() {
		return audit.checkpoint();
	}

	/** Signs the current tree now, for administrators and supervisors. */
	@PostMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	String checkpointNow() {
		return audit.signNow(CurrentActor.get());
	}

	@GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
	String publicKey() {
		return audit.publicKey() + "\n";
	}

	/** Entries in order; an agency's administrator or supervisor sees that agency's entries only. */
	@GetMapping("/entries")
	List<LedgerAudit.EntryView> entries(@RequestParam(defaultValue = "0") long from,
			@RequestParam(defaultValue = "100") int limit) {
		return audit.entries(CurrentActor.get(), from, limit);
	}

	@GetMapping("/proofs/inclusion")
	LedgerAudit.InclusionProof inclusion(@RequestParam long index, @RequestParam long size) {
		return audit.inclusion(index, size);
	}

	@GetMapping("/proofs/consistency")
	LedgerAudit.ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
		return audit.consistency(from, to);
	}

	/** Verifies the whole log; a checkpoint kept outside may be given as the text/plain body. */
	@PostMapping("/verification")
	LedgerAudit.Verification verify(@RequestBody(required = false) String checkpoint) {
		return audit.verify(CurrentActor.get(), checkpoint);
	}
}
