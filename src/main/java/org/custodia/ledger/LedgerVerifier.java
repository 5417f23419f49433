package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the whole log and checks it without trusting anything but the public key: every entry's
 * bytes against its hash and its columns, the sequence, the tree against every signed checkpoint,
 * and optionally a checkpoint kept outside. Says "intact" or exactly what is wrong.
 */
@Component
class LedgerVerifier {

	static final int MAXIMUM_FINDINGS = 100;

	/** What is wrong, where: {@code sequence} is an entry's number or a checkpoint's tree size. */
	record Finding(Kind kind, long sequence, long other, String detail) {

		/** The finding in words, from the message bundles. */
		String describe(org.springframework.context.MessageSource messages, java.util.Locale locale) {
			return messages.getMessage("ledger.finding." + kind.name(),
					new Object[] { Long.toString(sequence), Long.toString(other) }, detail, locale);
		}
	}

	enum Kind {
		SEQUENCE_MISSING, SEQUENCE_REPEATED, ROW_MOVED, CONTENT_ALTERED, COLUMNS_ALTERED, CHECKPOINT_BAD_SIGNATURE,
		CHECKPOINT_MISMATCH, CHECKPOINT_INCONSISTENT, CHECKPOINT_BEYOND_LOG, EXTERNAL_CHECKPOINT_NOT_EXTENDED
	}

	/** The outcome: {@code size} entries, the root of the tree they form, checkpoints checked, findings. */
	record Report(boolean intact, long size, String rootHash, int checkpoints, List<Finding> findings) {

		Report(long size, String rootHash, int checkpoints, List<Finding> findings) {
			this(findings.isEmpty(), size, rootHash, checkpoints, findings);
		}
	}

	private record Row(long sequence, Timestamp time, String agency, String actor, String roles, String action,
			String subjectType, String subjectId, String payload, String entry, String leafHash) {
	}

	private record Stored(long size, String rootHash, String note) {
	}

	private final JdbcClient jdbc;

	private final LedgerKeys keys;

	private final JsonMapper json = JsonMapper.builder().build();

	LedgerVerifier(JdbcClient jdbc, LedgerKeys keys) {
		this.jdbc = jdbc;
		this.keys = keys;
	}

	@Transactional(readOnly = true)
	Report verify(Optional<String> externalCheckpoint) {
		return verify(jdbc, keys.verifierKey(), externalCheckpoint);
	}

	Report verify(JdbcClient jdbc, SignedNote.VerifierKey key, Optional<String> externalCheckpoint) {
		List<Finding> findings = new ArrayList<>();
		List<byte[]> leaves = new ArrayList<>();
		long expected = 0;
		for (Row row : rows(jdbc)) {
			if (row.sequence() < expected) {
				findings.add(new Finding(Kind.SEQUENCE_REPEATED, row.sequence(), -1, "sequence number appears more than once"));
				continue;
			}
			if (row.sequence() > expected) {
				findings.add(new Finding(Kind.SEQUENCE_MISSING, expected, row.sequence() - 1, "sequence numbers missing"));
			}
			expected = row.sequence() + 1;
			byte[] leaf = Merkle.leafHash(row.entry().getBytes(StandardCharsets.UTF_8));
			leaves.add(leaf);
			checkRow(row, leaf, findings);
		}
		List<Stored> checkpoints = checkpoints(jdbc);
		Optional<SignedNote.Checkpoint> external = externalCheckpoint.map(note -> SignedNote.verify(note, key)
			.orElse(new SignedNote.Checkpoint("", -1, new byte[0])));
		java.util.TreeSet<Long> sizes = new java.util.TreeSet<>();
		checkpoints.forEach(checkpoint -> sizes.add(checkpoint.size()));
		external.ifPresent(checkpoint -> sizes.add(checkpoint.size()));
		Map<Long, String> roots = rootsAt(leaves, sizes);
		checkCheckpoints(checkpoints, roots, leaves.size(), key, findings);
		external.ifPresent(checkpoint -> checkExternal(checkpoint, roots, leaves.size(), findings));
		return new Report(leaves.size(), roots.get((long) leaves.size()), checkpoints.size(),
				findings.size() > MAXIMUM_FINDINGS ? findings.subList(0, MAXIMUM_FINDINGS) : findings);
	}

