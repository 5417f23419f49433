package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ledger for whoever checks it: the signed checkpoint and the public key for anyone, inclusion and
 * consistency proofs, and for administrators and supervisors the entries, signing now and verification.
 * What the ledger page and the ledger API show.
 */
@Component
public class LedgerAudit {

	public static final int MAXIMUM_PAGE = 1000;

	/** An entry as served: its canonical bytes in base64, their leaf hash, and the columns for reading. */
	public record EntryView(long index, String entry, String leafHash, Instant time, String agency, String actor,
			String action, String subjectType, String subjectId) {
	}

	public record InclusionProof(long index, long treeSize, String leafHash, String rootHash, List<String> proof) {
	}

	public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {
	}

	/**
	 * The outcome of a verification: {@code size} entries, their tree's root, checkpoints checked, the newest
	 * checkpoint the log was held to, what is wrong with the log, and the register rows that disagree with it
	 * ({@code disagreementsFound} counts them all, the list holds the first hundred).
	 */
	public record Verification(boolean intact, long size, String rootHash, int checkpoints, Newest newest,
			List<Finding> findings, List<Disagreement> disagreements, long disagreementsFound) {
	}

	/** What is wrong, where: {@code sequence} is an entry's number or a checkpoint's tree size; {@code source} a kept file. */
	public record Finding(String kind, long sequence, long other, String source, String detail) {
	}

	/** The checkpoint the log was held to: its tree size and where it was kept (null: the database). */
	public record Newest(long size, String source) {
	}

	/** The latest signed checkpoint, as a note (C2SP signed note) of a tree of {@code size} entries. */
	public record Checkpoint(long size, String note) {
	}

	/** The ledger page: the latest checkpoint (null before the first) and the key that verifies it. */
	public record Page(Checkpoint checkpoint, String verifierKey) {
	}

	/** A verification as the page shows it: its root in base64, the checkpoint it was held to and each finding in the reader's words. */
	public record Verified(Verification report, String root, String newest, List<String> findings) {
	}

	/** The latest checkpoint to keep outside, as a file: its name says the tree size. */
	public record Download(String filename, byte[] body) {
	}

	private final Ledger ledger;

	private final LedgerCheckpoints checkpoints;

	private final LedgerProofs proofs;

	private final LedgerVerifier verifier;

	private final LedgerKeys keys;

	private final CheckpointSheet sheet;

	private final MessageSource messages;

	private final LedgerAuditors auditors;

	LedgerAudit(Ledger ledger, LedgerCheckpoints checkpoints, LedgerProofs proofs, LedgerVerifier verifier, LedgerKeys keys,
			CheckpointSheet sheet, MessageSource messages, LedgerAuditors auditors) {
		this.ledger = ledger;
		this.checkpoints = checkpoints;
		this.proofs = proofs;
		this.verifier = verifier;
		this.keys = keys;
		this.sheet = sheet;
		this.messages = messages;
		this.auditors = auditors;
	}

	/** The latest signed checkpoint's note; 404 before the first. */
	public String checkpoint() {
		return latest().note();
	}

	/** Signs the current tree now and answers the latest checkpoint's note. */
	public String signNow(Actor actor) {
		auditors.requireAuditor(actor);
		return checkpoints.checkpoint()
			.map(LedgerCheckpoints.StoredCheckpoint::note)
			.orElseThrow(() -> CustodiaException.notFound("error.ledger-no-checkpoint"));
	}

	public String publicKey() {
		return keys.verifierKey().text();
	}

