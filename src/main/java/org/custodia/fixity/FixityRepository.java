package org.custodia.fixity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sweeps, their findings and when each key was last read. */
@Repository
class FixityRepository {

	private final JdbcClient jdbc;

	FixityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertSweep(UUID id, Sweep.Scope scope, boolean repair, String startedBy, Instant at) {
		jdbc.sql("""
				insert into fixity_sweep (id, scope, repair, started_by, started_at, state, keys_checked, bytes_read,
				  findings, repaired, lost, orphans)
				values (:id, :scope, :repair, :by, :at, :state, 0, 0, 0, 0, 0, 0)
				/* no-ledger: a sweep's bookkeeping; what it finds and repairs has its entries */""")
			.param("id", id).param("scope", scope.name()).param("repair", repair).param("by", startedBy)
			.param("at", Timestamp.from(at)).param("state", Sweep.State.RUNNING.name())
			.update();
	}

	void finishSweep(Sweep sweep) {
		jdbc.sql("""
				update fixity_sweep set finished_at = :finished, state = :state, keys_checked = :keys, bytes_read = :bytes,
				  findings = :findings, repaired = :repaired, lost = :lost, orphans = :orphans, problem = :problem
				where id = :id
				/* no-ledger: a sweep's bookkeeping; what it finds and repairs has its entries */""")
			.param("finished", sweep.finishedAt() == null ? null : Timestamp.from(sweep.finishedAt()))
			.param("state", sweep.state().name()).param("keys", sweep.keysChecked()).param("bytes", sweep.bytesRead())
			.param("findings", sweep.findings()).param("repaired", sweep.repaired()).param("lost", sweep.lost())
			.param("orphans", sweep.orphans()).param("problem", sweep.problem()).param("id", sweep.id())
			.update();
	}

	Optional<Sweep> sweep(UUID id) {
		return jdbc.sql("select * from fixity_sweep where id = :id").param("id", id).query(FixityRepository::sweep).optional();
	}

	List<Sweep> recentSweeps(int limit) {
		return jdbc.sql("select * from fixity_sweep order by started_at desc limit :limit").param("limit", limit)
			.query(FixityRepository::sweep).list();
	}

	/** When each key was last read. */
	Map<String, Instant> lastChecks() {
		Map<String, Instant> last = new HashMap<>();
		jdbc.sql("select store_key, checked_at from fixity_check")
			.query((RowCallbackHandler) row -> last.put(row.getString(1), row.getTimestamp(2).toInstant()));
		return last;
	}

	void checked(String key, boolean good, Instant at) {
		int updated = jdbc.sql("""
				update fixity_check set checked_at = :at, good = :good where store_key = :key
				/* no-ledger: when a key was last read; what was found has its entries */""")
			.param("at", Timestamp.from(at)).param("good", good).param("key", key).update();
		if (updated == 0) {
			jdbc.sql("""
					insert into fixity_check (store_key, checked_at, good) values (:key, :at, :good)
					/* no-ledger: when a key was last read; what was found has its entries */""")
				.param("at", Timestamp.from(at)).param("good", good).param("key", key).update();
		}
	}

	void insertFinding(Finding finding) {
		jdbc.sql("""
				insert into fixity_finding (id, sweep_id, store_key, agency, kind, primary_state, second_state, found_sha256,
				  found_size, detail, subject_type, subject_id, repair, repair_problem, found_at, closed_at)
				values (:id, :sweep, :key, :agency, :kind, :primary, :second, :sha, :size, :detail, :subjectType, :subjectId,
				  :repair, :problem, :found, :closed)""")
			.param("id", finding.id()).param("sweep", finding.sweepId()).param("key", finding.storeKey())
			.param("agency", finding.agency()).param("kind", finding.kind().name()).param("primary", finding.primaryState())
			.param("second", finding.secondState()).param("sha", finding.foundSha256()).param("size", finding.foundSize())
			.param("detail", finding.detail()).param("subjectType", finding.subjectType())
			.param("subjectId", finding.subjectId()).param("repair", finding.repair())
			.param("problem", finding.repairProblem()).param("found", Timestamp.from(finding.foundAt()))
			.param("closed", finding.closedAt() == null ? null : Timestamp.from(finding.closedAt()))
			.update();
	}

