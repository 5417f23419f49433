package org.custodia.fixity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sweep on the machine's PostgreSQL: a damaged primary found and repaired, with its ledger entries. */
@SpringBootTest
@ContextConfiguration(initializers = CustodiaIntegrationTest.PostgresDataDirectory.class)
@Import(CustodiaIntegrationTest.TestClock.class)
class FixityPostgresTests {

	static final Path SECOND = TestDatabases.newDataDirectory().resolve("second");

	@DynamicPropertySource
	static void secondRoot(DynamicPropertyRegistry registry) {
		registry.add("custodia.storage.second-root", SECOND::toString);
		registry.add("custodia.fixity.schedule", () -> "false");
	}

	@Autowired
	FixitySweeps sweeps;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	CustodiaProperties custodia;

	@Test
	void aFlippedByteIsRepairedFromTheSecondCopyOnPostgres() throws Exception {
		Actor custodian = TestActor.of("fixity-pg", "zhanhe-health", Role.CUSTODIAN);
		devices.register(custodian, new NewDevice("zhanhe-health", "FX-PG-1", DeviceKind.BODY_CAMERA, null, null, null, null,
				null, null, null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		Files.copy(TestMedia.FOLDER.resolve("sample_mpeg4.mp4"), card.resolve("pg.mp4"));
		UUID recording = imports.importFolder(custodian, "zhanhe-health", "FX-PG-1", null, card).get(0).recordingId();
		String key = jdbc.sql("select blob_key from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		Path primary = custodia.dataDir().resolve("store").resolve(key);
		Files.setPosixFilePermissions(primary, PosixFilePermissions.fromString("rw-r--r--"));
		byte[] bytes = Files.readAllBytes(primary);
		bytes[500] ^= 0x10;
		Files.write(primary, bytes);

		Sweep sweep = sweeps.runWhole("test", true);
		assertThat(sweep.state()).isEqualTo(Sweep.State.DONE);
		assertThat(sweep.repaired()).isEqualTo(1);
		assertThat(sweep.leftBad()).isFalse();
		assertThat(Files.mismatch(primary, TestMedia.FOLDER.resolve("sample_mpeg4.mp4"))).isEqualTo(-1);
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.subjectId().equals(recording.toString()))
			.extracting(entry -> entry.action())
			.contains("fixity.finding", "fixity.repaired");
		assertThat(sweeps.runSlice().keysChecked()).isEqualTo(1);
	}
}