	/** Entries in order; an agency's administrator or supervisor sees that agency's entries only. */
	public List<EntryView> entries(Actor actor, long from, int limit) {
		auditors.requireAuditor(actor);
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

	public InclusionProof inclusion(long index, long size) {
		List<byte[]> proof = proofs.inclusion(index, size);
		return new InclusionProof(index, size, Base64.getEncoder().encodeToString(proofs.leafHash(index)),
				Base64.getEncoder().encodeToString(proofs.root(size)), base64(proof));
	}

	public ConsistencyProof consistency(long from, long to) {
		List<byte[]> proof = proofs.consistency(from, to);
		return new ConsistencyProof(from, to, Base64.getEncoder().encodeToString(proofs.root(from)),
				Base64.getEncoder().encodeToString(proofs.root(to)), base64(proof));
	}

	/** Verifies the whole log, against a checkpoint kept outside when one is given. */
	public Verification verify(Actor actor, String keptCheckpoint) {
		auditors.requireAuditor(actor);
		return verification(verifier.verify(given(keptCheckpoint)));
	}

	public Page page(Actor actor) {
		auditors.requireAuditor(actor);
		return new Page(checkpoints.latest().map(latest -> new Checkpoint(latest.size(), latest.note())).orElse(null),
				publicKey());
	}

	/** Signs the current tree now, from the page. */
	public void sign(Actor actor) {
		auditors.requireAuditor(actor);
		checkpoints.checkpoint();
	}

	/** Verification from the page: a checkpoint pasted from a browser may come with Windows line ends. */
	public Verified verifyForPage(Actor actor, String keptCheckpoint, Locale locale) {
		auditors.requireAuditor(actor);
		LedgerVerifier.Report report = verifier.verify(given(keptCheckpoint));
		List<String> findings = new java.util.ArrayList<>();
		report.findings().forEach(finding -> findings.add(finding.describe(messages, locale)));
		report.disagreements().forEach(disagreement -> findings.add(LedgerVerifier.describe(disagreement, messages, locale)));
		return new Verified(verification(report), Base64.getEncoder().encodeToString(HexFormat.of().parseHex(report.rootHash())),
				report.newest() == null ? null : report.newest().describe(messages, locale), findings);
	}

	/** A checkpoint given by hand, as kept outside; one pasted from a browser may come with Windows line ends. */
	private static List<KeptCheckpoints.Kept> given(String keptCheckpoint) {
		return Optional.ofNullable(keptCheckpoint)
			.filter(text -> !text.isBlank())
			.map(text -> List.of(new KeptCheckpoints.Kept(LedgerVerifier.GIVEN, text.replace("\r\n", "\n"))))
			.orElse(List.of());
	}

	/** The latest checkpoint and the public key as a text file. */
	public Download checkpointText(Actor actor) {
		auditors.requireAuditor(actor);
		LedgerCheckpoints.StoredCheckpoint latest = latest();
		return new Download("custodia-checkpoint-" + latest.size() + ".txt",
				(latest.note() + "\n" + publicKey() + "\n").getBytes(StandardCharsets.UTF_8));
	}

	/** The latest checkpoint as a printable PDF page with a QR code. */
	public Download checkpointPdf(Actor actor) {
		auditors.requireAuditor(actor);
		LedgerCheckpoints.StoredCheckpoint latest = latest();
		return new Download("custodia-checkpoint-" + latest.size() + ".pdf", sheet.render(latest, publicKey()));
	}

	private LedgerCheckpoints.StoredCheckpoint latest() {
		return checkpoints.latest().orElseThrow(() -> CustodiaException.notFound("error.ledger-no-checkpoint"));
	}

	private static Verification verification(LedgerVerifier.Report report) {
		return new Verification(report.intact(), report.size(), report.rootHash(), report.checkpoints(),
				report.newest() == null ? null : new Newest(report.newest().size(), report.newest().source()),
				report.findings().stream()
					.map(finding -> new Finding(finding.kind().name(), finding.sequence(), finding.other(), finding.source(),
							finding.detail()))
					.toList(),
				report.disagreements(), report.disagreementsFound());
	}

	private static String base64(String hex) {
		return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
	}

	private static List<String> base64(List<byte[]> hashes) {
		return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
	}
}
