package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.custodia.CommandLineTests.Output;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar custodia.jar fixity [--repair]} on the workstation: it finds a damaged original with the
 * server stopped and exits 1, then repairs it from the second copy while the server runs (the database
 * shared through AUTO_SERVER) and exits 0.
 */
class FixityCommandLineTests {

	private final Path dataDir = TestDatabases.newDataDirectory();

	private final Path secondRoot = TestDatabases.newDataDirectory();

	private final Path card = TestDatabases.newDataDirectory().resolve("card");

	private final String[] settings = { "--custodia.data-dir=" + dataDir, "--custodia.storage.second-root=" + secondRoot,
			"--custodia.ingest.import-roots.zhanhe-health=" + card.getParent() };

	@Test
	void findsWithoutTheServerAndRepairsBesideIt() throws Exception {
		try (ConfigurableApplicationContext server = server()) {
			server.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian("zhanhe-health"),
					new NewDevice("zhanhe-health", "ZH-FIX-1", DeviceKind.BODY_CAMERA, null, null, "SN-ZH-FIX-1", null, null,
							null, null, null, null, null));
		}
		Files.createDirectories(card);
		Files.copy(TestMedia.file("yuan.amr"), card.resolve("REC_0001.AMR"));
		assertThat(run("import", card.toString(), "--agency", "zhanhe-health", "--device", "ZH-FIX-1").code()).isZero();
		Output intact = run("fixity");
		assertThat(intact.code()).as(intact.text()).isZero();
		assertThat(intact.text()).contains("结果：完好").contains("Result: intact");

		String key = blobKey();
		Path primary = dataDir.resolve("store").resolve(key);
		Files.setPosixFilePermissions(primary, PosixFilePermissions.fromString("rw-r--r--"));
		byte[] bytes = Files.readAllBytes(primary);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(primary, bytes);

		Output found = run("fixity");
		assertThat(found.code()).as(found.text()).isEqualTo(1);
		assertThat(found.text()).contains("损坏或缺失 1 个，已修复 0 个").contains("1 damaged or missing, 0 repaired")
			.contains(key);
		assertThat(Files.mismatch(primary, TestMedia.file("yuan.amr"))).isNotEqualTo(-1);

		try (ConfigurableApplicationContext server = server()) {
			Output repaired = run("fixity", "--repair");
			assertThat(repaired.code()).as(repaired.text()).isZero();
			assertThat(repaired.text()).contains("已修复 1 个").contains("1 repaired");
		}
		assertThat(Files.mismatch(primary, TestMedia.file("yuan.amr"))).isEqualTo(-1);
		assertThat(Files.mismatch(secondRoot.resolve(key), TestMedia.file("yuan.amr"))).isEqualTo(-1);
	}

	private String blobKey() throws Exception {
		try (Connection connection = DriverManager.getConnection(
				"jdbc:h2:file:" + dataDir.resolve("db/custodia") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE",
				"sa", "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select blob_key from recording_recording")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private ConfigurableApplicationContext server() {
		List<String> arguments = new ArrayList<>(List.of(settings));
		arguments.addAll(List.of("--server.port=0", "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
				"--custodia.ledger.checkpoint-delay=PT1H", "--custodia.fixity.schedule=false"));
		return new SpringApplicationBuilder(CustodiaApplication.class).run(arguments.toArray(String[]::new));
	}

	private Output run(String... command) {
		List<String> arguments = new ArrayList<>(List.of(command));
		arguments.addAll(List.of(settings));
		return CommandLineTests.run(arguments.toArray(String[]::new));
	}
}
