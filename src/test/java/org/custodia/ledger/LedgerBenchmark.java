package org.custodia.ledger;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.TestDatabases;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The ledger's side of {@code bench/ledger.sh}, on one database ({@code h2}: a file database with the
 * workstation's settings from {@code application.yaml}; {@code postgresql}: a fresh schema of the
 * machine's PostgreSQL). Each figure runs beside its baseline, in alternating rounds:
 * appending (in transactions of 1 and of 100 entries) against plain JDBC inserts of the same rows into a
 * table of the same definition (columns, key, indexes), a connection from the same pool per transaction; verifying the whole log against a plain JDBC read of its
 * columns; then inclusion and consistency proofs in the tree of {@code size} entries.
 * Usage: {@code LedgerBenchmark h2|postgresql <work-dir> [size] [rounds] [proofs]}.
 */
public final class LedgerBenchmark {

	/** The ledger's table as its migrations make it: the same columns, key and indexes, without its triggers. */
	private static final String[] PLAIN_TABLE = { """
			create table bench_plain (
			    seq bigint primary key, occurred_at timestamp with time zone not null, agency varchar(64),
			    actor varchar(128) not null, actor_roles varchar(256) not null, action varchar(96) not null,
			    subject_type varchar(64) not null, subject_id varchar(128) not null, payload varchar not null,
			    entry varchar not null, leaf_hash varchar(64) not null)""",
			"create index bench_plain_agency on bench_plain (agency, seq)",
			"create index bench_plain_subject on bench_plain (agency, subject_id)" };

