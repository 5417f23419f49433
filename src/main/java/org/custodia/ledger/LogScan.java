package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.custodia.ledger.LedgerVerifier.Finding;
import org.custodia.ledger.LedgerVerifier.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * One pass over the whole log, streamed in order: each row's number, bytes, hash and columns are
 * checked, the tree is grown leaf by leaf, and its head is kept at the sizes asked for. An intact row
 * costs one recomputation of its bytes from its columns and one hash; only a row that differs is looked
 * at closely, to say how it differs. Every row also goes to the register checks, on the reading thread.
 */
final class LogScan {

	static final int FETCH = 2000;

	private static final int BATCH = 512;

	private static final List<LedgerEntry> END = new ArrayList<>();

	private final Set<Long> sizes;

	private final List<Finding> findings;

	private final Consumer<LedgerEntry> entries;

	private final Map<Long, String> roots = new HashMap<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private final HexFormat hex = HexFormat.of();

	private Frontier.Growing frontier = new Frontier.Growing();

	private long expected;

	/**
	 * @param sizes the tree sizes whose heads are wanted
	 * @param findings where what is wrong is added
	 * @param entries given every row in order, for the checks of the registers
	 */
	LogScan(Set<Long> sizes, List<Finding> findings, Consumer<LedgerEntry> entries) {
		this.sizes = sizes;
		this.findings = findings;
		this.entries = entries;
	}

	/**
	 * Reads the log; returns its size. The rows are read here, on the transaction's connection, and checked
	 * on a second thread, in order, a batch at a time: reading and hashing then take as long as the slower
	 * of the two, not as long as both.
	 */
	long scan(JdbcClient jdbc) {
		keepRoot();
		BlockingQueue<List<LedgerEntry>> batches = new ArrayBlockingQueue<>(8);
		Checker checker = new Checker(batches);
		Thread thread = new Thread(checker, "custodia-verify");
		thread.setDaemon(true);
		thread.start();
		AtomicReference<List<LedgerEntry>> batch = new AtomicReference<>(new ArrayList<>(BATCH));
		try {
			jdbc.sql("""
					select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry, leaf_hash
					from ledger_entry order by seq""")
				.withFetchSize(FETCH)
				.query((ResultSet rs) -> {
					LedgerEntry row = new LedgerEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
							rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
							rs.getString(9), rs.getString(10), rs.getString(11));
					entries.accept(row);
					batch.get().add(row);
					if (batch.get().size() == BATCH) {
						put(batches, batch.getAndSet(new ArrayList<>(BATCH)));
					}
				});
			put(batches, batch.get());
		}
		finally {
			put(batches, END);
			join(thread);
		}
		checker.rethrow();
		return frontier.size();
	}

	/** Checks the batches in order until the end; a failure is kept for the reader, and the rest drained. */
	private final class Checker implements Runnable {

		private final BlockingQueue<List<LedgerEntry>> batches;

		private volatile RuntimeException failure;

		Checker(BlockingQueue<List<LedgerEntry>> batches) {
			this.batches = batches;
		}

		@Override
		public void run() {
			try {
				for (List<LedgerEntry> batch = batches.take(); batch != END; batch = batches.take()) {
					if (failure == null) {
						try {
							batch.forEach(LogScan.this::row);
						}
						catch (RuntimeException e) {
							failure = e;
						}
						catch (Error e) {
							failure = new IllegalStateException("verification failed", e);
						}
					}
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}

		void rethrow() {
			if (failure != null) {
				throw failure;
			}
		}
	}

	private static void put(BlockingQueue<List<LedgerEntry>> batches, List<LedgerEntry> batch) {
		try {
			batches.put(batch);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("verification interrupted", e);
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("verification interrupted", e);
		}
	}

	/** The tree head at each size asked for and at the log's size, hex; absent for sizes beyond the log. */
	Map<Long, String> roots() {
		return roots;
	}

	private void row(LedgerEntry row) {
		if (row.sequence() < expected) {
			findings.add(new Finding(Kind.SEQUENCE_REPEATED, row.sequence(), -1, "sequence number appears more than once"));
			return;
		}
		if (row.sequence() > expected) {
			findings.add(new Finding(Kind.SEQUENCE_MISSING, expected, row.sequence() - 1, "sequence numbers missing"));
		}
		expected = row.sequence() + 1;
		byte[] leaf = Merkle.leafHash(row.entry().getBytes(StandardCharsets.UTF_8));
		if (!intact(row, leaf)) {
			diagnose(row, leaf);
		}
		frontier.append(leaf);
		keepRoot();
	}

	private boolean intact(LedgerEntry row, byte[] leaf) {
		String recomputed = EntryEncoding.canonical(row.sequence(), row.occurredAt(), row.agency(), row.actor(),
				row.actorRoles(), row.action(), row.subjectType(), row.subjectId(), row.payloadJson());
		return recomputed.equals(row.entry()) && Arrays.equals(leaf, parse(row.leafHash()));
	}

	/** Says how a row that is not intact differs: moved, altered bytes, or altered columns. */
	private void diagnose(LedgerEntry row, byte[] leaf) {
		Map<String, Object> parsed;
		try {
			parsed = json.readValue(row.entry(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
		}
		catch (RuntimeException e) {
			findings.add(new Finding(Kind.CONTENT_ALTERED, row.sequence(), -1, "entry bytes are not JSON"));
			return;
		}
		long held = parsed.get("seq") instanceof Number number ? number.longValue() : -1;
		if (held != row.sequence()) {
			findings.add(new Finding(Kind.ROW_MOVED, row.sequence(), held, "row holds another entry's bytes"));
		}
		else if (!Arrays.equals(leaf, parse(row.leafHash()))) {
			findings.add(new Finding(Kind.CONTENT_ALTERED, row.sequence(), -1, "entry bytes no longer match their hash"));
		}
		else {
			findings.add(new Finding(Kind.COLUMNS_ALTERED, row.sequence(), -1, "columns no longer agree with the entry bytes"));
		}
	}

	private byte[] parse(String leafHash) {
		try {
			return leafHash == null ? null : hex.parseHex(leafHash);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private void keepRoot() {
		if (sizes.contains(frontier.size())) {
			roots.put(frontier.size(), hex.formatHex(frontier.root()));
		}
	}

	/** The head of the whole log, hex. */
	String root() {
		return hex.formatHex(frontier.root());
	}
}
