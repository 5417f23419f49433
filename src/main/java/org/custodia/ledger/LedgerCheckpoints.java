package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs the tree head as entries arrive. Each checkpoint extends the frontier stored with the one
 * before it, so the log can only sign trees that contain every tree it signed earlier; it refuses
 * to sign over an entry whose bytes no longer match its hash.
 */
@Component
class LedgerCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(LedgerCheckpoints.class);

	/** A checkpoint as stored: the signed note and the frontier that lets the next one extend it. */
	record StoredCheckpoint(long size, String rootHash, String frontier, String note, Instant signedAt) {
	}

	private final JdbcClient jdbc;

	private final LedgerKeys keys;

	private final Clock clock;

	LedgerCheckpoints(JdbcClient jdbc, LedgerKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
	}

	/** Signs the current tree if it grew since the last checkpoint; returns the latest checkpoint either way. */
	@Transactional
	public Optional<StoredCheckpoint> checkpoint() {
		Optional<StoredCheckpoint> last = latest();
		long from = last.map(StoredCheckpoint::size).orElse(0L);
		Frontier frontier = last.map(cp -> Frontier.decode(cp.size(), cp.frontier())).orElse(Frontier.empty());
		List<Object[]> rows = jdbc.sql("select seq, entry, leaf_hash from ledger_entry where seq >= :from order by seq")
			.param("from", from)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.list();
		for (Object[] row : rows) {
			long sequence = (Long) row[0];
			byte[] leaf = Merkle.leafHash(((String) row[1]).getBytes(StandardCharsets.UTF_8));
			if (sequence != frontier.size() || !HexFormat.of().formatHex(leaf).equals(row[2])) {
				log.error("Ledger entry {} is out of sequence or no longer matches its hash: no checkpoint is signed. "
						+ "Run 'java -jar custodia.jar verify'.", sequence);
				return last;
			}
			frontier = frontier.append(leaf);
		}
		if (frontier.size() == from && last.isPresent()) {
			return last;
		}
		SignedNote.Checkpoint head = new SignedNote.Checkpoint(keys.origin(), frontier.size(), frontier.root());
		StoredCheckpoint signed = new StoredCheckpoint(frontier.size(), HexFormat.of().formatHex(frontier.root()),
				frontier.encode(), SignedNote.sign(head, keys.verifierKey(), keys.privateKey()), clock.instant());
		try {
			jdbc.sql("""
					insert into ledger_checkpoint (tree_size, root_hash, frontier, note, signed_at)
					values (:size, :root, :frontier, :note, :signedAt)""")
				.param("size", signed.size())
				.param("root", signed.rootHash())
				.param("frontier", signed.frontier())
				.param("note", signed.note())
				.param("signedAt", Timestamp.from(signed.signedAt()))
				.update();
		}
		catch (DuplicateKeyException e) {
			// Another node signed the same size at the same moment; its checkpoint is the same tree.
			return latest();
		}
		return Optional.of(signed);
	}

	@Transactional(readOnly = true)
	public Optional<StoredCheckpoint> latest() {
		return jdbc.sql("""
				select tree_size, root_hash, frontier, note, signed_at from ledger_checkpoint
				order by tree_size desc limit 1""")
			.query((rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}
}
