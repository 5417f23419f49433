package org.custodia.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The two databases every repository test runs on: an in-memory H2 in PostgreSQL mode and the
 * machine's PostgreSQL (a fresh schema per use, dropped when the JVM ends). Under {@code CI=true}
 * an unreachable PostgreSQL fails the test instead of skipping it.
 */
public final class TestDatabases {

	public static final String POSTGRES_URL = System.getenv()
		.getOrDefault("CUSTODIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	public static final String POSTGRES_USER = System.getenv().getOrDefault("CUSTODIA_TEST_PG_USER", "postgres");

	private static final List<String> schemas = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchemas));
	}

	private TestDatabases() {
	}

	public enum Kind {
		H2, POSTGRESQL
	}

	public static java.nio.file.Path newDataDirectory() {
		try {
			return java.nio.file.Files.createTempDirectory("custodia-test-");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	public static String h2Url() {
		return "jdbc:h2:mem:custodia-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	/** A fresh, empty PostgreSQL schema; returns the JDBC URL that makes it the default. */
	public static String postgresUrl() {
		requirePostgres();
		String schema = "custodia_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("create schema " + schema);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		schemas.add(schema);
		return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
	}

	/** A migrated database of the given kind, for repository tests without Spring. */
	public static DataSource migrated(Kind kind) {
		String url = kind == Kind.H2 ? h2Url() : postgresUrl();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(url, kind == Kind.H2 ? "sa" : POSTGRES_USER, "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + kind.name().toLowerCase(Locale.ROOT))
			.load()
			.migrate();
		return dataSource;
	}

	public static void requirePostgres() {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
			connection.isValid(2);
		}
		catch (SQLException e) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("PostgreSQL is not reachable at " + POSTGRES_URL
						+ " and CI=true: the PostgreSQL tests must run, not be skipped", e);
			}
			Assumptions.abort("PostgreSQL is not reachable at " + POSTGRES_URL + ": " + e.getMessage());
		}
	}

	private static void dropSchemas() {
		if (schemas.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
				Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				statement.execute("drop schema if exists " + schema + " cascade");
			}
		}
		catch (SQLException e) {
			// The machine's PostgreSQL is gone already; the schemas go with the next cleanup.
		}
	}
}
