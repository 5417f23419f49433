package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;

/**
 * The embedded database as the workstation opens it (the URL of {@code application.yaml}, a
 * connection pool, {@link DurableCommits}) is killed with SIGKILL right after a commit has
 * returned, a hundred times: every row whose commit returned is there afterwards.
 */
class DurableCommitsKillTests {

	static final int KILLS = 100;

	@Test
	void everyCommitThatReturnedSurvivesAKillRightAfterIt() throws Exception {
		long seed = Long.getLong("custodia.kill-seed", System.nanoTime());
		Random random = new Random(seed);
		Path dataDir = TestDatabases.newDataDirectory();
		Set<Long> committed = new HashSet<>();
		for (int run = 0; run < KILLS; run++) {
			Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
					Committing.class.getName(), dataDir.toString(), String.valueOf(run))
				.redirectErrorStream(true)
				.start();
			int waitFor = 1 + random.nextInt(20);
			List<String> output = new ArrayList<>();
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line; committed(output) < waitFor && (line = lines.readLine()) != null;) {
					output.add(line);
				}
				child.destroyForcibly();
			}
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
			// H2 would spend some four seconds finding out that the killed holder of its lock file is gone;
			// the test knows it is, and a hundred runs are a minute instead of seven
			Files.deleteIfExists(dataDir.resolve("db/custodia.lock.db"));
			assertThat(committed(output)).as("run %d, seed %d: %s", run, seed, output).isEqualTo(waitFor);
			output.stream().filter(line -> line.startsWith("committed ")).forEach(line -> committed.add(Long.valueOf(line.substring(10))));
		}

		try (HikariDataSource dataSource = pool(dataDir); Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select id from kill_probe")) {
			Set<Long> found = new HashSet<>();
			while (rows.next()) {
				found.add(rows.getLong(1));
			}
			assertThat(committed).as("seed " + seed).hasSizeGreaterThanOrEqualTo(KILLS);
			assertThat(found).as("rows whose commit returned before the kill, seed " + seed).containsAll(committed);
		}
	}

	private static long committed(List<String> output) {
		return output.stream().filter(line -> line.startsWith("committed ")).count();
	}

	/** The workstation's database URL from {@code application.yaml}, on the given data directory. */
	static String workstationUrl(Path dataDir) throws Exception {
		try (InputStream yaml = DurableCommitsKillTests.class.getResourceAsStream("/application.yaml")) {
			Map<String, Object> first = new Yaml().loadAll(yaml).iterator().next() instanceof Map<?, ?> map
					? cast(map) : Map.of();
			String url = (String) cast(cast(first.get("spring")).get("datasource")).get("url");
			return url.replace("${custodia.data-dir}", dataDir.toString());
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object map) {
		return (Map<String, Object>) map;
	}

	static HikariDataSource pool(Path dataDir) throws Exception {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(workstationUrl(dataDir));
		pool.setUsername("sa");
		pool.setPassword("");
		return pool;
	}

	/** The child: commits rows one after another, saying each one once its commit has returned. */
	static final class Committing {

		public static void main(String[] args) throws Exception {
			Path dataDir = Path.of(args[0]);
			long run = Long.parseLong(args[1]);
			DurableCommits durable = new DurableCommits();
			durable.setEnvironment(new MockEnvironment().withProperty("spring.datasource.url", workstationUrl(dataDir)));
			DataSource dataSource = (DataSource) durable.postProcessAfterInitialization(pool(dataDir), "dataSource");
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("create table if not exists kill_probe (id bigint primary key, payload varchar(200))");
			}
			for (long i = 0;; i++) {
				long id = run * 1_000_000 + i;
				try (Connection connection = dataSource.getConnection()) {
					// half in transactions, half in auto-commit, as the application writes both ways
					boolean transaction = i % 2 == 0;
					connection.setAutoCommit(!transaction);
					try (PreparedStatement insert = connection.prepareStatement("insert into kill_probe values (?, ?)")) {
						insert.setLong(1, id);
						insert.setString(2, "x".repeat(150));
						insert.executeUpdate();
					}
					if (transaction) {
						connection.commit();
					}
				}
				System.out.println("committed " + id);
				System.out.flush();
			}
		}
	}
}
