package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.custodia.CommandLineTests.Output;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger's tail and the registers, tried as someone with the database in hand while the server is
 * stopped would: {@code verify} finds a removed tail by the checkpoints kept outside the database, a
 * register row changed behind the ledger, and a forged checkpoint, and writes nothing itself.
 */
class LedgerCommandLineTests {

	private final Path dataDir = TestDatabases.newDataDirectory();

	private final Path secondRoot = TestDatabases.newDataDirectory();

	/** The memory card the commands import from: an import root of the agency, outside Custodia's own data. */
	private final Path card = TestDatabases.newDataDirectory().resolve("card");

	private final String[] settings = { "--custodia.data-dir=" + dataDir, "--custodia.storage.second-root=" + secondRoot,
			"--custodia.ingest.import-roots.zhanhe-health=" + card.getParent() };

	@Test
	void theServerSignsWhatArrivedWhenItStops() throws Exception {
		long size;
		try (ConfigurableApplicationContext server = server()) {
			register(server, "ZH-STOP-1");
			size = count("select count(*) from ledger_entry");
			assertThat(count("select count(*) from ledger_checkpoint")).as("the schedule has not signed yet").isZero();
		}
		assertThat(count("select count(*) from ledger_entry")).isEqualTo(size);
		assertThat(count("select max(tree_size) from ledger_checkpoint")).isEqualTo(size);
		assertThat(Files.readString(dataDir.resolve("ledger/checkpoint.txt"))).contains("\n" + size + "\n");
		assertThat(Files.readString(secondRoot.resolve("ledger/checkpoint.txt"))).contains("\n" + size + "\n");
	}

	@Test
	void anImportIsUnderASignedCheckpointAsSoonAsItCommits() throws Exception {
		try (ConfigurableApplicationContext server = server()) {
			register(server, "ZH-IMPORT-1");
		}
		Files.createDirectories(card);
		Files.copy(TestMedia.file("yuan.amr"), card.resolve("REC_0001.AMR"));
		Output imported = run("import", card.toString(), "--agency", "zhanhe-health", "--device", "ZH-IMPORT-1");
		assertThat(imported.code()).isZero();
		long size = count("select count(*) from ledger_entry");
		assertThat(count("select max(tree_size) from ledger_checkpoint")).isEqualTo(size);
		assertThat(Files.readString(dataDir.resolve("ledger/checkpoint.txt"))).contains("\n" + size + "\n");
	}

	@Test
	void verifyFindsATailRemovedTogetherWithTheCheckpointsOfIt() throws Exception {
		try (ConfigurableApplicationContext server = server()) {
			register(server, "ZH-TAIL-1");
			register(server, "ZH-TAIL-2");
		}
		Path exported = dataDir.resolve("kept.txt");
		assertThat(run("checkpoint", "--out", exported.toString()).code()).isZero();
		long size = count("select count(*) from ledger_entry");
		long kept = size - 2;
		sql("drop trigger ledger_entry_no_delete", "drop trigger ledger_checkpoint_no_delete",
				"delete from ledger_entry where seq >= " + kept, "delete from ledger_checkpoint where tree_size > " + kept);

		Path inDataDir = dataDir.resolve("ledger/checkpoint.txt");
		Output removed = run("verify");
		assertThat(removed.code()).isEqualTo(1);
		assertThat(removed.text()).contains("NOT INTACT", "The checkpoint kept in " + inDataDir + " has " + size
				+ " entries but the ledger only " + kept + ": entries at the end were deleted",
				"保存在 " + inDataDir + " 的检查点有 " + size + " 条记录，而账本只有 " + kept + " 条",
				"Held to the newest checkpoint found: " + size + " entries, from " + inDataDir);

		Files.delete(inDataDir);
		Output second = run("verify");
		assertThat(second.code()).isEqualTo(1);
		assertThat(second.text()).contains("The checkpoint kept in " + secondRoot.resolve("ledger/checkpoint.txt") + " has "
				+ size + " entries");

		Files.delete(secondRoot.resolve("ledger/checkpoint.txt"));
		Output printed = run("verify", "--checkpoint", exported.toString());
		assertThat(printed.code()).isEqualTo(1);
		assertThat(printed.text()).contains("The checkpoint kept in " + exported + " has " + size + " entries");
	}

	@Test
	void verifyFindsRegisterRowsChangedBehindTheLedger() throws Exception {
		try (ConfigurableApplicationContext server = server()) {
			register(server, "ZH-ROWS-1");
		}
		Files.createDirectories(card);
		Files.copy(TestMedia.file("sample_mpeg4.mp4"), card.resolve("VID_0001.MP4"));
		Files.copy(TestMedia.file("yuan.amr"), card.resolve("REC_0001.AMR"));
		assertThat(run("import", card.toString(), "--agency", "zhanhe-health", "--device", "ZH-ROWS-1").code()).isZero();
		assertThat(run("verify").code()).isZero();

		String forged = "f".repeat(64);
		sql("update recording_recording set sha256 = '" + forged + "' where original_name = 'VID_0001.MP4'",
				"update recording_recording set size_bytes = size_bytes + 1, original_name = 'REC_0002.AMR' "
						+ "where original_name = 'REC_0001.AMR'",
				"update device_device set number = 'ZH-ROWS-9' where number = 'ZH-ROWS-1'");
		Output changed = run("verify");
		assertThat(changed.code()).isEqualTo(1);
		assertThat(changed.text()).contains("\"SHA-256\" disagrees with ledger entry", "the table " + forged,
				"\"size\" disagrees", "\"original name\" disagrees", "the ledger says REC_0001.AMR, the table REC_0002.AMR",
				"\"device number\" disagrees", "the ledger says ZH-ROWS-1, the table ZH-ROWS-9",
				"录像登记表中编号", "的“原文件名”与账本第", "设备登记表中编号");
	}

