package org.custodia.recording;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The times each recording gave for itself at import ({@link RecordingTimes.Claim}) and why its time is the one chosen. */
@Repository
class TimeClaimRepository {

	private final JdbcClient jdbc;

	TimeClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every time the recording gives for itself, in the order the import found them; written with its row. */
	void insertClaims(UUID recordingId, List<RecordingTimes.Claim> claims) {
		int position = 0;
		for (RecordingTimes.Claim claim : claims) {
			jdbc.sql("""
					insert into recording_time_claim (recording_id, position, source, as_stated, stated_offset, claimed_at,
					    claims_end, chosen, differs_seconds)
					values (:recording, :position, :source, :stated, :offset, :at, :end, :chosen, :differs)""")
				.param("recording", recordingId)
				.param("position", position++)
				.param("source", cut(claim.source(), 60))
				.param("stated", cut(claim.asStated(), 40))
				.param("offset", claim.offset())
				.param("at", timestamp(claim.at()))
				.param("end", claim.end())
				.param("chosen", claim.chosen())
				.param("differs", claim.differsSeconds())
				.update();
		}
	}

	List<RecordingTimes.Claim> claims(UUID recordingId) {
		return jdbc.sql("""
				select source, as_stated, stated_offset, claimed_at, claims_end, chosen, differs_seconds
				from recording_time_claim where recording_id = :recording order by position""")
			.param("recording", recordingId)
			.query((rs, row) -> new RecordingTimes.Claim(rs.getString("source"), rs.getString("as_stated"),
					rs.getString("stated_offset"), instant(rs, "claimed_at"), rs.getBoolean("claims_end"),
					rs.getBoolean("chosen"), nullableLong(rs, "differs_seconds")))
			.list();
	}

	Optional<String> timeReason(UUID recordingId) {
		return jdbc.sql("select time_reason from recording_recording where id = :id")
			.param("id", recordingId)
			.query(String.class)
			.optional();
	}

	private static String cut(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

	private static Timestamp timestamp(java.time.Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static java.time.Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}
}
