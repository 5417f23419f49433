package org.custodia.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.media.MediaFacts;
import org.custodia.policy.ImportDeadline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RecordingRepository {

	/** Which recordings a listing wants; null parts don't filter. */
	record Filter(String agency, UUID deviceId, UUID officerId, Instant from, Instant to) {
	}

	/** The position after the last row of a page: rows come newest import first. */
	record After(Instant importedAt, UUID id) {
	}

	/**
	 * A late reason the regulation allows moves the deadline once (the return to the unit); the row keeps the
	 * deadline set at import, the reason the moved one.
	 */
	private static final String COLUMNS = """
			select id, agency_code, device_id, officer_id, blob_key, sha256, sm3, size_bytes, original_name, content_type,
			       recorded_at, recorded_end, time_source, imported_at, imported_by, late_minutes, import_deadline,
			       deadline_cite,
			       (select max(l.deadline) from recording_late_reason l where l.recording_id = recording_recording.id) as moved_deadline,
			       (select max(l.deadline_cite) from recording_late_reason l where l.recording_id = recording_recording.id) as moved_cite,
			       readable, problem,
			       media_format, duration_ms, created_as_stated, created_tag, created_offset, video_codec, width, height,
			       frame_rate, audio_codec, audio_channels, audio_sample_rate, make, model, gps_latitude, gps_longitude,
			       gps_altitude, name_device_number, name_time, important, clock_finding, has_poster, disposed_at,
			       created_instant, streams_duration_ms, problem_detail
			from recording_recording""";

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

	Map<UUID, Recording> byIds(java.util.Collection<UUID> ids) {
		Map<UUID, Recording> found = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", ids).query(RecordingRepository::map).list()
				.forEach(recording -> found.put(recording.id(), recording));
		}
		return found;
	}

	long count() {
		return jdbc.sql("select count(*) from recording_recording").query(Long.class).single();
	}

	Optional<Recording> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(RecordingRepository::map).optional();
	}

	List<Recording> find(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", ids).query(RecordingRepository::map).list();
	}

	List<Recording> list(Filter filter, After after, int limit) {
		StringBuilder where = new StringBuilder(" where agency_code = :agency");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agency", filter.agency());
		if (filter.deviceId() != null) {
			where.append(" and device_id = :device");
			params.put("device", filter.deviceId());
		}
		if (filter.officerId() != null) {
			where.append(" and officer_id = :officer");
			params.put("officer", filter.officerId());
		}
		if (filter.from() != null) {
			where.append(" and recorded_at >= :from");
			params.put("from", timestamp(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and recorded_at < :to");
			params.put("to", timestamp(filter.to()));
		}
		if (after != null) {
			where.append(" and (imported_at < :afterAt or (imported_at = :afterAt and id < :afterId))");
			params.put("afterAt", timestamp(after.importedAt()));
			params.put("afterId", after.id());
		}
		params.put("limit", limit);
		return jdbc.sql(COLUMNS + where + " order by imported_at desc, id desc limit :limit")
			.params(params)
			.query(RecordingRepository::map)
			.list();
	}

	/** Recordings still waiting for their SM3, oldest first. */
	List<Recording> withoutSm3(int limit) {
		return jdbc.sql(COLUMNS + " where sm3 is null and disposed_at is null order by imported_at, id limit :limit")
			.param("limit", limit)
			.query(RecordingRepository::map)
			.list();
	}

	/** Sets the SM3 once; a second computation finds it set and changes nothing. */
	boolean recordSm3(UUID id, String sm3) {
		return jdbc.sql("update recording_recording set sm3 = :sm3 where id = :id and sm3 is null")
			.param("sm3", sm3)
			.param("id", id)
			.update() == 1;
	}

	/** Marks the recording disposed of; false when it was already. Its row stays, as the tombstone. */
	boolean disposed(UUID id, UUID disposalId, Instant at) {
		return jdbc.sql("""
				update recording_recording set disposed_at = :at, disposal_id = :disposal
				where id = :id and disposed_at is null""")
			.param("at", timestamp(at)).param("disposal", disposalId).param("id", id)
			.update() == 1;
	}

	/** Names the officer who made the recording; the correction's ledger entry is written beside it. */
	void changeOfficer(UUID id, UUID officerId) {
		jdbc.sql("update recording_recording set officer_id = :officer where id = :id")
			.param("officer", officerId).param("id", id)
			.update();
	}

	/** Whether a recording still kept names this store key. */
	boolean keptUnder(String key) {
		return jdbc.sql("select count(*) from recording_recording where blob_key = :key and disposed_at is null")
			.param("key", key).query(Long.class).single() > 0;
	}

	void insert(Recording recording, String timeReason) {
		MediaFacts media = recording.media();
		NameFacts name = recording.fileName();
		jdbc.sql("""
				insert into recording_recording (id, agency_code, device_id, officer_id, blob_key, sha256, sm3, size_bytes,
				    original_name, content_type, recorded_at, recorded_end, time_source, imported_at, imported_by,
				    late_minutes, import_deadline, deadline_cite, readable, problem, media_format, duration_ms, created_as_stated, created_tag,
				    created_offset, video_codec, width, height, frame_rate, audio_codec, audio_channels, audio_sample_rate,
				    make, model, gps_latitude, gps_longitude, gps_altitude, name_device_number, name_time, important,
				    clock_finding, has_poster, created_instant, time_reason, streams_duration_ms,
				    problem_detail)
				values (:id, :agency, :device, :officer, :key, :sha, :sm3, :size, :name, :type, :recordedAt, :recordedEnd,
				    :timeSource, :importedAt, :by, :late, :deadline, :deadlineCite, :readable, :problem, :format, :duration, :created, :createdTag,
				    :createdOffset, :videoCodec, :width, :height, :frameRate, :audioCodec, :channels, :sampleRate, :make,
				    :model, :lat, :lon, :alt, :nameDevice, :nameTime, :important, :clock, :poster, :createdInstant, :timeReason,
				    :streamsDuration, :problemDetail)""")
			.param("id", recording.id())
			.param("agency", recording.agency())
			.param("device", recording.deviceId())
			.param("officer", recording.officerId())
			.param("key", recording.blobKey())
			.param("sha", recording.sha256())
			.param("sm3", recording.sm3())
			.param("size", recording.size())
			.param("name", recording.originalName())
			.param("type", recording.contentType())
			.param("recordedAt", timestamp(recording.recordedAt()))
			.param("recordedEnd", timestamp(recording.recordedEnd()))
			.param("timeSource", recording.timeSource())
			.param("importedAt", timestamp(recording.importedAt()))
			.param("by", recording.importedBy())
			.param("late", recording.lateMinutes())
			.param("deadline", timestamp(recording.importDeadline()))
			.param("deadlineCite", recording.deadlineCite())
			.param("readable", recording.readable())
			.param("problem", recording.problem())
			.param("format", cut(media.format(), 100))
			.param("duration", media.durationMillis())
			.param("created", cut(media.createdAsStated(), 40))
			.param("createdTag", cut(media.createdTag(), 60))
			.param("createdOffset", media.createdOffset())
			.param("videoCodec", cut(media.videoCodec(), 40))
			.param("width", media.width())
			.param("height", media.height())
			.param("frameRate", media.frameRate())
			.param("audioCodec", cut(media.audioCodec(), 40))
			.param("channels", media.audioChannels())
			.param("sampleRate", media.audioSampleRate())
			.param("make", cut(media.make(), 100))
			.param("model", cut(media.model(), 100))
			.param("lat", media.latitude())
			.param("lon", media.longitude())
			.param("alt", media.altitude())
			.param("nameDevice", cut(name.deviceNumber(), 64))
			.param("nameTime", name.time() == null ? null : name.time().toString())
			.param("important", name.important())
			.param("clock", recording.clockFinding())
			.param("poster", recording.poster())
			.param("createdInstant", timestamp(media.createdInstant()))
			.param("timeReason", timeReason)
			.param("streamsDuration", media.streamsDurationMillis())
			.param("problemDetail", cut(media.problemDetail(), 500))
			.update();
	}

	private static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static <T> T nullable(ResultSet rs, String column, Class<T> type) throws SQLException {
		Object value = rs.getObject(column);
		if (value == null) {
			return null;
		}
		Number number = (Number) value;
		if (type == Long.class) {
			return type.cast(number.longValue());
		}
		if (type == Integer.class) {
			return type.cast(number.intValue());
		}
		return type.cast(number.doubleValue());
	}

	private static Recording map(ResultSet rs, int row) throws SQLException {
		MediaFacts media = new MediaFacts(rs.getString("media_format"), nullable(rs, "duration_ms", Long.class),
				rs.getString("created_as_stated"), rs.getString("created_tag"), rs.getString("created_offset"),
				instant(rs, "created_instant"),
				rs.getString("video_codec"), nullable(rs, "width", Integer.class), nullable(rs, "height", Integer.class),
				nullable(rs, "frame_rate", Double.class), rs.getString("audio_codec"),
				nullable(rs, "audio_channels", Integer.class), nullable(rs, "audio_sample_rate", Integer.class),
				rs.getString("make"), rs.getString("model"), nullable(rs, "gps_latitude", Double.class),
				nullable(rs, "gps_longitude", Double.class), nullable(rs, "gps_altitude", Double.class),
				rs.getString("problem"), List.of(), nullable(rs, "streams_duration_ms", Long.class),
				rs.getString("problem_detail"));
		String nameTime = rs.getString("name_time");
		NameFacts name = new NameFacts(rs.getString("name_device_number"),
				nameTime == null ? null : LocalDateTime.parse(nameTime), rs.getBoolean("important"));
		Instant importedAt = instant(rs, "imported_at");
		Instant moved = instant(rs, "moved_deadline");
		ImportDeadline deadline = moved != null ? new ImportDeadline(moved, rs.getString("moved_cite"))
				: instant(rs, "import_deadline") != null
						? new ImportDeadline(instant(rs, "import_deadline"), rs.getString("deadline_cite")) : null;
		// imported before deadlines were kept: the lateness stored then stands
		Long late = deadline == null ? nullable(rs, "late_minutes", Long.class) : deadline.minutesLate(importedAt);
		return new Recording(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getObject("device_id", UUID.class),
				rs.getObject("officer_id", UUID.class), rs.getString("blob_key"), rs.getString("sha256"), rs.getString("sm3"),
				rs.getLong("size_bytes"), rs.getString("original_name"), rs.getString("content_type"),
				instant(rs, "recorded_at"), instant(rs, "recorded_end"), rs.getString("time_source"),
				importedAt, rs.getString("imported_by"), late, deadline == null ? null : deadline.at(),
				deadline == null ? null : deadline.cite(), rs.getBoolean("readable"), rs.getString("problem"), media, name, rs.getString("clock_finding"),
				rs.getBoolean("has_poster"), instant(rs, "disposed_at"));
	}
}