	@Test
	void verifyRefusesCheckpointsSignedWithAnotherKey() throws Exception {
		try (ConfigurableApplicationContext server = server()) {
			register(server, "ZH-FORGE-1");
		}
		long size = count("select count(*) from ledger_entry");
		String origin = run("public-key").text().strip().split("\\+")[0];
		KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		// A checkpoint claiming more entries than the log has, put where the kept copy lies, signed by someone
		// without the installation's key.
		Path inDataDir = dataDir.resolve("ledger/checkpoint.txt");
		Files.writeString(inDataDir, forge(origin, size + 5, other, false));
		Output forged = run("verify");
		assertThat(forged.code()).isEqualTo(1);
		assertThat(forged.text()).contains("The checkpoint " + inDataDir + " does not verify with the public key of this "
				+ "ledger: it is forged or altered", "检查点 " + inDataDir + " 的签名无法用本账本的公钥验证");

		Path given = dataDir.resolve("given.txt");
		Files.writeString(given, forge(origin, size, other, true));
		Output otherKey = run("verify", "--checkpoint", given.toString());
		assertThat(otherKey.code()).isEqualTo(1);
		assertThat(otherKey.text()).contains("The checkpoint " + given + " is signed by another key than the one this "
				+ "installation holds now");
	}

	@Test
	void verifyChangesNothingInTheDatabase() throws Exception {
		try (ConfigurableApplicationContext server = server()) {
			register(server, "ZH-QUIET-1");
		}
		// A viewing session a stopped server left open: the server closes it at its next start, a command never.
		sql("""
				insert into access_viewing (id, agency, recording_id, object, username, started_at, last_seen_at, served,
				    requests, closed)
				values (random_uuid(), 'zhanhe-health', random_uuid(), 'original', 'someone', current_timestamp,
				    current_timestamp, '0-99', 1, false)""");
		Map<String, String> before = snapshot();
		assertThat(run("verify").code()).isZero();
		assertThat(snapshot()).isEqualTo(before);
		assertThat(before).containsKeys("ledger_entry", "ledger_checkpoint", "access_viewing", "device_device");
	}

	private ConfigurableApplicationContext server() {
		List<String> arguments = new ArrayList<>(List.of(settings));
		arguments.addAll(List.of("--server.port=0", "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Command-Line-2026",
				"--custodia.ledger.checkpoint-delay=PT1H"));
		return new SpringApplicationBuilder(CustodiaApplication.class).run(arguments.toArray(String[]::new));
	}

	private static void register(ConfigurableApplicationContext server, String number) {
		server.getBean(DeviceRegister.class).register(new CommandLineTests.Custodian("zhanhe-health"),
				new NewDevice("zhanhe-health", number, DeviceKind.BODY_CAMERA, null, null, "SN-" + number, null, null, null,
						null, null, null, null));
	}

	private Output run(String... command) {
		List<String> arguments = new ArrayList<>(List.of(command));
		arguments.addAll(List.of(settings));
		return CommandLineTests.run(arguments.toArray(String[]::new));
	}

	/** A checkpoint note signed with {@code key}, with that key's verifier line after it when asked. */
	private static String forge(String origin, long size, KeyPair key, boolean withKey) throws Exception {
		byte[] root = new byte[32];
		Arrays.fill(root, (byte) 7);
		String body = origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
		byte[] spki = key.getPublic().getEncoded();
		byte[] keyBytes = new byte[33];
		keyBytes[0] = 1;
		System.arraycopy(spki, spki.length - 32, keyBytes, 1, 32);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update((origin + "\n").getBytes(StandardCharsets.UTF_8));
		byte[] keyId = Arrays.copyOf(sha256.digest(keyBytes), 4);
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(key.getPrivate());
		signer.update(body.getBytes(StandardCharsets.UTF_8));
		byte[] line = new byte[68];
		System.arraycopy(keyId, 0, line, 0, 4);
		System.arraycopy(signer.sign(), 0, line, 4, 64);
		String note = body + "\n\u2014 " + origin + " " + Base64.getEncoder().encodeToString(line) + "\n";
		return withKey ? note + "\n" + origin + "+" + HexFormat.of().formatHex(keyId) + "+"
				+ Base64.getEncoder().encodeToString(keyBytes) + "\n" : note;
	}

	/** Every table of the database: its row count and a digest of its rows in a fixed order. */
	private Map<String, String> snapshot() throws Exception {
		Map<String, String> tables = new TreeMap<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables "
					+ "where table_schema = 'public' and table_type = 'BASE TABLE'")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			for (String name : names) {
				List<String> rows = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery("select * from " + name)) {
					ResultSetMetaData meta = rs.getMetaData();
					while (rs.next()) {
						StringBuilder row = new StringBuilder();
						for (int column = 1; column <= meta.getColumnCount(); column++) {
							row.append(rs.getString(column)).append('\u0001');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				rows.forEach(row -> digest.update(row.getBytes(StandardCharsets.UTF_8)));
				tables.put(name, rows.size() + " rows, " + HexFormat.of().formatHex(digest.digest()));
			}
		}
		return tables;
	}

	private long count(String query) throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void sql(String... statements) throws Exception {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE", "sa", "");
	}
}