	private static final String PLAIN_INSERT = """
			insert into bench_plain (seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id,
			    payload, entry, leaf_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String READ = """
			select seq, occurred_at, agency, actor, actor_roles, action, subject_type, subject_id, payload, entry, leaf_hash
			from ledger_entry order by seq""";

	private final Random random = new Random(42);

	private final DataSource plain;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final LedgerVerifier verifier;

	private final LedgerCheckpoints checkpoints;

	private final LedgerProofs proofs;

	private final LedgerKeys keys;

	private final JdbcClient jdbc;

	private long plainSequence;

	private LedgerBenchmark(DataSource plain, Path work) {
		this.plain = plain;
		// The application's data source is watched by the ledger guard; the ledger pays for it, the baseline does not.
		LedgerFixture ledgerParts = LedgerFixture.on(new LedgerGuard.Guarded(plain), work, Clock.system(ZoneOffset.UTC));
		this.jdbc = ledgerParts.jdbc();
		this.ledger = ledgerParts.ledger();
		this.transactions = ledgerParts.transactions();
		this.keys = ledgerParts.keys();
		this.verifier = ledgerParts.verifier();
		this.checkpoints = ledgerParts.checkpoints();
		this.proofs = ledgerParts.proofs();
	}

	public static void main(String[] args) throws Exception {
		String kind = args[0];
		Path work = Path.of(args[1]).toAbsolutePath();
		long size = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
		int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
		int proofCount = args.length > 4 ? Integer.parseInt(args[4]) : 60;
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb"))
			.setLevel(ch.qos.logback.classic.Level.ERROR);
		Files.createDirectories(work);
		try (HikariDataSource dataSource = dataSource(kind, work)) {
			Flyway.configure()
				.dataSource(dataSource)
				.locations("classpath:db/migration/common", "classpath:db/migration/" + kind)
				.load()
				.migrate();
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				for (String sql : PLAIN_TABLE) {
					statement.execute(sql);
				}
			}
			new LedgerBenchmark(dataSource, work).run(kind, size, rounds, proofCount);
		}
	}

	private void run(String kind, long size, int rounds, int proofCount) throws Exception {
		// Warm both paths up before anything is measured: the ledger's is longer, and the JIT takes a while.
		for (int warm = 0; warm < 4; warm++) {
			appendPlain(5000, 1);
			appendLedger(5000, 1);
			appendPlain(20_000, 100);
			appendLedger(20_000, 100);
		}
		// Many short rounds: on a shared machine a round's figures swing by half from one second to the next.
		for (int batch : new int[] { 1, 100 }) {
			int count = batch == 1 ? 4000 : 20_000;
			List<Double> ratios = new ArrayList<>();
			List<Double> plainRates = new ArrayList<>();
			List<Double> ledgerRates = new ArrayList<>();
			for (int round = 0; round < 3 * rounds; round++) {
				double a;
				double b;
				if (round % 2 == 0) {
					a = appendPlain(count, batch);
					b = appendLedger(count, batch);
				}
				else {
					b = appendLedger(count, batch);
					a = appendPlain(count, batch);
				}
				plainRates.add(a);
				ledgerRates.add(b);
				ratios.add(b / a);
			}
			System.out.printf(Locale.ROOT, "append %s batch=%d: plain %s /s, ledger %s /s, ratios %s -> median ratio %.2f%n",
					kind, batch, list(plainRates), list(ledgerRates), list(ratios), median(ratios));
		}
		long have = ledger.size();
		long fillStart = System.nanoTime();
		while (have < size) {
			int step = (int) Math.min(1000, size - have);
			transactions.executeWithoutResult(status -> {
				for (int i = 0; i < step; i++) {
					ledger.append(event());
				}
			});
			have += step;
		}
		System.out.printf(Locale.ROOT, "filled %s to %d entries in %.1f s%n", kind, size, (System.nanoTime() - fillStart) / 1e9);
		List<Double> ratios = new ArrayList<>();
		List<Double> readRates = new ArrayList<>();
		List<Double> verifyRates = new ArrayList<>();
		for (int round = 0; round < Math.max(3, rounds - 2); round++) {
			double a;
			double b;
			if (round % 2 == 0) {
				a = read();
				b = verify();
			}
			else {
				b = verify();
				a = read();
			}
			readRates.add(a);
			verifyRates.add(b);
			ratios.add(b / a);
		}
		System.out.printf(Locale.ROOT, "verify %s %d entries: read %s /s, verify %s /s, ratios %s -> median ratio %.2f%n", kind,
				size, list(readRates), list(verifyRates), list(ratios), median(ratios));
		long signStart = System.nanoTime();
		checkpoints.checkpoint();
		System.out.printf(Locale.ROOT, "checkpoint %s over %d entries: %.1f s%n", kind, size, (System.nanoTime() - signStart) / 1e9);
		proofs(kind, size, proofCount);
	}

	private void proofs(String kind, long size, int count) {
		if (count == 0) {
			return;
		}
		byte[] root = proofs.root(size);
		List<Double> inclusion = new ArrayList<>();
		List<Double> consistency = new ArrayList<>();
		for (int i = 0; i < count + 10; i++) {
			long index = Math.floorMod(random.nextLong(), size);
			long start = System.nanoTime();
			List<byte[]> path = proofs.inclusion(index, size);
			byte[] leaf = proofs.leafHash(index);
			byte[] treeRoot = proofs.root(size);
			inclusion.add((System.nanoTime() - start) / 1e6);
			if (!Merkle.verifyInclusion(leaf, index, size, path, treeRoot) || !java.util.Arrays.equals(root, treeRoot)) {
				throw new IllegalStateException("inclusion proof of " + index + " does not verify");
			}
			long first = 1 + Math.floorMod(random.nextLong(), size - 1);
			start = System.nanoTime();
			List<byte[]> proof = proofs.consistency(first, size);
			byte[] firstRoot = proofs.root(first);
			byte[] secondRoot = proofs.root(size);
			consistency.add((System.nanoTime() - start) / 1e6);
			if (!Merkle.verifyConsistency(first, size, firstRoot, secondRoot, proof)) {
				throw new IllegalStateException("consistency proof from " + first + " does not verify");
			}
		}
		// The first answers warm the JIT and the database's caches; the figure is of the rest.
		inclusion = inclusion.subList(10, inclusion.size());
		consistency = consistency.subList(10, consistency.size());
		System.out.printf(Locale.ROOT, "proofs %s tree of %d (with leaf hash and roots, ms): inclusion median %.1f max %.1f, "
				+ "consistency median %.1f max %.1f%n", kind, size, median(inclusion), max(inclusion), median(consistency),
				max(consistency));
	}

	/** Entries per second appended by the ledger, {@code batch} to a transaction. */
	private double appendLedger(int count, int batch) {
		// The events are the callers' data, made before, as the baseline's rows are.
		List<LedgerEvent> events = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			events.add(event());
		}
		long start = System.nanoTime();
		for (int done = 0; done < count; done += batch) {
			int first = done;
			transactions.executeWithoutResult(status -> {
				for (int i = first; i < first + batch; i++) {
					ledger.append(events.get(i));
				}
			});
		}
		return count / ((System.nanoTime() - start) / 1e9);
	}

	/** Rows per second inserted by plain JDBC, of the ledger's columns and sizes, {@code batch} to a commit. */
	private double appendPlain(int count, int batch) throws Exception {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(row(event(), plainSequence++));
		}
		long start = System.nanoTime();
		// Each transaction as plain JDBC makes it: a connection from the same pool, the inserts, the commit.
		for (int done = 0; done < count; done += batch) {
			try (Connection connection = plain.getConnection()) {
				connection.setAutoCommit(false);
				for (int i = done; i < done + batch; i++) {
					try (PreparedStatement insert = connection.prepareStatement(PLAIN_INSERT)) {
						Object[] row = rows.get(i);
						for (int column = 0; column < row.length; column++) {
							insert.setObject(column + 1, row[column]);
						}
						insert.executeUpdate();
					}
				}
				connection.commit();
			}
		}
		return count / ((System.nanoTime() - start) / 1e9);
	}

	/** Rows per second of a plain JDBC read of every column the verifier reads, in order. */
	private double read() throws Exception {
		long start = System.nanoTime();
		long rows = 0;
		long checksum = 0;
		try (Connection connection = plain.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection.prepareStatement(READ)) {
				select.setFetchSize(1000);
				try (ResultSet rs = select.executeQuery()) {
					while (rs.next()) {
						checksum += rs.getLong(1) + rs.getTimestamp(2).getTime();
						for (int column = 3; column <= 11; column++) {
							String value = rs.getString(column);
							checksum += value == null ? 0 : value.length();
						}
						rows++;
					}
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
		}
		if (checksum == 42) {
			System.out.println();
		}
		return rows / ((System.nanoTime() - start) / 1e9);
	}

	/** Entries per second verified. */
	private double verify() {
		long start = System.nanoTime();
		LedgerVerifier.Report report = transactions.execute(status -> verifier.verify(jdbc, keys.verifierKey(), List.of()));
		if (!report.intact()) {
			throw new IllegalStateException("the benchmark's ledger is not intact: " + report.findings());
		}
		return report.size() / ((System.nanoTime() - start) / 1e9);
	}

	private LedgerEvent event() {
		Map<String, Object> payload = new LinkedHashMap<>();
		byte[] hash = new byte[32];
		random.nextBytes(hash);
		payload.put("file", "VID_2026112" + random.nextInt(10) + "_0" + random.nextInt(100_000) + ".MP4");
		payload.put("device", "003-ZFJLY-00" + random.nextInt(10));
		payload.put("sha256", HexFormat.of().formatHex(hash));
		payload.put("size", random.nextInt(Integer.MAX_VALUE));
		payload.put("key", "zhanhe-health/2026/11/23/" + UUID.randomUUID() + ".mp4");
		payload.put("type", "video/mp4");
		payload.put("late", "no");
		return new LedgerEvent("zhanhe-health", "zhanhe-health.custodian", "custodian", "recording.ingested", "recording",
				UUID.randomUUID().toString(), payload);
	}

	private static Object[] row(LedgerEvent event, long sequence) {
		Instant now = Instant.now();
		String entry = EntryEncoding.canonical(sequence, now, event.agency(), event.actor(), event.actorRoles(),
				event.action(), event.subjectType(), event.subjectId(), event.payload());
		String leafHash = HexFormat.of().formatHex(Merkle.leafHash(entry.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		return new Object[] { sequence, Timestamp.from(now), event.agency(), event.actor(), event.actorRoles(), event.action(),
				event.subjectType(), event.subjectId(), CanonicalJson.write(event.payload()), entry, leafHash };
	}

	private static HikariDataSource dataSource(String kind, Path work) throws Exception {
		HikariDataSource dataSource = new HikariDataSource();
		if (kind.equals("h2")) {
			dataSource.setJdbcUrl(workstationUrl().replace("${custodia.data-dir}", work.toString()));
			dataSource.setUsername("sa");
		}
		else {
			dataSource.setJdbcUrl(TestDatabases.postgresUrl());
			dataSource.setUsername(TestDatabases.POSTGRES_USER);
		}
		dataSource.setPassword("");
		dataSource.setMaximumPoolSize(2);
		return dataSource;
	}

	/** The H2 URL the workstation runs with, as {@code application.yaml} ships it. */
	@SuppressWarnings("unchecked")
	private static String workstationUrl() throws Exception {
		try (InputStream in = LedgerBenchmark.class.getResourceAsStream("/application.yaml")) {
			Map<String, Object> settings = (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
			Map<String, Object> spring = (Map<String, Object>) settings.get("spring");
			return (String) ((Map<String, Object>) spring.get("datasource")).get("url");
		}
	}

	private static String list(List<Double> values) {
		return String.join(" ", values.stream().map(v -> String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.0f", v)).toList());
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
	}
}
