package org.custodia.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The handlers of cases, and the way from a recording through its activity to its case. */
@Repository
class CaseHandlerRepository {

	private final JdbcClient jdbc;

	CaseHandlerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Makes {@code handlers} the case's handlers: those already assigned keep when and by whom, the others
	 * are assigned now by {@code by}.
	 */
	void replace(UUID caseId, Collection<UUID> handlers, String by, Instant at) {
		Set<UUID> before = handlersOf(caseId);
		for (UUID gone : before) {
			if (!handlers.contains(gone)) {
				jdbc.sql("delete from activity_case_handler where case_id = :case and user_id = :user")
					.param("case", caseId)
					.param("user", gone)
					.update();
			}
		}
		for (UUID added : handlers) {
			if (!before.contains(added)) {
				jdbc.sql("""
						insert into activity_case_handler (case_id, user_id, assigned_by, assigned_at)
						values (:case, :user, :by, :at)""")
					.param("case", caseId)
					.param("user", added)
					.param("by", by)
					.param("at", Timestamp.from(at))
					.update();
			}
		}
	}

	Set<UUID> handlersOf(UUID caseId) {
		return new LinkedHashSet<>(jdbc.sql("select user_id from activity_case_handler where case_id = :case order by assigned_at, user_id")
			.param("case", caseId)
			.query(UUID.class)
			.list());
	}

	/** The handlers of each of the cases that has any. */
	Map<UUID, List<UUID>> handlersOf(Collection<UUID> caseIds) {
		Map<UUID, List<UUID>> found = new HashMap<>();
		if (!caseIds.isEmpty()) {
			jdbc.sql("select case_id, user_id from activity_case_handler where case_id in (:ids) order by assigned_at, user_id")
				.param("ids", caseIds)
				.query((rs, n) -> found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
					.add(rs.getObject(2, UUID.class)))
				.list();
		}
		return found;
	}

	boolean handles(UUID userId, UUID recordingId) {
		return jdbc.sql("""
				select count(*) from activity_recording r
				join activity_activity a on a.id = r.activity_id
				join activity_case_handler h on h.case_id = a.case_id
				where r.recording_id = :recording and h.user_id = :user""")
			.param("recording", recordingId)
			.param("user", userId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<UUID> caseOf(UUID recordingId) {
		return jdbc.sql("""
				select a.case_id from activity_recording r
				join activity_activity a on a.id = r.activity_id
				where r.recording_id = :recording and a.case_id is not null""")
			.param("recording", recordingId)
			.query(UUID.class)
			.optional();
	}

	List<UUID> recordingsOfCase(String agency, UUID caseId) {
		return jdbc.sql("""
				select r.recording_id from activity_recording r
				join activity_activity a on a.id = r.activity_id
				join activity_case c on c.id = a.case_id
				where c.id = :case and c.agency_code = :agency
				order by r.recorded_at, r.recording_id""")
			.param("case", caseId)
			.param("agency", agency)
			.query(UUID.class)
			.list();
	}

	List<UUID> recordingsOfActivity(String agency, UUID activityId) {
		return jdbc.sql("""
				select r.recording_id from activity_recording r
				join activity_activity a on a.id = r.activity_id
				where a.id = :activity and a.agency_code = :agency
				order by r.recorded_at, r.recording_id""")
			.param("activity", activityId)
			.param("agency", agency)
			.query(UUID.class)
			.list();
	}

	Optional<String> caseNumber(UUID caseId) {
		return jdbc.sql("select number from activity_case where id = :id").param("id", caseId).query(String.class).optional();
	}

	Optional<String> caseNumber(String agency, UUID caseId) {
		return jdbc.sql("select number from activity_case where id = :id and agency_code = :agency").param("id", caseId)
			.param("agency", agency).query(String.class).optional();
	}
}
