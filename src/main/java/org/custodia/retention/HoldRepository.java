package org.custodia.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds; each change is written beside its ledger entry. */
@Repository
class HoldRepository {

	private static final String COLUMNS = """
			select id, agency_code, subject_type, subject_id, kind, reason, placed_by, placed_at, released_by,
			       released_at, release_reason
			from retention_hold""";

	private final JdbcClient jdbc;

	HoldRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Hold hold) {
		jdbc.sql("""
				insert into retention_hold (id, agency_code, subject_type, subject_id, kind, reason, placed_by, placed_at)
				values (:id, :agency, :type, :subject, :kind, :reason, :by, :at)""")
			.param("id", hold.id()).param("agency", hold.agency()).param("type", hold.subjectType().name())
			.param("subject", hold.subjectId()).param("kind", hold.kind().name()).param("reason", hold.reason())
			.param("by", hold.placedBy()).param("at", Timestamp.from(hold.placedAt()))
			.update();
	}

	boolean released(UUID id, String by, Instant at, String reason) {
		return jdbc.sql("""
				update retention_hold set released_by = :by, released_at = :at, release_reason = :reason
				where id = :id and released_at is null""")
			.param("by", by).param("at", Timestamp.from(at)).param("reason", reason).param("id", id)
			.update() == 1;
	}

	Optional<Hold> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(HoldRepository::map).optional();
	}

	/** The holds standing on any of these subjects (a recording, its case). */
	List<Hold> standingOn(List<UUID> subjects) {
		return jdbc.sql(COLUMNS + " where subject_id in (:subjects) and released_at is null order by placed_at, id")
			.param("subjects", subjects).query(HoldRepository::map).list();
	}

	long count() {
		return jdbc.sql("select count(*) from retention_hold").query(Long.class).single();
	}

	java.util.Map<UUID, Hold> byIds(List<UUID> ids) {
		java.util.Map<UUID, Hold> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", ids).query(HoldRepository::map).list()
				.forEach(hold -> found.put(hold.id(), hold));
		}
		return found;
	}

	List<Hold> of(String agency, boolean standingOnly) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency" + (standingOnly ? " and released_at is null" : "")
				+ " order by placed_at desc, id")
			.param("agency", agency).query(HoldRepository::map).list();
	}

	private static Hold map(ResultSet rs, int row) throws SQLException {
		Timestamp released = rs.getTimestamp("released_at");
		return new Hold(rs.getObject("id", UUID.class), rs.getString("agency_code"),
				Hold.Subject.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class),
				Hold.Kind.valueOf(rs.getString("kind")), rs.getString("reason"), rs.getString("placed_by"),
				rs.getTimestamp("placed_at").toInstant(), rs.getString("released_by"),
				released == null ? null : released.toInstant(), rs.getString("release_reason"));
	}
}
