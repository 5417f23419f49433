package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the tree head as entries arrive, after every import, and when the application stops. Each
 * checkpoint extends the frontier stored with the one before it, so the log can only sign trees that
 * contain every tree it signed earlier; it refuses to sign over an entry whose bytes no longer match
 * its hash. The newest checkpoint is also kept outside the database, and the subtrees it completes are
 * stored for proofs.
 */
@Component
public class LedgerCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(LedgerCheckpoints.class);

	/** A checkpoint as stored: the signed note and the frontier that lets the next one extend it. */
	record StoredCheckpoint(long size, String rootHash, String frontier, String note, Instant signedAt) {
	}

	private final JdbcClient jdbc;

	private final LedgerKeys keys;

	private final Clock clock;

	private final KeptCheckpoints kept;

	private final StoredTree tree;

	private final TransactionTemplate transactions;

	private final boolean atShutdown;

	private long keptSize = -1;

	@Autowired
	LedgerCheckpoints(JdbcClient jdbc, LedgerKeys keys, Clock clock, KeptCheckpoints kept,
			PlatformTransactionManager transactionManager,
			@Value("${custodia.ledger.checkpoints:true}") boolean atShutdown) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.clock = clock;
		this.kept = kept;
		this.tree = new StoredTree(jdbc, StoredTree.BASE);
		// Its own transaction: it may be called once the caller's has committed, or from inside one.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.atShutdown = atShutdown;
	}

	/**
	 * Signs a checkpoint as soon as the caller's transaction has committed, covering the entries it
	 * appended: an import calls it, so that what it stored is under a signature at once.
	 */
	public void signAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			signQuietly("now");
			return;
		}
		boolean registered = TransactionSynchronizationManager.getSynchronizations().stream()
			.anyMatch(AfterCommit.class::isInstance);
		if (!registered) {
			TransactionSynchronizationManager.registerSynchronization(new AfterCommit());
		}
	}

	private final class AfterCommit implements TransactionSynchronization {

		@Override
		public void afterCommit() {
			signQuietly("after a commit");
		}
	}

	/**
	 * The application stops: what arrived since the last checkpoint is signed, so that nothing appended
	 * before a stop lies beyond the newest signature. The ledger depends on this bean, and everything that
	 * appends depends on the ledger, so this runs after every other bean's own last entries.
	 */
	@PreDestroy
	void signAtShutdown() {
		if (atShutdown) {
			signQuietly("at shutdown");
		}
	}

	private void signQuietly(String when) {
		try {
			checkpoint();
		}
		catch (RuntimeException e) {
			log.error("Could not sign a ledger checkpoint {}", when, e);
		}
	}

	/**
	 * Signs the current tree if it grew since the last checkpoint; returns the latest checkpoint either way.
	 * One signer at a time in this process (the schedule, an import, the stop); another node may sign the
	 * same size at the same moment, and then its checkpoint is the one returned.
	 */
	synchronized Optional<StoredCheckpoint> checkpoint() {
		Optional<StoredCheckpoint> signed = transactions.execute(this::sign);
		Optional<StoredCheckpoint> latest = signed.isPresent() ? signed : latest();
		latest.ifPresent(this::afterSigning);
		return latest;
	}

	private void afterSigning(StoredCheckpoint checkpoint) {
		if (checkpoint.size() > keptSize) {
			kept.keep(checkpoint.size(), checkpoint.note(), keys.verifierKey());
			keptSize = checkpoint.size();
		}
		try {
			transactions.executeWithoutResult(status -> tree.extend(checkpoint.size()));
		}
		catch (RuntimeException e) {
			// Proofs then read more leaves until the next checkpoint stores what is missing.
			log.warn("Could not store the ledger's subtree hashes up to {}: {}", checkpoint.size(), e.toString());
		}
	}

	private Optional<StoredCheckpoint> sign(TransactionStatus status) {
		Optional<StoredCheckpoint> last = latest();
		long from = last.map(StoredCheckpoint::size).orElse(0L);
		Frontier.Growing frontier = new Frontier.Growing(
				last.map(cp -> Frontier.decode(cp.size(), cp.frontier())).orElse(Frontier.empty()));
		boolean[] broken = { false };
		jdbc.sql("select seq, entry, leaf_hash from ledger_entry where seq >= :from order by seq")
			.param("from", from)
			.withFetchSize(LogScan.FETCH)
			.query((ResultSet rs) -> {
				if (broken[0]) {
					return;
				}
				long sequence = rs.getLong(1);
				byte[] leaf = Merkle.leafHash(rs.getString(2).getBytes(StandardCharsets.UTF_8));
				if (sequence != frontier.size() || !Arrays.equals(leaf, HexFormat.of().parseHex(rs.getString(3)))) {
					log.error("Ledger entry {} is out of sequence or no longer matches its hash: no checkpoint is signed "
							+ "beyond it. Run 'java -jar custodia.jar verify'.", sequence);
					broken[0] = true;
					return;
				}
				frontier.append(leaf);
			});
		if (broken[0] || (frontier.size() == from && last.isPresent())) {
			return last;
		}
		Frontier signedTree = frontier.frozen();
		SignedNote.Checkpoint head = new SignedNote.Checkpoint(keys.origin(), signedTree.size(), signedTree.root());
		StoredCheckpoint signed = new StoredCheckpoint(signedTree.size(), HexFormat.of().formatHex(signedTree.root()),
				signedTree.encode(), SignedNote.sign(head, keys.verifierKey(), keys.privateKey()), clock.instant());
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
			status.setRollbackOnly();
			return Optional.empty();
		}
		return Optional.of(signed);
	}

	Optional<StoredCheckpoint> latest() {
		return jdbc.sql("""
				select tree_size, root_hash, frontier, note, signed_at from ledger_checkpoint
				order by tree_size desc limit 1""")
			.query((rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional();
	}
}