	private void checkRow(Row row, byte[] leaf, List<Finding> findings) {
		Map<String, Object> parsed;
		try {
			parsed = json.readValue(row.entry(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (RuntimeException e) {
			findings.add(new Finding(Kind.CONTENT_ALTERED, row.sequence(), -1, "entry bytes are not JSON"));
			return;
		}
		long held = parsed.get("seq") instanceof Number number ? number.longValue() : -1;
		if (held != row.sequence()) {
			findings.add(new Finding(Kind.ROW_MOVED, row.sequence(), held, "row holds another entry's bytes"));
			return;
		}
		if (!HexFormat.of().formatHex(leaf).equals(row.leafHash())) {
			findings.add(new Finding(Kind.CONTENT_ALTERED, row.sequence(), -1, "entry bytes no longer match their hash"));
			return;
		}
		String recomputed;
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> payload = json.readValue(row.payload(), Map.class);
			recomputed = EntryEncoding.canonical(row.sequence(), row.time().toInstant(), row.agency(), row.actor(),
					row.roles(), row.action(), row.subjectType(), row.subjectId(), payload);
		}
		catch (RuntimeException e) {
			recomputed = null;
		}
		if (!row.entry().equals(recomputed)) {
			findings.add(new Finding(Kind.COLUMNS_ALTERED, row.sequence(), -1, "columns no longer agree with the entry bytes"));
		}
	}

	/** The tree head at each of the sizes and at the full size, in one pass over the leaves. */
	private static Map<Long, String> rootsAt(List<byte[]> leaves, java.util.SortedSet<Long> sizes) {
		Map<Long, String> roots = new java.util.HashMap<>();
		Frontier frontier = Frontier.empty();
		for (int i = 0; i <= leaves.size(); i++) {
			if (sizes.contains((long) i) || i == leaves.size()) {
				roots.put((long) i, HexFormat.of().formatHex(frontier.root()));
			}
			if (i < leaves.size()) {
				frontier = frontier.append(leaves.get(i));
			}
		}
		return roots;
	}

	private void checkCheckpoints(List<Stored> checkpoints, Map<Long, String> roots, long logSize,
			SignedNote.VerifierKey key, List<Finding> findings) {
		List<Stored> signed = new ArrayList<>();
		for (Stored checkpoint : checkpoints) {
			Optional<SignedNote.Checkpoint> note = SignedNote.verify(checkpoint.note(), key);
			if (note.isEmpty() || note.get().size() != checkpoint.size()
					|| !HexFormat.of().formatHex(note.get().root()).equals(checkpoint.rootHash())) {
				findings.add(new Finding(Kind.CHECKPOINT_BAD_SIGNATURE, checkpoint.size(), -1,
						"checkpoint signature does not verify with the log's public key"));
			}
			else {
				signed.add(checkpoint);
			}
		}
		List<Boolean> matches = new ArrayList<>();
		for (Stored checkpoint : signed) {
			matches.add(checkpoint.rootHash().equals(roots.get(checkpoint.size())));
		}
		for (int i = 0; i < signed.size(); i++) {
			if (matches.get(i)) {
				continue;
			}
			Stored checkpoint = signed.get(i);
			int later = matches.subList(i + 1, matches.size()).indexOf(true);
			if (later >= 0) {
				findings.add(new Finding(Kind.CHECKPOINT_INCONSISTENT, signed.get(i + 1 + later).size(), checkpoint.size(),
						"a later checkpoint does not extend an earlier one"));
			}
			else if (checkpoint.size() > logSize) {
				findings.add(new Finding(Kind.CHECKPOINT_BEYOND_LOG, checkpoint.size(), logSize,
						"the log is shorter than a signed checkpoint"));
			}
			else {
				findings.add(new Finding(Kind.CHECKPOINT_MISMATCH, checkpoint.size(), -1,
						"the log no longer has the tree this checkpoint signed"));
			}
		}
	}

	private static void checkExternal(SignedNote.Checkpoint checkpoint, Map<Long, String> roots, long logSize,
			List<Finding> findings) {
		if (checkpoint.size() < 0) {
			findings.add(new Finding(Kind.CHECKPOINT_BAD_SIGNATURE, -1, -1, "the given checkpoint's signature does not verify"));
		}
		else if (!HexFormat.of().formatHex(checkpoint.root()).equals(roots.get(checkpoint.size()))) {
			findings.add(new Finding(Kind.EXTERNAL_CHECKPOINT_NOT_EXTENDED, checkpoint.size(), logSize,
					"today's log does not extend the given checkpoint"));
		}
	}

	private static List<Row> rows(JdbcClient jdbc) {
		return jdbc.sql("""
				select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry, leaf_hash
				from ledger_entry order by seq""")
			.query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)))
			.list();
	}

	private static List<Stored> checkpoints(JdbcClient jdbc) {
		return jdbc.sql("select tree_size, root_hash, note from ledger_checkpoint order by tree_size")
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}
}
