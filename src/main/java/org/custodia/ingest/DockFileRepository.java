package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which files (by device, path on the volume, size and time) the dock already imported. Only a
 * shortcut: a file offered again would be recognised by its hash and not stored twice anyway.
 */
@Repository
class DockFileRepository {

	private final JdbcClient jdbc;

	DockFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean imported(UUID deviceId, String path, String signature) {
		return jdbc.sql("select count(*) from ingest_dock_file where file_key = :key")
			.param("key", key(deviceId, path, signature))
			.query(Long.class)
			.single() > 0;
	}

	void remember(UUID deviceId, String path, String signature, Instant at) {
		try {
			jdbc.sql("""
					/* no-ledger: the dock's memory of what it imported; each import has its own ledger entry */
					insert into ingest_dock_file (file_key, device_id, imported_at) values (:key, :device, :at)""")
				.param("key", key(deviceId, path, signature))
				.param("device", deviceId)
				.param("at", Timestamp.from(at))
				.update();
		}
		catch (DuplicateKeyException e) {
			// imported before: nothing to remember
		}
	}

	/** A fixed-length key: paths on a camera can be long and Chinese, too long for an index. */
	private static String key(UUID deviceId, String path, String signature) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((deviceId + "\n" + path + "\n" + signature).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JDK has SHA-256", e);
		}
	}
}
