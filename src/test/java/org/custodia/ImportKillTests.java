package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
 * The importing process killed with SIGKILL at random points, again and again, then run to the end:
 * store, database and ledger agree, nothing is stored twice and nothing half-written stays. A failure
 * prints the seed; {@code -Dcustodia.kill-seed=<seed>} replays it.
 */
class ImportKillTests {

	static final int KILLS = 20;

	static final String AGENCY = "kaifeng-audit";

	static final String DEVICE = "KF-KILL-1";

	@Test
	void importsKilledAtRandomPointsLeaveStoreDatabaseAndLedgerInAgreement() throws Exception {
		long seed = Long.getLong("custodia.kill-seed", System.nanoTime());
		System.out.println("ImportKillTests seed: " + seed);
		Random random = new Random(seed);
		Path dataDir = TestDatabases.newDataDirectory();
		Path store = dataDir.resolve("store");
		registerDevice(dataDir);
		// The card lies beside the data directory, never in it: imports refuse Custodia's own data.
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Map<String, String> sources = folder(card, random);

		// Until a run finishes on its own, guess how long the copying takes; after, use what it took.
		long importMillis = 2_500;
		int killed = 0;
		for (int run = 0; killed < KILLS && run < 2 * KILLS; run++) {
			// The camera keeps recording between dockings, so each run has new files to store, not only duplicates.
			sources.putAll(generated(card, "300MEDIA/NEW_" + run, 1, random));
			Set<Path> writersBefore = writers(store);
			Process process = importing(dataDir, card);
			long spawned = System.nanoTime();
			boolean duringStart = random.nextInt(5) == 0;
			long began = duringStart ? spawned : awaitFirstWrite(process, store, writersBefore);
			long delay = (long) (random.nextDouble() * (duringStart ? 8_000 : importMillis));
			boolean finished = process.waitFor(Math.max(0, delay - (System.nanoTime() - began) / 1_000_000),
					TimeUnit.MILLISECONDS);
			if (finished) {
				importMillis = Math.max(500, (System.nanoTime() - began) / 1_000_000);
				System.out.printf("run %d finished by itself (exit %d) after %d ms%n", run, process.exitValue(), importMillis);
			}
			else {
				process.destroyForcibly().waitFor();
				// the killed process is gone: spare the next start H2's seconds of finding that out from its lock file
				Files.deleteIfExists(dataDir.resolve("db/custodia.lock.db"));
				killed++;
				System.out.printf("run %d killed %d ms after %s%n", run, delay, duringStart ? "its start" : "its first write");
			}
		}
		assertThat(killed).as("kills, seed " + seed).isEqualTo(KILLS);

		Process last = importing(dataDir, card);
		assertThat(last.waitFor(180, TimeUnit.SECONDS)).isTrue();
		String output = new String(last.getInputStream().readAllBytes());
		assertThat(last.exitValue()).as(output + "\nseed " + seed).isZero();
		assertThat(output).contains(sources.size() + " files: ").contains(" 0 failed");
		assertAgreement(dataDir, store, sources, seed);
		Process verify = command(dataDir, "verify");
		assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(verify.exitValue()).as(new String(verify.getInputStream().readAllBytes())).isZero();
	}

	private static void assertAgreement(Path dataDir, Path store, Map<String, String> sources, long seed) throws Exception {
		Map<String, String> keys = new HashMap<>();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "");
				Statement sql = db.createStatement()) {
			try (ResultSet rows = sql.executeQuery("select r.id, r.sha256, r.size_bytes, r.blob_key, (select count(*) from ledger_entry l"
					+ " where l.action = 'recording.ingested' and l.subject_id = cast(r.id as varchar)) ingested"
					+ " from recording_recording r where r.agency_code = '" + AGENCY + "'")) {
				while (rows.next()) {
					String sha = rows.getString("sha256");
					assertThat(keys.put(sha, rows.getString("blob_key"))).as("one row for " + sha + ", seed " + seed).isNull();
					assertThat(rows.getLong("ingested")).as("ledger entries for " + rows.getString("id")).isOne();
					Path blob = store.resolve(rows.getString("blob_key"));
					assertThat(Files.size(blob)).isEqualTo(rows.getLong("size_bytes"));
					assertThat(sha256(blob)).isEqualTo(sha);
					assertThat(Files.getPosixFilePermissions(blob)).doesNotContain(PosixFilePermission.OWNER_WRITE);
				}
			}
			try (ResultSet count = sql.executeQuery("select count(*) from ledger_entry where action = 'recording.ingested'")) {
				count.next();
				assertThat(count.getLong(1)).isEqualTo(keys.size());
			}
		}
		assertThat(keys.keySet()).as("a row for every file on the device, seed " + seed)
			.containsExactlyInAnyOrderElementsOf(new HashSet<>(sources.values()));
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
			assertThat(parts).as("temporary files after the last start, seed " + seed).isEmpty();
			assertThat(inStore).as("blobs without a row, seed " + seed).containsExactlyInAnyOrderElementsOf(keys.values());
		}
	}

	/** Real recordings under device-like names, and larger files so that a copy takes a while. */
	private static Map<String, String> folder(Path folder, Random random) throws Exception {
		Map<String, String> sha256s = new HashMap<>();
		Path media = TestMedia.FOLDER;
		int n = 0;
		try (Stream<Path> files = Files.list(media)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (!TestMedia.isSample(file)) {
					continue;
				}
				Path target = folder.resolve(String.format("%03dMEDIA/REC_%04d_%s", n % 3 + 100, n++, name.replace(' ', '_')));
				Files.createDirectories(target.getParent());
				Files.copy(file, target);
				sha256s.put(folder.relativize(target).toString(), sha256(target));
			}
		}
		sha256s.putAll(generated(folder, "200MEDIA/VID", 25, random));
		return sha256s;
	}

	private static Map<String, String> generated(Path folder, String prefix, int count, Random random) throws Exception {
		Map<String, String> sha256s = new HashMap<>();
		for (int i = 0; i < count; i++) {
			byte[] bytes = new byte[(1 << 20) + random.nextInt(2 << 20)];
			random.nextBytes(bytes);
			Path target = folder.resolve(String.format("%s_%04d.MP4", prefix, i));
			Files.createDirectories(target.getParent());
			Files.write(target, bytes);
			sha256s.put(folder.relativize(target).toString(), sha256(target));
		}
		return sha256s;
	}

	/** Waits until the process has begun writing to the store: it holds a writer's lock there. */
	private static long awaitFirstWrite(Process process, Path store, Set<Path> before) throws Exception {
		for (int i = 0; i < 1200 && process.isAlive(); i++) {
			Set<Path> now = writers(store);
			now.removeAll(before);
			if (!now.isEmpty()) {
				return System.nanoTime();
			}
			Thread.sleep(50);
		}
		return System.nanoTime();
	}

	private static Set<Path> writers(Path store) throws IOException {
		Path directory = store.resolve(".writers");
		if (!Files.isDirectory(directory)) {
			return new HashSet<>();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return new HashSet<>(files.toList());
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
					"--custodia.device.reminder-schedule=false", "--custodia.ledger.checkpoints=false", "--custodia.media.work-schedule=false")) {
			app.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian(AGENCY),
					new NewDevice(AGENCY, DEVICE, DeviceKind.BODY_CAMERA, null, null, null, null, null, null, null, null,
							null, null));
		}
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int read; (read = in.read(buffer)) != -1;) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
