package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * 断点续传: the import command killed with SIGKILL once some files are recorded, then run again, copies only
 * the rest. The files recorded before the kill are not read again (their outcome says so), every file is
 * stored once with one ledger entry, nothing half-written stays, and {@code verify} passes.
 */
class ImportResumeKillTests {

	static final String AGENCY = "kaifeng-audit";

	static final String DEVICE = "KF-RESUME-1";

	static final int FILES = 120;

	static final Pattern PROGRESS = Pattern.compile("(\\d+)/(\\d+) 个文件");

	@Test
	void aKilledImportResumesWithTheFilesItHadNotRecorded() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		Path store = dataDir.resolve("store");
		registerDevice(dataDir);
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Map<String, String> sources = new HashMap<>();
		Random random = new Random(20);
		for (int i = 0; i < FILES; i++) {
			byte[] bytes = new byte[(3 << 20) + random.nextInt(1 << 20)];
			random.nextBytes(bytes);
			String name = String.format("%03dMEDIA/REC_%04d.MP4", 100 + i % 2, i);
			Files.createDirectories(card.resolve(name).getParent());
			Files.write(card.resolve(name), bytes);
			sources.put(name, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
		}

		// Killed as soon as its progress line counts some files done, well before all.
		Process first = importing(dataDir, card);
		AtomicInteger done = new AtomicInteger();
		Thread watching = new Thread(() -> watch(first, done));
		watching.start();
		for (int i = 0; i < 6000 && first.isAlive() && done.get() < 10; i++) {
			Thread.sleep(20);
		}
		assertThat(first.isAlive()).as("the first run still copying when 10 files were done").isTrue();
		first.destroyForcibly().waitFor();
		watching.join();
		Files.deleteIfExists(dataDir.resolve("db/custodia.lock.db"));
		Set<String> recordedBeforeTheKill = recordedSourceFiles(dataDir);
		assertThat(recordedBeforeTheKill).hasSizeGreaterThanOrEqualTo(10).hasSizeLessThan(FILES);

		Process again = importing(dataDir, card);
		String output = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(again.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(again.exitValue()).as(output).isZero();
		for (String file : sources.keySet()) {
			// random bytes: stored, and flagged as what FFmpeg cannot decode
			String line = recordedBeforeTheKill.contains(file) ? "ALREADY_IMPORTED " + file
					: "STORED    " + file + "  [corrupt]";
			assertThat(output).as(file).contains(line + "\n");
		}
		assertThat(output).contains(FILES + " files: " + (FILES - recordedBeforeTheKill.size()) + " stored",
				" 0 failed", ", " + recordedBeforeTheKill.size() + " already imported");
		assertEachStoredOnce(dataDir, store, sources);

		Process verify = command(dataDir, "verify");
		String verified = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(verify.exitValue()).as(verified).isZero();
	}

	/** Reads the progress line (drawn on standard error, here merged) and keeps the count of files done. */
	private static void watch(Process process, AtomicInteger done) {
		try (Reader in = new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
			StringBuilder line = new StringBuilder();
			for (int c; (c = in.read()) != -1;) {
				if (c == '\r' || c == '\n') {
					Matcher progress = PROGRESS.matcher(line);
					if (progress.find()) {
						done.set(Integer.parseInt(progress.group(1)));
					}
					line.setLength(0);
				}
				else {
					line.append((char) c);
				}
			}
		}
		catch (IOException e) {
			// the process was killed
		}
	}

	private static Connection database(Path dataDir) throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "");
	}

	private static Set<String> recordedSourceFiles(Path dataDir) throws Exception {
		Set<String> recorded = new HashSet<>();
		try (Connection db = database(dataDir); Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("select relative_path from ingest_source_file")) {
			while (rows.next()) {
				recorded.add(rows.getString(1));
			}
		}
		return recorded;
	}

	private static void assertEachStoredOnce(Path dataDir, Path store, Map<String, String> sources) throws Exception {
		Map<String, String> keys = new HashMap<>();
		try (Connection db = database(dataDir); Statement sql = db.createStatement()) {
			try (ResultSet rows = sql.executeQuery("select r.sha256, r.blob_key, (select count(*) from ledger_entry l"
					+ " where l.action = 'recording.ingested' and l.subject_id = cast(r.id as varchar)) ingested"
					+ " from recording_recording r where r.agency_code = '" + AGENCY + "'")) {
				while (rows.next()) {
					assertThat(keys.put(rows.getString("sha256"), rows.getString("blob_key"))).isNull();
					assertThat(rows.getLong("ingested")).isOne();
				}
			}
		}
		assertThat(keys.keySet()).containsExactlyInAnyOrderElementsOf(new HashSet<>(sources.values()));
		try (Stream<Path> files = Files.walk(store)) {
			List<String> inStore = new ArrayList<>();
			List<String> parts = new ArrayList<>();
			files.filter(Files::isRegularFile).forEach(file -> {
				String key = store.relativize(file).toString();
				if (key.endsWith(".part")) {
					parts.add(key);
				}
				else if (!("/" + key).contains("/.")) {
					inStore.add(key);
				}
			});
			assertThat(parts).as("temporary files left").isEmpty();
			assertThat(inStore).as("blobs, each with its row").containsExactlyInAnyOrderElementsOf(keys.values());
		}
	}

	private static Process importing(Path dataDir, Path card) throws IOException {
		return CommandProcesses.importing(dataDir, card, AGENCY, DEVICE);
	}

	private static Process command(Path dataDir, String... args) throws IOException {
		return CommandProcesses.command(dataDir, args);
	}

	private static void registerDevice(Path dataDir) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CustodiaApplication.class)
			.web(WebApplicationType.NONE)
			.run("--custodia.data-dir=" + dataDir, "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
					"--custodia.device.reminder-schedule=false", "--custodia.ledger.checkpoints=false",
					"--custodia.media.work-schedule=false")) {
			app.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian(AGENCY),
					new NewDevice(AGENCY, DEVICE, DeviceKind.BODY_CAMERA, null, null, null, null, null, null, null, null,
							null, null));
		}
	}
}
