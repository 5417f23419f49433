package org.custodia.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * Appends events to the log in the caller's transaction. Sequence numbers are gapless from 0:
 * appending transactions serialise on one lock row, so a rolled-back transaction leaves no hole.
 */
@Component
// Destroyed before the checkpointer, which signs at shutdown what every appender wrote before it stopped.
@DependsOn("ledgerCheckpoints")
public class Ledger {

	private static final String INSERT = """
			insert into ledger_entry (seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id,
			    payload, entry, leaf_hash)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Appends the event; must run inside the transaction of the change it records. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(LedgerEvent event) {
		Appending appending = appending();
		long sequence = appending.next;
		// Milliseconds: the precision every database keeps, so the bytes can be recomputed from the row.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String payload = CanonicalJson.write(event.payload());
		String entry = EntryEncoding.canonical(sequence, now, event.agency(), event.actor(), event.actorRoles(),
				event.action(), event.subjectType(), event.subjectId(), payload);
		String leafHash = HexFormat.of().formatHex(Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8)));
		jdbc.sql(INSERT)
			.params(sequence, Timestamp.from(now), event.agency(), event.actor(), event.actorRoles(), event.action(),
					event.subjectType(), event.subjectId(), payload, entry, leafHash)
			.update();
		appending.next = sequence + 1;
		LedgerGuard.appended();
		return sequence;
	}

	/**
	 * This transaction's place in the log. Its first append takes the writer lock, held until the
	 * transaction ends, and reads the next number; its later appends count on from there, so an
	 * import of many files pays for the lock once. The state is one of the transaction's
	 * synchronizations, which Spring suspends for an inner transaction of its own.
	 */
	private Appending appending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Appending appending && appending.ledger == this) {
				return appending;
			}
		}
		jdbc.sql("select id from ledger_writer_lock where id = 1 for update").query(Integer.class).single();
		Appending appending = new Appending(this,
				jdbc.sql("select coalesce(max(seq), -1) + 1 from ledger_entry").query(Long.class).single());
		TransactionSynchronizationManager.registerSynchronization(appending);
		return appending;
	}

	/** The next sequence number of a transaction that holds the writer lock. */
	private static final class Appending implements TransactionSynchronization {

		private final Ledger ledger;

		private long next;

		Appending(Ledger ledger, long next) {
			this.ledger = ledger;
			this.next = next;
		}
	}

	/** Entries from the given sequence number on, in order. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(long from, int limit) {
		return entries(from, limit, null);
	}

	/** Entries from the given sequence number on, of one agency when {@code agency} is not null. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(long from, int limit, String agency) {
		var statement = jdbc.sql("""
				select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry,
				       leaf_hash
				from ledger_entry where seq >= :from""" + (agency == null ? "" : " and agency = :agency")
				+ " order by seq limit :limit")
			.param("from", from)
			.param("limit", limit);
		if (agency != null) {
			statement = statement.param("agency", agency);
		}
		return statement
			.query(Ledger::entry)
			.list();
	}

	/** The entries about one subject (a recording, a device), oldest first: a record's history. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> about(String agency, java.util.Collection<String> subjectIds, int limit) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry,
				       leaf_hash
				from ledger_entry where agency = :agency and subject_id in (:ids) order by seq limit :limit""")
			.param("agency", agency)
			.param("ids", subjectIds)
			.param("limit", limit)
			.query(Ledger::entry)
			.list();
	}

	/** The entries of the given actions about one subject of an agency, oldest first: what made a register row. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> describing(String agency, String subjectId, java.util.Collection<String> actions) {
		return jdbc.sql("""
				select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry,
				       leaf_hash
				from ledger_entry where agency = :agency and subject_id = :id and action in (:actions) order by seq""")
			.param("agency", agency)
			.param("id", subjectId)
			.param("actions", actions)
			.query(Ledger::entry)
			.list();
	}

	static LedgerEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new LedgerEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("agency"),
				rs.getString("actor"), rs.getString("actor_roles"), rs.getString("action"), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("payload"), rs.getString("entry"), rs.getString("leaf_hash"));
	}

	@Transactional(readOnly = true)
	public long size() {
		return jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
	}
}
