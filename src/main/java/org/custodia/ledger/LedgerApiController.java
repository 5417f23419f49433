package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
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

	static final int MAXIMUM_PAGE = 1000;

	/** An entry as served: its canonical bytes in base64, their leaf hash, and the columns for reading. */
	record EntryView(long index, String entry, String leafHash, Instant time, String agency, String actor, String action,
			String subjectType, String subjectId) {
	}

	record InclusionProof(long index, long treeSize, String leafHash, String rootHash, List<String> proof) {
	}

	record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {
	}

	private final Ledger ledger;

	private final LedgerCheckpoints checkpoints;

	private final LedgerProofs proofs;

	private final LedgerVerifier verifier;

	private final LedgerKeys keys;

	LedgerApiController(Ledger ledger, LedgerCheckpoints checkpoints, LedgerProofs proofs, LedgerVerifier verifier,
			LedgerKeys keys) {
		this.ledger = ledger;
		this.checkpoints = checkpoints;
		this.proofs = proofs;
		this.verifier = verifier;
		this.keys = keys;
	}

	@GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	String checkpoint() {
		return checkpoints.latest()
			.map(LedgerCheckpoints.StoredCheckpoint::note)
			.orElseThrow(() -> CustodiaException.notFound("error.ledger-no-checkpoint"));
	}

	/** Signs the current tree now, for administrators and supervisors. */
	@PostMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	String checkpointNow() {
		LedgerAccess.requireAuditor(CurrentActor.get());
		return checkpoints.checkpoint()
			.map(LedgerCheckpoints.StoredCheckpoint::note)
			.orElseThrow(() -> CustodiaException.notFound("error.ledger-no-checkpoint"));
	}

	@GetMapping(value = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
	String publicKey() {
		return keys.verifierKey().text() + "\n";
	}

	/** Entries in order; an agency's administrator or supervisor sees that agency's entries only. */
	@GetMapping("/entries")
	List<EntryView> entries(@RequestParam(defaultValue = "0") long from, @RequestParam(defaultValue = "100") int limit) {
		Actor actor = CurrentActor.get();
		LedgerAccess.requireAuditor(actor);
		if (from < 0 || limit < 1 || limit > MAXIMUM_PAGE) {
			throw CustodiaException.badRequest("error.ledger-page", MAXIMUM_PAGE);
		}
		return ledger.entries(from, limit, actor.agency().orElse(null)).stream()
			.map(entry -> new EntryView(entry.sequence(),
					Base64.getEncoder().encodeToString(entry.entry().getBytes(StandardCharsets.UTF_8)),
					base64(entry.leafHash()), entry.occurredAt(), entry.agency(), entry.actor(), entry.action(),
					entry.subjectType(), entry.subjectId()))
			.toList();
	}

	@GetMapping("/proofs/inclusion")
	InclusionProof inclusion(@RequestParam long index, @RequestParam long size) {
		List<byte[]> proof = proofs.inclusion(index, size);
		return new InclusionProof(index, size, Base64.getEncoder().encodeToString(proofs.leafHash(index)),
				Base64.getEncoder().encodeToString(proofs.root(size)), base64(proof));
	}

	@GetMapping("/proofs/consistency")
	ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
		List<byte[]> proof = proofs.consistency(from, to);
		return new ConsistencyProof(from, to, Base64.getEncoder().encodeToString(proofs.root(from)),
				Base64.getEncoder().encodeToString(proofs.root(to)), base64(proof));
	}

	/** Verifies the whole log; a checkpoint kept outside may be given as the text/plain body. */
	@PostMapping("/verification")
	LedgerVerifier.Report verify(@RequestBody(required = false) String checkpoint) {
		LedgerAccess.requireAuditor(CurrentActor.get());
		return verifier.verify(Optional.ofNullable(checkpoint)
			.filter(text -> !text.isBlank())
			.map(text -> List.of(new KeptCheckpoints.Kept(LedgerVerifier.GIVEN, text.replace("\r\n", "\n"))))
			.orElse(List.of()));
	}

	private static String base64(String hex) {
		return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
	}
}
