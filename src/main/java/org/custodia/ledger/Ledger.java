package org.custodia.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
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

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(DataSource dataSource, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.clock = clock;
	}

	/** Appends the event; must run inside the transaction of the change it records. */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(LedgerEvent event) {
		// Plain JDBC on the transaction's connection: the append is on the path of every change, and an
		// embedded database answers faster than the layers above it would take.
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Appending appending = appending(connection);
			long sequence = appending.next;
			// Milliseconds: the precision every database keeps, so the bytes can be recomputed from the row.
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			String payload = CanonicalJson.write(event.payload());
			String entry = EntryEncoding.canonical(sequence, now, event.agency(), event.actor(), event.actorRoles(),
					event.action(), event.subjectType(), event.subjectId(), payload);
			String leafHash = HexFormat.of().formatHex(Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8)));
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				insert.setLong(1, sequence);
				insert.setTimestamp(2, Timestamp.from(now));
				insert.setString(3, event.agency());
				insert.setString(4, event.actor());
				insert.setString(5, event.actorRoles());
				insert.setString(6, event.action());
				insert.setString(7, event.subjectType());
				insert.setString(8, event.subjectId());
				insert.setString(9, payload);
				insert.setString(10, entry);
				insert.setString(11, leafHash);
				insert.executeUpdate();
			}
			appending.next = sequence + 1;
			LedgerGuard.appended();
			return sequence;
		}
		catch (SQLException e) {
			DataAccessException translated = new SQLErrorCodeSQLExceptionTranslator(dataSource).translate("append to the ledger",
					INSERT, e);
			throw translated != null ? translated : new UncategorizedSQLException("append to the ledger", INSERT, e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * This transaction's place in the log. Its first append takes the writer lock, held until the
	 * transaction ends, and reads the next number; its later appends count on from there, so an
	 * import of many files pays for the lock once. The state is one of the transaction's
	 * synchronizations, which Spring suspends for an inner transaction of its own.
	 */
	private Appending appending(Connection connection) throws SQLException {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Appending appending && appending.ledger == this) {
				return appending;
			}
		}
		try (PreparedStatement lock = connection.prepareStatement("select id from ledger_writer_lock where id = 1 for update");
				ResultSet locked = lock.executeQuery()) {
			if (!locked.next()) {
				throw new IllegalStateException("the ledger's writer lock row is missing");
			}
		}
		Appending appending = new Appending(this, next(connection));
		TransactionSynchronizationManager.registerSynchronization(appending);
		return appending;
	}

	private static long next(Connection connection) throws SQLException {
		try (PreparedStatement last = connection.prepareStatement("select max(seq) from ledger_entry");
				ResultSet rs = last.executeQuery()) {
			rs.next();
			long max = rs.getLong(1);
			return rs.wasNull() ? 0 : max + 1;
		}
	}

	/** The next sequence number of a transaction that holds the writer lock, and its first. */
	private static final class Appending implements TransactionSynchronization {

		private final Ledger ledger;

		private final long first;

		private long next;

		Appending(Ledger ledger, long next) {
			this.ledger = ledger;
			this.first = next;
			this.next = next;
		}

		/**
		 * A savepoint rolled back after an append (a nested transaction) takes entries away without telling
		 * anyone: the numbers counted on would leave a hole, so such a transaction does not commit. The
		 * ledger guard sees the application's connections roll back to savepoints; only then are the
		 * transaction's entries counted.
		 */
		@Override
		public void beforeCommit(boolean readOnly) {
			if (!LedgerGuard.rolledBackToSavepoint()) {
				return;
			}
			Connection connection = DataSourceUtils.getConnection(ledger.dataSource);
			// Bounded on both sides, so that a plan made for any parameters reads the key's index, not the table.
			try (PreparedStatement count = connection.prepareStatement(
					"select count(*) from ledger_entry where seq >= ? and seq < ?")) {
				count.setLong(1, first);
				count.setLong(2, next);
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					if (rs.getLong(1) != next - first) {
						throw new IllegalStateException("ledger entries appended in this transaction were rolled back to a "
								+ "savepoint; committing it would leave a gap in the sequence, so it is rolled back");
					}
				}
			}
			catch (SQLException e) {
				throw new UncategorizedSQLException("check the ledger's sequence before commit", "count", e);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, ledger.dataSource);
			}
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