	/** An open finding found again by a later sweep: it is listed with that sweep from now on. */
	void seenAgain(List<Finding> open, Finding.Kind kind, UUID sweep) {
		for (Finding finding : open) {
			if (finding.kind() == kind) {
				jdbc.sql("""
						update fixity_finding set sweep_id = :sweep where id = :id
						/* no-ledger: the same finding seen again; its entry was written when it was first found */""")
					.param("sweep", sweep).param("id", finding.id()).update();
			}
		}
	}

	/** Closes the open findings of a key, of the kinds given; returns how many. */
	int close(String key, List<Finding.Kind> kinds, String repair, Instant at) {
		return jdbc.sql("""
				update fixity_finding set closed_at = :at, repair = coalesce(:repair, repair)
				where store_key = :key and closed_at is null and kind in (:kinds)""")
			.param("at", Timestamp.from(at)).param("repair", repair).param("key", key)
			.param("kinds", kinds.stream().map(Enum::name).toList())
			.update();
	}

	List<Finding> open(String key) {
		return jdbc.sql("select * from fixity_finding where store_key = :key and closed_at is null").param("key", key)
			.query(FixityRepository::finding).list();
	}

	List<Finding> ofSweep(UUID sweep) {
		return jdbc.sql("select * from fixity_finding where sweep_id = :id order by found_at, store_key").param("id", sweep)
			.query(FixityRepository::finding).list();
	}

	/** The open findings of one agency, or of all when {@code agency} is null. */
	List<Finding> openFindings(String agency, int limit) {
		var query = jdbc.sql("select * from fixity_finding where closed_at is null" + ofAgency(agency)
				+ " order by found_at desc limit :limit").param("limit", limit);
		return (agency == null ? query : query.param("agency", agency)).query(FixityRepository::finding).list();
	}

	long countOpen(String agency, Finding.Kind kind) {
		var query = jdbc.sql("select count(*) from fixity_finding where closed_at is null and kind = :kind" + ofAgency(agency))
			.param("kind", kind.name());
		return (agency == null ? query : query.param("agency", agency)).query(Long.class).single();
	}

	long countRepairedSince(String agency, Instant since) {
		var query = jdbc.sql("select count(*) from fixity_finding where repair = :repaired and closed_at >= :since"
				+ ofAgency(agency))
			.param("repaired", org.custodia.storage.StoredCopies.Outcome.REPAIRED.name())
			.param("since", Timestamp.from(since));
		return (agency == null ? query : query.param("agency", agency)).query(Long.class).single();
	}

	private static String ofAgency(String agency) {
		return agency == null ? "" : " and agency = :agency";
	}

	private static Sweep sweep(ResultSet row, int n) throws SQLException {
		return new Sweep(row.getObject("id", UUID.class), Sweep.Scope.valueOf(row.getString("scope")), row.getBoolean("repair"),
				row.getString("started_by"), instant(row, "started_at"), instant(row, "finished_at"),
				Sweep.State.valueOf(row.getString("state")), row.getLong("keys_checked"), row.getLong("bytes_read"),
				row.getLong("findings"), row.getLong("repaired"), row.getLong("lost"), row.getLong("orphans"),
				row.getString("problem"));
	}

	private static Finding finding(ResultSet row, int n) throws SQLException {
		long size = row.getLong("found_size");
		Long foundSize = row.wasNull() ? null : size;
		return new Finding(row.getObject("id", UUID.class), row.getObject("sweep_id", UUID.class), row.getString("store_key"),
				row.getString("agency"), Finding.Kind.valueOf(row.getString("kind")), row.getString("primary_state"),
				row.getString("second_state"), row.getString("found_sha256"), foundSize, row.getString("detail"),
				row.getString("subject_type"), row.getString("subject_id"), row.getString("repair"),
				row.getString("repair_problem"), instant(row, "found_at"), instant(row, "closed_at"));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp at = row.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}
}
