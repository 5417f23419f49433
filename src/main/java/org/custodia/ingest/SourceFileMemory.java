package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which file of a device's folder (its relative path, size and modification time) is recorded as which
 * recording: written in the recording's transaction, so an import killed part-way resumes with the files
 * not yet recorded, and a file already recorded is not read again.
 */
@Repository
class SourceFileMemory {

	/** A file of the device as it was recorded. */
	record Recorded(long size, Instant modified, UUID recordingId, String sha256) {

		/** Whether the file lying there now is the one recorded: same size and modification time. */
		boolean same(long size, Instant modified) {
			return this.size == size && Objects.equals(this.modified, modified);
		}
	}

	private final JdbcClient jdbc;

	SourceFileMemory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The device's recorded files, by relative path. */
	Map<String, Recorded> recordedFrom(String agency, UUID deviceId) {
		Map<String, Recorded> recorded = new HashMap<>();
		jdbc.sql("""
				select relative_path, size_bytes, modified_at, recording_id, sha256 from ingest_source_file
				where device_id = :device and agency_code = :agency""")
			.param("device", deviceId)
			.param("agency", agency)
			.query((row, n) -> {
				Timestamp modified = row.getTimestamp("modified_at");
				recorded.put(row.getString("relative_path"), new Recorded(row.getLong("size_bytes"),
						modified == null ? null : modified.toInstant(), row.getObject("recording_id", UUID.class),
						row.getString("sha256")));
				return null;
			})
			.list();
		return recorded;
	}

	/**
	 * Remembers the file as recorded, in the recording's transaction (its ledger entry is that of the recording
	 * or of the duplicate offered); a file of the same path recorded before (a card cleared and filled again) is
	 * replaced.
	 */
	void remember(String agency, UUID deviceId, String path, long size, Instant modified, UUID recordingId,
			String sha256, Instant at) {
		String key = key(deviceId, path);
		jdbc.sql("delete from ingest_source_file where source_key = :key").param("key", key).update();
		jdbc.sql("""
				insert into ingest_source_file (source_key, agency_code, device_id, relative_path, size_bytes, modified_at,
				recording_id, sha256, stored_at)
				values (:key, :agency, :device, :path, :size, :modified, :recording, :sha256, :at)""")
			.param("key", key)
			.param("agency", agency)
			.param("device", deviceId)
			.param("path", path)
			.param("size", size)
			.param("modified", modified == null ? null : Timestamp.from(modified))
			.param("recording", recordingId)
			.param("sha256", sha256)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** A fixed-length key: paths on a camera can be long and Chinese, too long for an index. */
	private static String key(UUID deviceId, String path) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((deviceId + "\n" + path).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
