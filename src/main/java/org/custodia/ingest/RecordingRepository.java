package org.custodia.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordingRepository {

	private static final String COLUMNS = """
			select id, agency_code, device_id, officer_id, blob_key, sha256, size_bytes, original_name, content_type,
			       recorded_at, imported_at, imported_by, late_minutes, readable, problem
			from ingest_recording""";

	private final JdbcClient jdbc;

	RecordingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Recording> bySha256(String agency, String sha256) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency and sha256 = :sha")
			.param("agency", agency)
			.param("sha", sha256)
			.query(RecordingRepository::map)
			.optional();
	}

	Optional<Recording> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(RecordingRepository::map).optional();
	}

	List<Recording> list(String agency, UUID deviceId, int limit) {
		String where = " where agency_code = :agency" + (deviceId == null ? "" : " and device_id = :device");
		var statement = jdbc.sql(COLUMNS + where + " order by imported_at desc, id limit :limit")
			.param("agency", agency)
			.param("limit", limit);
		if (deviceId != null) {
			statement = statement.param("device", deviceId);
		}
		return statement.query(RecordingRepository::map).list();
	}

	void insert(Recording recording) {
		jdbc.sql("""
				insert into ingest_recording (id, agency_code, device_id, officer_id, blob_key, sha256, size_bytes,
				    original_name, content_type, recorded_at, imported_at, imported_by, late_minutes, readable, problem)
				values (:id, :agency, :device, :officer, :key, :sha, :size, :name, :type, :recordedAt, :importedAt, :by,
				    :late, :readable, :problem)""")
			.param("id", recording.id())
			.param("agency", recording.agency())
			.param("device", recording.deviceId())
			.param("officer", recording.officerId())
			.param("key", recording.blobKey())
			.param("sha", recording.sha256())
			.param("size", recording.size())
			.param("name", recording.originalName())
			.param("type", recording.contentType())
			.param("recordedAt", timestamp(recording.recordedAt()))
			.param("importedAt", timestamp(recording.importedAt()))
			.param("by", recording.importedBy())
			.param("late", recording.lateMinutes())
			.param("readable", recording.readable())
			.param("problem", recording.problem())
			.update();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Recording map(ResultSet rs, int row) throws SQLException {
		Timestamp recorded = rs.getTimestamp("recorded_at");
		Long late = rs.getObject("late_minutes") instanceof Number number ? number.longValue() : null;
		return new Recording(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getObject("device_id", UUID.class),
				rs.getObject("officer_id", UUID.class), rs.getString("blob_key"), rs.getString("sha256"),
				rs.getLong("size_bytes"), rs.getString("original_name"), rs.getString("content_type"),
				recorded == null ? null : recorded.toInstant(), rs.getTimestamp("imported_at").toInstant(),
				rs.getString("imported_by"), late, rs.getBoolean("readable"), rs.getString("problem"));
	}
}
