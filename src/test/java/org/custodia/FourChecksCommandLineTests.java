package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.CommandLineTests.Output;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code check-four} on the workstation: each check printed in Chinese and English, exit 0 while nothing fails
 * (warnings allowed), 1 once a stored original was changed, 2 for a recording it does not know.
 */
class FourChecksCommandLineTests {

	private final Path dataDir = TestDatabases.newDataDirectory();

	private final Path secondRoot = TestDatabases.newDataDirectory();

	private final Path card = TestDatabases.newDataDirectory().resolve("card");

	private final String[] settings = { "--custodia.data-dir=" + dataDir, "--custodia.storage.second-root=" + secondRoot,
			"--custodia.ingest.import-roots.zhanhe-health=" + card.getParent() };

	@Test
	void exitsZeroWhileNothingFailsAndOneOnceAStoredOriginalChanged() throws Exception {
		String officer;
		try (ConfigurableApplicationContext server = server()) {
			org.custodia.identity.TestAccounts accounts = server.getBean(org.custodia.identity.TestAccounts.class);
			officer = accounts.idOf(accounts.create("zhanhe-health", org.custodia.shared.Role.OFFICER)).toString();
			server.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian("zhanhe-health"),
					new NewDevice("zhanhe-health", "ZH-FOUR-1", DeviceKind.BODY_CAMERA, null, null, "SN-ZH-FOUR-1", null,
							null, null, null, null, null, null));
		}
		Files.createDirectories(card);
		Files.copy(TestMedia.file("yuan.amr"), card.resolve("REC_0001.AMR"));
		assertThat(run("import", card.toString(), "--agency", "zhanhe-health", "--device", "ZH-FOUR-1", "--officer", officer)
			.code()).isZero();

		Output good = run("check-four", "--agency", "zhanhe-health");
		assertThat(good.code()).as(good.text()).isZero();
		assertThat(good.text()).contains("REC_0001.AMR", "真实性 · 与入库时哈希值比对", "Authenticity · SHA-256 against ingest",
				"共检测 1 条音像记录", "1 recordings checked", "  PASS 真实性");

		Path stored;
		try (Stream<Path> files = Files.walk(dataDir.resolve("store"))) {
			stored = files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".amr")).findFirst()
				.orElseThrow();
		}
		Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-r--r--"));
		byte[] bytes = Files.readAllBytes(stored);
		bytes[bytes.length - 1] ^= 0x01;
		Files.write(stored, bytes);

		Output changed = run("check-four", "--agency", "zhanhe-health");
		assertThat(changed.code()).as(changed.text()).isEqualTo(1);
		assertThat(changed.text()).contains("FAIL", "文件在入库后被改动", "the file was changed after ingest",
				"存储中的原件可以写入（权限 rw-r--r--）", "不通过");

		Output unknown = run("check-four", "--recording", UUID.randomUUID().toString());
		assertThat(unknown.code()).isEqualTo(2);
	}

	private ConfigurableApplicationContext server() {
		List<String> arguments = new ArrayList<>(List.of(settings));
		arguments.addAll(List.of("--server.port=0", "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
				"--custodia.ledger.checkpoint-delay=PT1H"));
		return new SpringApplicationBuilder(CustodiaApplication.class).run(arguments.toArray(String[]::new));
	}

	private Output run(String... command) {
		List<String> arguments = new ArrayList<>(List.of(command));
		arguments.addAll(List.of(settings));
		return CommandLineTests.run(arguments.toArray(String[]::new));
	}
}
