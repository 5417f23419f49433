package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar custodia.jar verify}, on a workstation's H2 file database, with and without the server running. */
class CommandLineTests {

	@Test
	void verifiesWhileTheServerRunsAndAfterItStopsAndFindsTampering() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		String dataDirSetting = "--custodia.data-dir=" + dataDir;
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(CustodiaApplication.class)
			.run(dataDirSetting, "--server.port=0", "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
					"--custodia.ledger.checkpoint-delay=PT0S", "--custodia.ledger.checkpoint-interval=PT0.2S",
					"--db-scheduler.polling-interval=PT0.1S")) {
			Output running = run("verify", dataDirSetting);
			assertThat(running.code()).isZero();
			assertThat(running.text()).containsPattern("intact: \\d+ entries, root [A-Za-z0-9+/]+=");
			// The schedule signs what arrived without anyone asking.
			assertThat(running.text()).containsPattern("已核对 [1-9]\\d* 个签名检查点");
		}

		Output checkpoint = run("checkpoint", dataDirSetting, "--out", dataDir.resolve("kept.txt").toString());
		assertThat(checkpoint.code()).isZero();
		assertThat(Files.readString(dataDir.resolve("kept.txt"))).startsWith("custodia.ledger/").contains("\n\n\u2014 ");
		assertThat(run("verify", dataDirSetting, "--checkpoint", dataDir.resolve("kept.txt").toString()).code()).isZero();

		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop trigger ledger_entry_no_update");
			statement.execute("update ledger_entry set entry = replace(entry, 'system:bootstrap', 'system:mallory') where seq = 5");
		}
		Output tampered = run("verify", dataDirSetting);
		assertThat(tampered.code()).isEqualTo(1);
		assertThat(tampered.text()).contains("NOT INTACT", "Entry 5 no longer matches its hash", "第 5 条记录的内容已与其哈希不符");
	}

	@Test
	void importsADockedDevicesFolderAndRecognisesItTheSecondTime() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		String dataDirSetting = "--custodia.data-dir=" + dataDir;
		try (ConfigurableApplicationContext server = new SpringApplicationBuilder(CustodiaApplication.class)
			.run(dataDirSetting, "--server.port=0", "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026")) {
			server.getBean(org.custodia.device.DeviceRegister.class).register(new Custodian("zhanhe-health"),
					new org.custodia.device.NewDevice("zhanhe-health", "ZH-CLI-1", org.custodia.device.DeviceKind.BODY_CAMERA,
							null, null, null, null, null, null, null, null, null, null));
		}
		// Beside the data directory, under an import root of the agency: imports never read Custodia's own data.
		Path folder = TestDatabases.newDataDirectory().resolve("sdcard");
		Files.createDirectories(folder);
		String importRoot = "--custodia.ingest.import-roots.zhanhe-health=" + folder.getParent();
		Files.copy(TestMedia.file("sample_mpeg4.mp4"), folder.resolve("VID_0001.MP4"));
		Files.copy(TestMedia.file("yuan.amr"), folder.resolve("REC_0001.AMR"));

		Output first = run("import", folder.toString(), "--agency", "zhanhe-health", "--device", "ZH-CLI-1", dataDirSetting,
				importRoot);
		assertThat(first.code()).isZero();
		assertThat(first.text()).contains("STORED    REC_0001.AMR", "2 files: 2 stored, 0 already stored, 0 failed");
		Output second = run("import", folder.toString(), "--agency", "zhanhe-health", "--device", "ZH-CLI-1", dataDirSetting,
				importRoot);
		// Known by path, size and time from the first run: not read again.
		assertThat(second.text()).contains("ALREADY_IMPORTED REC_0001.AMR",
				"2 files: 0 stored, 0 already stored, 0 failed, 2 already imported (not read again)");
		// The same bytes under another name are read, and recognised by their hash.
		Files.copy(folder.resolve("REC_0001.AMR"), folder.resolve("REC_0002.AMR"));
		Output third = run("import", folder.toString(), "--agency", "zhanhe-health", "--device", "ZH-CLI-1", dataDirSetting,
				importRoot);
		assertThat(third.text()).contains("DUPLICATE REC_0002.AMR",
				"3 files: 0 stored, 1 already stored, 0 failed, 2 already imported (not read again)");
		assertThat(run("import", folder.toString(), "--agency", "zhanhe-health", "--device", "NOPE", dataDirSetting,
				importRoot).code())
			.isEqualTo(2);
		assertThat(run("verify", dataDirSetting).text()).contains("intact:");
	}

	/** The workstation's custodian, registering the device before it is docked. */
	record Custodian(String code) implements org.custodia.shared.Actor {

		@Override
		public java.util.UUID userId() {
			return new java.util.UUID(0, 2);
		}

		@Override
		public String username() {
			return "test-custodian";
		}

		@Override
		public java.util.Optional<String> agency() {
			return java.util.Optional.of(code);
		}

		@Override
		public java.util.Set<org.custodia.shared.Role> roles() {
			return java.util.Set.of(org.custodia.shared.Role.CUSTODIAN);
		}
	}

	record Output(int code, String text) {
	}

	static Output run(String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			int code = CustodiaCommands.run(args);
			return new Output(code, captured.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
		}
	}
}
