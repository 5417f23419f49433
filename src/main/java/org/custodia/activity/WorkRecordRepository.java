package org.custodia.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkRecordRepository {

	private static final String COLUMNS = """
			select id, activity_id, agency_code, reason_code, reason, basis, leader_id, consent_by, written_by_id, written_by, written_at,
			       reviewer_role, reviewer_id, status, reviewed_at, review_note, filed_by, filed_at, copies, copy_holders, cite
			from activity_work_record""";

	private final JdbcClient jdbc;

	WorkRecordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(WorkRecord record) {
		jdbc.sql("""
				insert into activity_work_record (id, activity_id, agency_code, reason_code, reason, basis, leader_id,
				    consent_by, written_by_id, written_by, written_at, reviewer_role, reviewer_id, status, copies, cite)
				values (:id, :activity, :agency, :code, :reason, :basis, :leader, :consentBy, :writerId, :writer, :at, :role, :reviewer,
				    :status, :copies, :cite)""")
			.param("id", record.id())
			.param("activity", record.activityId())
			.param("agency", record.agency())
			.param("code", record.reasonCode())
			.param("reason", record.reason())
			.param("basis", record.basis())
			.param("leader", record.leaderId())
			.param("consentBy", record.consentBy())
			.param("writerId", record.writtenById())
			.param("writer", record.writtenBy())
			.param("at", Timestamp.from(record.writtenAt()))
			.param("role", record.reviewerRole().code())
			.param("reviewer", record.reviewerId())
			.param("status", record.status().name())
			.param("copies", record.copies())
			.param("cite", record.cite())
			.update();
	}

	void review(UUID id, WorkRecordStatus status, Instant at, String note) {
		jdbc.sql("update activity_work_record set status = :status, reviewed_at = :at, review_note = :note where id = :id")
			.param("status", status.name())
			.param("at", Timestamp.from(at))
			.param("note", note)
			.param("id", id)
			.update();
	}

	void file(UUID id, String by, Instant at, List<String> holders) {
		jdbc.sql("update activity_work_record set status = :status, filed_by = :by, filed_at = :at, copy_holders = :holders where id = :id")
			.param("status", WorkRecordStatus.FILED.name())
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("holders", String.join("\n", holders))
			.param("id", id)
			.update();
	}

	Map<UUID, WorkRecord> byIds(Collection<UUID> ids) {
		Map<UUID, WorkRecord> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", ids).query(WorkRecordRepository::map).list()
				.forEach(record -> found.put(record.id(), record));
		}
		return found;
	}

	long count() {
		return jdbc.sql("select count(*) from activity_work_record").query(Long.class).single();
	}

	Optional<WorkRecord> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(WorkRecordRepository::map).optional();
	}

	List<WorkRecord> of(Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " where activity_id in (:ids) order by written_at, id")
			.param("ids", activityIds)
			.query(WorkRecordRepository::map)
			.list();
	}

	/** How many of an agency's work records are in the status, only those naming the reviewer when given. */
	long count(String agency, WorkRecordStatus status, UUID reviewerId) {
		return jdbc.sql("select count(*) from activity_work_record where agency_code = :agency and status = :status"
				+ (reviewerId == null ? "" : " and reviewer_id = :reviewer"))
			.param("agency", agency)
			.param("status", status.name())
			.params(reviewerId == null ? java.util.Map.of() : java.util.Map.of("reviewer", reviewerId))
			.query(Long.class)
			.single();
	}

	private static WorkRecord map(ResultSet rs, int n) throws SQLException {
		String holders = rs.getString("copy_holders");
		return new WorkRecord(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getString("agency_code"), rs.getString("reason_code"), rs.getString("reason"), rs.getString("basis"),
				rs.getObject("leader_id", UUID.class), rs.getString("consent_by"), rs.getObject("written_by_id", UUID.class), rs.getString("written_by"),
				ActivityRepository.instant(rs, "written_at"), Role.fromCode(rs.getString("reviewer_role")),
				rs.getObject("reviewer_id", UUID.class), WorkRecordStatus.valueOf(rs.getString("status")), ActivityRepository.instant(rs, "reviewed_at"),
				rs.getString("review_note"), rs.getString("filed_by"), ActivityRepository.instant(rs, "filed_at"),
				rs.getInt("copies"), holders == null || holders.isEmpty() ? List.of() : Arrays.asList(holders.split("\n")),
				rs.getString("cite"));
	}
}
