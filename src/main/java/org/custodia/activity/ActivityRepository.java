package org.custodia.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases, activities, their officers and the recordings confirmed for them. */
@Repository
class ActivityRepository {

	private static final String CASE_COLUMNS = "select id, agency_code, number, name, status, created_at, created_by from activity_case";

	private static final String ACTIVITY_COLUMNS = """
			select id, agency_code, type_code, unit_id, case_id, place, started_at, ended_at, parties, source, created_at,
			       created_by
			from activity_activity""";

	private static final String LINK_COLUMNS = """
			select recording_id, activity_id, device_id, officer_id, recorded_at, recorded_end, late_minutes, confirmed_by,
			       confirmed_at
			from activity_recording""";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertCase(EnforcementCase enforcementCase) {
		jdbc.sql("""
				insert into activity_case (id, agency_code, number, name, status, created_at, created_by)
				values (:id, :agency, :number, :name, :status, :at, :by)""")
			.param("id", enforcementCase.id())
			.param("agency", enforcementCase.agency())
			.param("number", enforcementCase.number())
			.param("name", enforcementCase.name())
			.param("status", enforcementCase.status().name())
			.param("at", Timestamp.from(enforcementCase.createdAt()))
			.param("by", enforcementCase.createdBy())
			.update();
	}

	void changeCaseStatus(UUID id, CaseStatus status) {
		jdbc.sql("update activity_case set status = :status where id = :id").param("status", status.name()).param("id", id).update();
	}

	Optional<EnforcementCase> findCase(UUID id) {
		return jdbc.sql(CASE_COLUMNS + " where id = :id").param("id", id).query(ActivityRepository::enforcementCase).optional();
	}

	boolean caseNumberTaken(String agency, String number) {
		return jdbc.sql("select count(*) from activity_case where agency_code = :agency and number = :number")
			.param("agency", agency)
			.param("number", number)
			.query(Long.class)
			.single() > 0;
	}

	Optional<EnforcementCase> caseByNumber(String agency, String number) {
		return jdbc.sql(CASE_COLUMNS + " where agency_code = :agency and number = :number")
			.param("agency", agency)
			.param("number", number)
			.query(ActivityRepository::enforcementCase)
			.optional();
	}

	List<EnforcementCase> cases(String agency) {
		return jdbc.sql(CASE_COLUMNS + " where agency_code = :agency order by created_at desc, number")
			.param("agency", agency)
			.query(ActivityRepository::enforcementCase)
			.list();
	}

	void insert(Activity activity) {
		jdbc.sql("""
				insert into activity_activity (id, agency_code, type_code, unit_id, case_id, place, started_at, ended_at,
				    parties, source, created_at, created_by)
				values (:id, :agency, :type, :unit, :case, :place, :start, :end, :parties, :source, :at, :by)""")
			.param("id", activity.id())
			.param("agency", activity.agency())
			.param("type", activity.type())
			.param("unit", activity.unitId())
			.param("case", activity.caseId())
			.param("place", activity.place())
			.param("start", Timestamp.from(activity.startedAt()))
			.param("end", Timestamp.from(activity.endedAt()))
			.param("parties", activity.parties())
			.param("source", activity.source().name())
			.param("at", Timestamp.from(activity.createdAt()))
			.param("by", activity.createdBy())
			.update();
		for (UUID officer : activity.officers()) {
			jdbc.sql("insert into activity_officer (activity_id, officer_id) values (:activity, :officer)")
				.param("activity", activity.id())
				.param("officer", officer)
				.update();
		}
	}

	Map<UUID, Activity> byIds(Collection<UUID> ids) {
		Map<UUID, Activity> found = new HashMap<>();
		if (!ids.isEmpty()) {
			withOfficers(jdbc.sql(ACTIVITY_COLUMNS + " where id in (:ids)").param("ids", ids).query(Row::of).list())
				.forEach(activity -> found.put(activity.id(), activity));
		}
		return found;
	}

	long count() {
		return jdbc.sql("select count(*) from activity_activity").query(Long.class).single();
	}

