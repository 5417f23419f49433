package org.custodia.recording;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.custodia.shared.KeptBlobs;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The originals of recordings kept (not disposed of), for the integrity sweep: key, SHA-256, SM3 where computed. */
@Component
class RecordingBlobs implements KeptBlobs {

	private final JdbcClient jdbc;

	RecordingBlobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void forEachKept(Consumer<Kept> kept) {
		jdbc.sql("select id, agency_code, blob_key, sha256, sm3, original_name, recorded_at, imported_at from recording_recording"
				+ " where disposed_at is null")
			.query((RowCallbackHandler) row -> {
				Map<String, String> about = new LinkedHashMap<>();
				about.put("originalName", row.getString("original_name"));
				java.sql.Timestamp recorded = row.getTimestamp("recorded_at");
				if (recorded != null) {
					about.put("recordedAt", recorded.toInstant().toString());
				}
				about.put("importedAt", row.getTimestamp("imported_at").toInstant().toString());
				kept.accept(new Kept(row.getString("blob_key"), row.getString("sha256"), row.getString("sm3"),
						row.getString("agency_code"), "recording", row.getString("id"), about));
			});
	}
}
