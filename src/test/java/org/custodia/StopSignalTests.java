package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.KilledAfterCommitTests.CHANGED;
import static org.custodia.KilledAfterCommitTests.PASSWORD;
import static org.custodia.KilledAfterCommitTests.awaitLine;
import static org.custodia.KilledAfterCommitTests.basic;
import static org.custodia.KilledAfterCommitTests.count;
import static org.custodia.KilledAfterCommitTests.freePort;
import static org.custodia.KilledAfterCommitTests.java;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.custodia.ledger.Ledger;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The workstation stopped as a service manager stops it (SIGTERM), with the embedded database's own
 * shutdown hook running alongside the application's: what the ledger took in since its last checkpoint
 * is signed, in the database and in the copy kept outside it.
 */
class StopSignalTests {

	@Test
	void aServerStoppedBySigtermSignsWhatArrivedSinceItsLastCheckpoint() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		int port = freePort();
		Process server = java(SlowToStopServer.class, "--custodia.data-dir=" + dataDir, "--server.port=" + port,
				"--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD, "--custodia.ledger.checkpoint-delay=PT1H");
		try {
			awaitLine(server, "first administrator");
			HttpResponse<String> changed = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/password"))
					.header("Authorization", basic(PASSWORD)).header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(
							"{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + CHANGED + "\"}"))
					.build(), BodyHandlers.ofString());
			assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		}
		finally {
			server.destroy(); // SIGTERM
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stops on SIGTERM").isTrue();
		}

		long entries;
		long signed;
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""); Statement sql = db.createStatement()) {
			entries = count(sql, "select count(*) from ledger_entry");
			signed = count(sql, "select max(tree_size) from ledger_checkpoint");
			assertThat(count(sql, "select count(*) from ledger_entry where action = 'auth.password-changed'"))
				.as("the password change is in the ledger").isPositive();
		}
		assertThat(signed).as("the newest checkpoint covers every entry").isEqualTo(entries);
		assertThat(Files.readString(dataDir.resolve("ledger/checkpoint.txt"))).contains("\n" + entries + "\n");
	}

	/**
	 * The workstation with one more bean that takes a while to stop before the ledger's own last work, as
	 * a busy workstation's beans do (viewing sessions closed, the dock watcher stopped).
	 */
	static final class SlowToStopServer {

		public static void main(String[] args) {
			new SpringApplicationBuilder(CustodiaApplication.class, SlowToStop.class).run(args);
		}
	}

	/** Not a {@code @Configuration}, so that the application's component scan leaves it to this test. */
	static class SlowToStop {

		@Bean(destroyMethod = "close")
		AutoCloseable slowToStop(Ledger ledger) {
			return () -> Thread.sleep(2000);
		}
	}
}