	Optional<Activity> find(UUID id) {
		return withOfficers(jdbc.sql(ACTIVITY_COLUMNS + " where id = :id").param("id", id).query(Row::of).list())
			.stream()
			.findFirst();
	}

	/** An agency's activities that started in {@code [from, to)} (either may be null), earliest first. */
	List<Activity> list(String agency, Instant from, Instant to) {
		StringBuilder where = new StringBuilder(" where agency_code = :agency");
		Map<String, Object> params = new HashMap<>();
		params.put("agency", agency);
		if (from != null) {
			where.append(" and started_at >= :from");
			params.put("from", Timestamp.from(from));
		}
		if (to != null) {
			where.append(" and started_at < :to");
			params.put("to", Timestamp.from(to));
		}
		return withOfficers(jdbc.sql(ACTIVITY_COLUMNS + where + " order by started_at, id").params(params).query(Row::of).list());
	}

	void link(RecordingLink link, String agency) {
		jdbc.sql("""
				insert into activity_recording (recording_id, activity_id, agency_code, device_id, officer_id, recorded_at,
				    recorded_end, late_minutes, confirmed_by, confirmed_at)
				values (:recording, :activity, :agency, :device, :officer, :start, :end, :late, :by, :at)""")
			.param("recording", link.recordingId())
			.param("activity", link.activityId())
			.param("agency", agency)
			.param("device", link.deviceId())
			.param("officer", link.officerId())
			.param("start", link.recordedAt() == null ? null : Timestamp.from(link.recordedAt()))
			.param("end", link.recordedEnd() == null ? null : Timestamp.from(link.recordedEnd()))
			.param("late", link.lateMinutes())
			.param("by", link.confirmedBy())
			.param("at", Timestamp.from(link.confirmedAt()))
			.update();
	}

	Optional<RecordingLink> linkOf(UUID recordingId) {
		return jdbc.sql(LINK_COLUMNS + " where recording_id = :id").param("id", recordingId).query(ActivityRepository::link).optional();
	}

	/** The recordings of the activities, each activity's in the order they were recorded. */
	List<RecordingLink> links(Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(LINK_COLUMNS + " where activity_id in (:ids) order by activity_id, recorded_at, recording_id")
			.param("ids", activityIds)
			.query(ActivityRepository::link)
			.list();
	}

	private List<Activity> withOfficers(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<UUID>> officers = new HashMap<>();
		jdbc.sql("select activity_id, officer_id from activity_officer where activity_id in (:ids) order by officer_id")
			.param("ids", rows.stream().map(Row::id).toList())
			.query((rs, n) -> officers.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		return rows.stream().map(row -> row.activity(officers.getOrDefault(row.id(), List.of()))).toList();
	}

	/** An activity row before its officers are read. */
	private record Row(UUID id, String agency, String type, UUID unitId, UUID caseId, String place, Instant startedAt,
			Instant endedAt, String parties, ActivitySource source, Instant createdAt, String createdBy) {

		static Row of(ResultSet rs, int n) throws SQLException {
			return new Row(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("type_code"),
					rs.getObject("unit_id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("place"),
					instant(rs, "started_at"), instant(rs, "ended_at"), rs.getString("parties"), ActivitySource.valueOf(rs.getString("source")),
					instant(rs, "created_at"), rs.getString("created_by"));
		}

		Activity activity(List<UUID> officers) {
			return new Activity(id, agency, type, unitId, caseId, place, startedAt, endedAt, officers, parties, source,
					createdAt, createdBy);
		}
	}

	private static EnforcementCase enforcementCase(ResultSet rs, int n) throws SQLException {
		return new EnforcementCase(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("number"),
				rs.getString("name"), CaseStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), rs.getString("created_by"));
	}

	private static RecordingLink link(ResultSet rs, int n) throws SQLException {
		long minutes = rs.getLong("late_minutes");
		Long late = rs.wasNull() ? null : minutes;
		return new RecordingLink(rs.getObject("recording_id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getObject("device_id", UUID.class), rs.getObject("officer_id", UUID.class), instant(rs, "recorded_at"),
				instant(rs, "recorded_end"), late, rs.getString("confirmed_by"),
				instant(rs, "confirmed_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
