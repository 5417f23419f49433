package org.custodia.activity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.custodia.shared.KeptBlobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** For a loss report: the activity a recording belongs to (its place and time), where it has one. */
@Component
class RecordingActivityAbout implements KeptBlobs.About {

	private final JdbcClient jdbc;

	RecordingActivityAbout(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> about(String subjectType, String subjectId) {
		if (!"recording".equals(subjectType)) {
			return Map.of();
		}
		UUID id;
		try {
			id = UUID.fromString(subjectId);
		}
		catch (IllegalArgumentException e) {
			return Map.of();
		}
		return jdbc.sql("""
				select a.id, a.place, a.type_code, a.started_at from activity_recording r
				join activity_activity a on a.id = r.activity_id where r.recording_id = :id""")
			.param("id", id)
			.query((row, n) -> {
				Map<String, String> about = new LinkedHashMap<>();
				about.put("activity", row.getString("id"));
				about.put("activityPlace", row.getString("place"));
				about.put("activityType", row.getString("type_code"));
				about.put("activityStartedAt", row.getTimestamp("started_at").toInstant().toString());
				return about;
			})
			.optional()
			.orElse(Map.of());
	}
}
