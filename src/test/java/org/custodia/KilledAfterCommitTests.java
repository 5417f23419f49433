package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.ingest.ImportJobs;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reproductions of the power-cut report, on the workstation's own H2 file database: the server
 * is killed with SIGKILL the moment an import job says it is done, or the moment a token has been
 * handed out, and after a restart the recordings, their ledger entries and the token are all there.
 */
class KilledAfterCommitTests {

	static final String PASSWORD = "Command-Line-2026";

	static final String CHANGED = "Command-Line-Changed-2026";

	static final String AGENCY = "zhanhe-health";

	@Test
	void anImportThatSaidDoneIsThereAfterAKillRightAfterIt() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		Path card = TestDatabases.newDataDirectory();
		Path folder = Files.createDirectories(card.resolve("DCIM"));
		for (String name : List.of("sample_mpeg4.mp4", "yuan.amr", "Apple iPhone 4.jpg")) {
			Files.copy(TestMedia.file(name), folder.resolve(name.replace(' ', '_')));
		}

		Process child = java(Child.class, dataDir.toString(), folder.toString(), card.toString());
		String done = awaitLine(child, "DONE ");
		child.destroyForcibly().waitFor();

		assertThat(done).isEqualTo("DONE 3");
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""); Statement sql = db.createStatement()) {
			assertThat(count(sql, "select count(*) from recording_recording")).isEqualTo(3);
			assertThat(count(sql, "select count(*) from ledger_entry where action = 'recording.ingested'")).isEqualTo(3);
		}
	}

	@Test
	void aTokenHandedOutIsThereAfterAKillRightAfterIt() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		int port = freePort();
		Process first = java(CustodiaApplication.class, "--custodia.data-dir=" + dataDir, "--server.port=" + port,
				"--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD);
		HttpClient http = HttpClient.newHttpClient();
		// the bootstrap announces the administrator once it exists, after the web server has started
		awaitLine(first, "first administrator");
		// the one-time password is replaced first, as a scripted install does: no token is given while it is due
		HttpResponse<String> changed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/password"))
			.header("Authorization", basic(PASSWORD)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + CHANGED + "\"}"))
			.build(), BodyHandlers.ofString());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
		HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
			.header("Authorization", basic(CHANGED)).POST(HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
		first.destroyForcibly().waitFor();
		assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
		String token = issued.body().replaceFirst(".*\"token\":\"([^\"]+)\".*", "$1");

		Process second = java(CustodiaApplication.class, "--custodia.data-dir=" + dataDir, "--server.port=" + port,
				"--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD);
		try {
			awaitLine(second, "Started CustodiaApplication");
			HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
				.header("Authorization", "Bearer " + token).GET().build(), BodyHandlers.ofString());
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		}
		finally {
			second.destroyForcibly().waitFor();
		}
	}

	/** The workstation importing a card as a background job; says "DONE n" once the job is done, then waits to be killed. */
	static final class Child {

		public static void main(String[] args) throws Exception {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(CustodiaApplication.class)
				.web(WebApplicationType.NONE)
				.run("--custodia.data-dir=" + args[0], "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + PASSWORD,
						"--custodia.ingest.import-roots." + AGENCY + "=" + args[2],
						"--custodia.media.work-schedule=false", "--custodia.ingest.sm3-schedule=false");
			CommandLineTests.Custodian custodian = new CommandLineTests.Custodian(AGENCY);
			app.getBean(DeviceRegister.class).register(custodian, new NewDevice(AGENCY, "ZH-KILL-1", DeviceKind.BODY_CAMERA,
					null, null, null, null, null, null, null, null, null, null));
			ImportJobs jobs = app.getBean(ImportJobs.class);
			ImportJobs.Job job = jobs.importFolder(custodian, AGENCY, "ZH-KILL-1", null, Path.of(args[1]));
			while (job.state() == ImportJobs.State.RUNNING) {
				Thread.sleep(5);
				job = jobs.get(custodian, job.id());
			}
			System.out.println("DONE " + job.outcomes().stream().filter(outcome -> outcome.recordingId() != null).count());
			System.out.flush();
			Thread.sleep(Long.MAX_VALUE);
		}
	}

	static Process java(Class<?> main, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), main.getName()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	static String awaitLine(Process process, String start) throws Exception {
		BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		List<String> seen = new ArrayList<>();
		for (String line; (line = lines.readLine()) != null;) {
			if (line.contains(start)) {
				// keep reading, or the process blocks once the pipe is full
				Thread drain = new Thread(() -> lines.lines().forEach(rest -> {
				}));
				drain.setDaemon(true);
				drain.start();
				return line.substring(line.indexOf(start));
			}
			seen.add(line);
		}
		process.waitFor(10, TimeUnit.SECONDS);
		throw new AssertionError("the process ended before saying " + start + ":\n" + String.join("\n", seen));
	}

	static String basic(String password) {
		return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
	}

	static long count(Statement sql, String query) throws Exception {
		try (ResultSet rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
