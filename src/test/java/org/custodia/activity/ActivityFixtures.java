package org.custodia.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Devices registered through the device module, and rows in the register of recordings with the
 * times a test needs: importing real media for each would only slow the tests without changing what
 * this module does with a recording.
 */
final class ActivityFixtures {

	private ActivityFixtures() {
	}

	static UUID device(DeviceRegister register, String agency) {
		TestActor custodian = TestActor.of("fixture-custodian-" + agency, agency, Role.CUSTODIAN);
		String number = "ACT-" + UUID.randomUUID().toString().substring(0, 8);
		return register.register(custodian, new NewDevice(agency, number, DeviceKind.BODY_CAMERA, null, null, null, null,
				null, null, null, null, null, null)).id();
	}

	/**
	 * A stored original as the register would hold it, recorded from {@code start} to {@code end}. Its SM3
	 * is set so that the backfill job of the shared test context never looks for a file that is not there.
	 */
	static UUID recording(Registers registers, String agency, UUID device, UUID officer, Instant start, Instant end, Long late) {
		return registers.transactions().execute(status -> {
			UUID id = recording(registers.jdbc(), agency, device, officer, start, end, late);
			String sha = registers.jdbc().sql("select sha256 from recording_recording where id = :id").param("id", id)
				.query(String.class).single();
			// With its entry, as the import writes it: verify holds every register row to the ledger.
			registers.ledger().append(LedgerEvent.bySystem("fixture", agency, "recording.ingested", "recording", id.toString(),
					Map.of("file", "DCIM/" + id + ".MP4", "sha256", sha, "sm3", sha, "size", 1024, "key",
							agency + "/2026/11/01/" + sha + ".mp4", "type", "video/mp4")));
			return id;
		});
	}

	/** What a fixture row is written with: the database, the ledger and a transaction for both. */
	record Registers(JdbcClient jdbc, Ledger ledger, TransactionTemplate transactions) {
	}

	private static UUID recording(JdbcClient jdbc, String agency, UUID device, UUID officer, Instant start, Instant end,
			Long late) {
		UUID id = UUID.randomUUID();
		byte[] hash = new byte[32];
		new Random(id.getMostSignificantBits()).nextBytes(hash);
		String sha = HexFormat.of().formatHex(hash);
		jdbc.sql("""
				insert into recording_recording (id, agency_code, device_id, officer_id, blob_key, sha256, sm3, size_bytes,
				    original_name, content_type, recorded_at, recorded_end, time_source, imported_at, imported_by, late_minutes,
				    readable)
				values (:id, :agency, :device, :officer, :key, :sha, :sha, 1024, :name, 'video/mp4', :start, :end,
				    'media-offset', :imported, 'fixture', :late, true)""")
			.param("id", id)
			.param("agency", agency)
			.param("device", device)
			.param("officer", officer)
			.param("key", agency + "/2026/11/01/" + sha + ".mp4")
			.param("sha", sha)
			.param("name", "DCIM/" + id + ".MP4")
			.param("start", Timestamp.from(start))
			.param("end", end == null ? null : Timestamp.from(end))
			.param("imported", Timestamp.from(end == null ? start : end))
			.param("late", late)
			.update();
		return id;
	}
}
