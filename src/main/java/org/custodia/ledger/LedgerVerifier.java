package org.custodia.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the whole log and checks it without trusting anything but the public key: every entry's
 * bytes against its hash and its columns, the sequence, the tree against every signed checkpoint in
 * the database, the newest ones kept outside it and those a user gives, and every register row the
 * log describes against its entry. Says "intact" or exactly what is wrong; writes nothing.
 */
@Component
class LedgerVerifier {

	static final int MAXIMUM_FINDINGS = 100;

	/** The source of a checkpoint pasted into the page or sent to the API. */
	static final String GIVEN = "given";

	/**
	 * What is wrong, where: {@code sequence} is an entry's number or a checkpoint's tree size; {@code source}
	 * names where a checkpoint was kept (a file, or {@link #GIVEN}), null for the database.
	 */
	record Finding(Kind kind, long sequence, long other, String source, String detail) {

		Finding(Kind kind, long sequence, long other, String detail) {
			this(kind, sequence, other, null, detail);
		}

		/** The finding in words, from the message bundles. */
		String describe(MessageSource messages, Locale locale) {
			return messages.getMessage("ledger.finding." + kind.name() + (source == null ? "" : ".kept"),
					new Object[] { Long.toString(sequence), Long.toString(other), sourceName(messages, locale, source) }, detail,
					locale);
		}
	}

	enum Kind {
		SEQUENCE_MISSING, SEQUENCE_REPEATED, ROW_MOVED, CONTENT_ALTERED, COLUMNS_ALTERED, CHECKPOINT_BAD_SIGNATURE,
		CHECKPOINT_OTHER_KEY, CHECKPOINT_MISMATCH, CHECKPOINT_INCONSISTENT, CHECKPOINT_BEYOND_LOG,
		EXTERNAL_CHECKPOINT_NOT_EXTENDED
	}

	/** The checkpoint the log was held to: the newest with a good signature; {@code source} as in {@link Finding}. */
	record Newest(long size, String source) {

		String describe(MessageSource messages, Locale locale) {
			return messages.getMessage("ledger.newest", new Object[] { Long.toString(size), sourceName(messages, locale, source) },
					locale);
		}
	}

	/**
	 * The outcome: {@code size} entries, the root of the tree they form, checkpoints checked, the newest of
	 * them, what is wrong with the log, and the register rows that disagree with it ({@code disagreementsFound}
	 * counts them all, the list holds the first hundred).
	 */
	record Report(boolean intact, long size, String rootHash, int checkpoints, Newest newest, List<Finding> findings,
			List<Disagreement> disagreements, long disagreementsFound) {
	}

	private final JdbcClient jdbc;

	private final LedgerKeys keys;

	private final KeptCheckpoints kept;

	private final List<RegisterCheck> registers;

	LedgerVerifier(JdbcClient jdbc, LedgerKeys keys, KeptCheckpoints kept, List<RegisterCheck> registers) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.kept = kept;
		this.registers = registers;
	}

	/** Verifies the log, holding it also to the checkpoints a user gives besides those found. */
	@Transactional(readOnly = true)
	Report verify(List<KeptCheckpoints.Kept> given) {
		List<KeptCheckpoints.Kept> outside = new ArrayList<>(kept.found());
		outside.addAll(given);
		return verify(jdbc, keys.verifierKey(), outside);
	}

	Report verify(JdbcClient jdbc, SignedNote.VerifierKey key, List<KeptCheckpoints.Kept> outside) {
		List<Finding> findings = new ArrayList<>();
		CheckpointCheck checkpoints = new CheckpointCheck(key, findings);
		Set<Long> sizes = checkpoints.signatures(stored(jdbc), outside);
		RegisterCrossCheck cross = new RegisterCrossCheck(jdbc, registers);
		LogScan scan = new LogScan(sizes, findings, cross::entry);
		long size = scan.scan(jdbc);
		checkpoints.compare(scan.roots(), size);
		List<Disagreement> disagreements = cross.finish();
		List<Finding> reported = findings.size() > MAXIMUM_FINDINGS ? findings.subList(0, MAXIMUM_FINDINGS) : findings;
		return new Report(findings.isEmpty() && disagreements.isEmpty(), size, scan.root(), checkpoints.count(),
				checkpoints.newest().map(signed -> new Newest(signed.size(), signed.source())).orElse(null),
				List.copyOf(reported), List.copyOf(disagreements), cross.found());
	}

	/** A disagreement in words, from the message bundles. */
	static String describe(Disagreement disagreement, MessageSource messages, Locale locale) {
		String table = messages.getMessage("ledger.register." + disagreement.table(), null, disagreement.table(), locale);
		String field = messages.getMessage("ledger.field." + disagreement.field(), null, disagreement.field(), locale);
		String key = disagreement.field().equals("rows") ? "ledger.disagreement.rows"
				: disagreement.tableValue() == null && disagreement.field().equals("row") ? "ledger.disagreement.missing"
						: "ledger.disagreement";
		return messages.getMessage(key, new Object[] { table, disagreement.id(), field, String.valueOf(disagreement.ledgerValue()),
				String.valueOf(disagreement.tableValue()), Long.toString(disagreement.sequence()) }, locale);
	}

	private static String sourceName(MessageSource messages, Locale locale, String source) {
		return source == null ? messages.getMessage("ledger.source.database", null, "the database", locale)
				: source.equals(GIVEN) ? messages.getMessage("ledger.source.given", null, "the checkpoint given", locale)
						: source;
	}

	private static List<CheckpointCheck.Stored> stored(JdbcClient jdbc) {
		return jdbc.sql("select tree_size, root_hash, note from ledger_checkpoint order by tree_size")
			.query((rs, n) -> new CheckpointCheck.Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}
}
