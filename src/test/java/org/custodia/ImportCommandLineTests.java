package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import} exits 1 when a file could not be stored, after storing all the others, and says why
 * in words: on a real full disk (a 2 MB tmpfs) where the machine lets the test mount one, else with a
 * file the user may not read.
 */
class ImportCommandLineTests {

	static final Path MEDIA = TestMedia.FOLDER;

	@Test
	void exitsOneWhenAFileCouldNotBeStoredAfterStoringAllTheOthers() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		String dataDirSetting = "--custodia.data-dir=" + dataDir;
		registerDevice(dataDirSetting, "ZH-FAULT-1");
		Path folder = TestDatabases.newDataDirectory().resolve("sdcard");
		Files.createDirectories(folder);
		Files.copy(MEDIA.resolve("sample_mpeg4.mp4"), folder.resolve("A.MP4"));
		Files.copy(MEDIA.resolve("yuan.amr"), folder.resolve("B.AMR"));
		byte[] big = new byte[3 << 20];
		new Random(42).nextBytes(big);
		Files.write(folder.resolve("BIG.MP4"), big);
		Files.writeString(folder.resolve("C.TXT"), "log of the day");

		Path smallDisk = Files.createDirectories(dataDir.resolve("small-disk"));
		boolean fullDisk = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", smallDisk.toString());
		try {
			List<String> args = new ArrayList<>(List.of("import", folder.toString(), "--agency", "zhanhe-health", "--device",
					"ZH-FAULT-1", dataDirSetting, IMPORT_ROOT));
			if (fullDisk) {
				args.add("--custodia.storage.root=" + smallDisk);
			}
			else {
				Files.setPosixFilePermissions(folder.resolve("BIG.MP4"), PosixFilePermissions.fromString("---------"));
				assertThat(Files.isReadable(folder.resolve("BIG.MP4")))
					.as("neither a tmpfs can be mounted nor a file made unreadable here").isFalse();
			}
			Output output = command(args.toArray(String[]::new));
			assertThat(output.code()).isEqualTo(1);
			assertThat(output.text()).contains("STORED    A.MP4", "STORED    B.AMR", "STORED    C.TXT  [not-media]",
					"4 files: 3 stored, 0 already stored, 1 failed");
			assertThat(output.text()).as("the progress bar's last state").contains("100%", "4/4 个文件");
			assertThat(output.text()).contains(fullDisk ? "FAILED    BIG.MP4  [error.storage-full] 存储磁盘已满"
					: "FAILED    BIG.MP4  [error.source-unopenable] 无法打开设备上的这个文件");
			if (fullDisk) {
				try (Stream<Path> files = Files.walk(smallDisk)) {
					assertThat(files.filter(path -> path.toString().endsWith(".part"))).isEmpty();
				}
			}
		}
		finally {
			// The application lets go of the disk as it stops; a plain unmount proves it.
			if (fullDisk) {
				boolean unmounted = run("umount", smallDisk.toString());
				if (!unmounted) {
					run("umount", "-l", smallDisk.toString());
				}
				assertThat(unmounted).as("the store still holds files open on the disk").isTrue();
			}
		}
		assertThat(command("verify", dataDirSetting).code()).isZero();
	}

	@Test
	void removesVerifiedCopiesFromTheDeviceOnlyWhereAllowedAndAsked() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		String dataDirSetting = "--custodia.data-dir=" + dataDir;
		registerDevice(dataDirSetting, "ZH-CLEAN-1");
		Path folder = Files.createDirectories(TestDatabases.newDataDirectory().resolve("sdcard"));
		Files.copy(MEDIA.resolve("yuan.amr"), folder.resolve("A.AMR"));

		Output refused = command("import", folder.toString(), "--agency", "zhanhe-health", "--device", "ZH-CLEAN-1",
				"--remove-from-device", "--quiet", dataDirSetting, IMPORT_ROOT);
		assertThat(refused.code()).isEqualTo(2);
		assertThat(folder.resolve("A.AMR")).exists();

		Output removed = command("import", folder.toString(), "--agency", "zhanhe-health", "--device", "ZH-CLEAN-1",
				"--remove-from-device", "--quiet", dataDirSetting, IMPORT_ROOT, "--custodia.ingest.allow-removal-from-device=true",
				// the server's own settings, as a start script passes them to every command: accepted and ignored
				"--server.port=8080", "--management.endpoints.web.exposure.include=health");
		assertThat(removed.code()).isZero();
		assertThat(removed.text()).contains("STORED    A.AMR", "REMOVED   A.AMR");
		assertThat(folder.resolve("A.AMR")).doesNotExist();
		assertThat(command("verify", dataDirSetting).code()).isZero();
	}

	@Test
	void refusesWhatLiesOutsideTheImportRootsAndCustodiasOwnDataAsTheApiDoes() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		String dataDirSetting = "--custodia.data-dir=" + dataDir;
		registerDevice(dataDirSetting, "ZH-ROOTS-1");

		Output etc = command("import", "/etc", "--agency", "zhanhe-health", "--device", "ZH-ROOTS-1", "--quiet",
				dataDirSetting, IMPORT_ROOT);
		assertThat(etc.code()).isEqualTo(2);
		assertThat(etc.text()).contains("/etc 不在采集站的设备接入目录或本机构的导入目录之内", "custodia.ingest.import-roots");
		// Relative to the working directory, as a shell user means it: it still leads out of the roots.
		Output climbing = command("import", "x/../../../../../../../etc", "--agency", "zhanhe-health", "--device",
				"ZH-ROOTS-1", "--quiet", dataDirSetting, IMPORT_ROOT);
		assertThat(climbing.code()).isEqualTo(2);
		assertThat(climbing.text()).contains("不在采集站的设备接入目录或本机构的导入目录之内");
		// The data directory lies under the import root (the temporary directory) and is still refused.
		Output ledger = command("import", dataDir.resolve("ledger").toString(), "--agency", "zhanhe-health", "--device",
				"ZH-ROOTS-1", "--quiet", dataDirSetting, IMPORT_ROOT);
		assertThat(ledger.code()).isEqualTo(2);
		assertThat(ledger.text()).contains("是本系统自己的数据");
		// The command copied while the application started (its head start): refused, none of it stays.
		assertThat(dataDir.resolve("store/zhanhe-health/.incoming")).as("the head start staged the folder's files")
			.isDirectory();
		try (Stream<Path> files = Files.walk(dataDir.resolve("store"))) {
			assertThat(files.filter(Files::isRegularFile).map(Path::toString)).as("staged or stored files")
				.noneMatch(file -> file.endsWith(".part") || !file.contains("/."));
		}
	}

	/** The agency of these tests may import from the temporary directory, where their cards are made. */
	private static final String IMPORT_ROOT = "--custodia.ingest.import-roots.zhanhe-health="
			+ System.getProperty("java.io.tmpdir");

	private static void registerDevice(String dataDirSetting, String number) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustodiaApplication.class)
			.web(WebApplicationType.NONE)
			.run(dataDirSetting, "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
					"--custodia.device.reminder-schedule=false", "--custodia.ledger.checkpoints=false", "--custodia.media.work-schedule=false")) {
			app.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian("zhanhe-health"),
					new NewDevice("zhanhe-health", number, DeviceKind.BODY_CAMERA, null, null, null, null, null, null, null,
							null, null, null));
		}
	}

	private static boolean run(String... command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().readAllBytes();
		return process.waitFor() == 0;
	}

	record Output(int code, String text) {
	}

	private static Output command(String... args) {
		PrintStream original = System.out;
		PrintStream originalErr = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
		try {
			int code = CustodiaCommands.run(args);
			return new Output(code, captured.toString(StandardCharsets.UTF_8) + capturedErr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(original);
			System.setErr(originalErr);
		}
	}
}
