package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.KilledAfterCommitTests.awaitLine;
import static org.custodia.KilledAfterCommitTests.count;
import static org.custodia.KilledAfterCommitTests.java;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.aopalliance.intercept.MethodInterceptor;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.ingest.RecordingImports;
import org.custodia.media.DerivedCopies;
import org.custodia.media.OriginalRef;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.NameMatchMethodPointcutAdvisor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * The proxy of an imported recording is asked for by media's listener after the import commits. The process
 * is killed with SIGKILL while that listener is half-way (the proxy asked for, its transaction not yet
 * committed); after a restart the event is delivered again from the registry on the database, and the proxy
 * is asked for exactly once. Without the registry (a plain listener) the request would be lost with the process.
 */
class ProxyRequestKillTests {

	static final String AGENCY = "zhanhe-health";

	static final String DEVICE = "ZH-PROXY-KILL";

	static final String HALF_WAY = "PROXY ASKED FOR, NOT COMMITTED";

	@Test
	void aProxyRequestCutShortByAKillIsMadeOnceAfterTheRestart() throws Exception {
		Path dataDir = TestDatabases.newDataDirectory();
		// the card lies beside the data directory: imports refuse Custodia's own data
		Path card = TestDatabases.newDataDirectory();
		Path folder = Files.createDirectories(card.resolve("DCIM"));
		// MPEG-4 Part 2 video, which browsers do not play: it needs a proxy
		Files.copy(TestMedia.file("sample_mpeg4.mp4"), folder.resolve("sample_mpeg4.mp4"));

		Process first = java(Child.class, "slow", dataDir.toString(), folder.toString(), card.toString());
		String recording;
		try {
			recording = awaitLine(first, HALF_WAY).substring(HALF_WAY.length()).strip();
		}
		finally {
			first.destroyForcibly().waitFor();
		}
		// the killed process is gone: spare the next start H2's seconds of finding that out from its lock file
		Files.deleteIfExists(dataDir.resolve("db/custodia.lock.db"));

		try (Connection db = open(dataDir); Statement sql = db.createStatement()) {
			assertThat(count(sql, "select count(*) from recording_recording where id = '" + recording + "'"))
				.as("the import committed").isOne();
			assertThat(count(sql, "select count(*) from media_derived where recording_id = '" + recording + "'"))
				.as("the listener's request died with it").isZero();
			assertThat(count(sql, "select count(*) from event_publication where completion_date is null"))
				.as("the event waits in the registry").isOne();
		}

		Process second = java(Child.class, "restart", dataDir.toString(), folder.toString(), card.toString());
		try {
			assertThat(awaitLine(second, "SETTLED")).isEqualTo("SETTLED, 0 to deliver");
			assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the restarted application stops").isTrue();
		}
		finally {
			second.destroyForcibly().waitFor();
		}

		try (Connection db = open(dataDir); Statement sql = db.createStatement()) {
			assertThat(count(sql, "select count(*) from media_derived where kind = 'PROXY' and recording_id = '" + recording
					+ "'")).as("one proxy asked for").isOne();
			assertThat(count(sql, "select count(*) from ledger_entry where action = 'media.proxy-requested'"
					+ " and actor = 'test-custodian'")).as("one request in the ledger, under the importer's name").isOne();
			assertThat(count(sql, "select count(*) from event_publication")).as("nothing left to deliver").isZero();
		}
	}

	private static Connection open(Path dataDir) throws Exception {
		return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/custodia")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
	}

	/**
	 * {@code slow}: imports the card; the proxy listener then stops half-way, says so with the recording's id
	 * and waits to be killed. {@code restart}: starts again, waits until the registry holds nothing to deliver
	 * (a minute at most), says "SETTLED" with what it still holds, and stops.
	 */
	static final class Child {

		public static void main(String[] args) throws Exception {
			boolean slow = args[0].equals("slow");
			SpringApplicationBuilder builder = new SpringApplicationBuilder(CustodiaApplication.class);
			if (slow) {
				builder.sources(HalfWayProxyRequests.class);
			}
			ConfigurableApplicationContext app = builder.web(WebApplicationType.NONE)
				.run("--custodia.data-dir=" + args[1], "--CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=Proxy-Kill-2026",
						"--custodia.ingest.import-roots." + AGENCY + "=" + args[3], "--custodia.media.work-schedule=false",
						"--custodia.ingest.sm3-schedule=false");
			CommandLineTests.Custodian custodian = new CommandLineTests.Custodian(AGENCY);
			if (slow) {
				app.getBean(DeviceRegister.class).register(custodian, new NewDevice(AGENCY, DEVICE, DeviceKind.BODY_CAMERA,
						null, null, null, null, null, null, null, null, null, null));
				List<RecordingImports.Outcome> outcomes = app.getBean(RecordingImports.class)
					.importFolder(custodian, AGENCY, DEVICE, null, Path.of(args[2]));
				System.out.println("imported " + outcomes);
				// the listener says when it is half-way; if it never does, end, so that the test does not wait for ever
				Thread.sleep(120_000);
				System.exit(3);
			}
			EventPublicationRegistry registry = app.getBean(EventPublicationRegistry.class);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (!registry.findIncompletePublications().isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			System.out.println("SETTLED, " + registry.findIncompletePublications().size() + " to deliver");
			System.out.flush();
			app.close();
			System.exit(0);
		}
	}

	/**
	 * Stops every proxy request after it has been made and before its transaction commits, as a kill in the
	 * middle of the listener would find it. Added to the transactional proxy of {@link DerivedCopies}, so it
	 * runs inside the listener's transaction.
	 */
	@Configuration(proxyBeanMethods = false)
	static class HalfWayProxyRequests {

		@Bean
		static BeanPostProcessor stopHalfWay() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DerivedCopies && bean instanceof Advised advised) {
						NameMatchMethodPointcutAdvisor advisor = new NameMatchMethodPointcutAdvisor(
								(MethodInterceptor) invocation -> {
									Object requested = invocation.proceed();
									System.out.println(HALF_WAY + " " + ((OriginalRef) invocation.getArguments()[1]).recordingId());
									System.out.flush();
									Thread.sleep(Long.MAX_VALUE);
									return requested;
								});
						advisor.setMappedName("proxyFor");
						advised.addAdvisor(advisor);
					}
					return bean;
				}
			};
		}
	}
}
