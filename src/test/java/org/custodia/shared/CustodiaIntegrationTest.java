package org.custodia.shared;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on an in-memory H2 and a fresh data directory, with a clock tests can move
 * and a known bootstrap password. Contexts are shared between test classes that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
@Import(CustodiaIntegrationTest.TestClock.class)
public @interface CustodiaIntegrationTest {

	String ADMIN_PASSWORD = "Bootstrap-Pass-2026";

	Instant START = Instant.parse("2026-11-23T08:00:00Z");

	/** Tests move the clock past the collection time; they call the reminders themselves, not the schedule. */
	String REMINDERS_BY_HAND = "custodia.device.reminder-schedule=false";

	/** Tests run the SM3 backfill themselves when they want it. */
	String SM3_BY_HAND = "custodia.ingest.sm3-schedule=false";

	/** Tests make proxies, clips and watermarked copies themselves ({@code DerivedCopies.workPending()}). */
	String MEDIA_BY_HAND = "custodia.media.work-schedule=false";

	/** Tests run integrity sweeps themselves ({@code POST /api/v1/fixity/sweeps}). */
	String FIXITY_BY_HAND = "custodia.fixity.schedule=false";

	/** Tests carry out disposals and finish their removals themselves ({@code Disposals.executeDue()}). */
	String DISPOSALS_BY_HAND = "custodia.retention.disposal-schedule=false";

	/**
	 * Tests import from temporary folders: every agency may import from the system's temporary directory.
	 * The data directory lies there too and stays refused (ImportRoots: Custodia's own data comes first).
	 */
	String[] IMPORT_ROOTS = java.util.stream.Stream
		.of("neiqiu-health", "pingdingshan-culture", "fengnan-medins", "zhanhe-health", "kaifeng-audit")
		.map(agency -> "custodia.ingest.import-roots." + agency + "=" + System.getProperty("java.io.tmpdir"))
		.toArray(String[]::new);

	/** A fresh data directory and H2 database for each application context. */
	class H2DataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("custodia.data-dir=" + TestDatabases.newDataDirectory(), "spring.datasource.url=" + TestDatabases.h2Url(),
					"CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + ADMIN_PASSWORD, REMINDERS_BY_HAND, SM3_BY_HAND, MEDIA_BY_HAND, FIXITY_BY_HAND, DISPOSALS_BY_HAND).and(IMPORT_ROOTS)
				.applyTo(context);
		}
	}

	/** The same on a fresh schema of the machine's PostgreSQL. */
	class PostgresDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("custodia.data-dir=" + TestDatabases.newDataDirectory(),
					"spring.datasource.url=" + TestDatabases.postgresUrl(),
					"spring.datasource.username=" + TestDatabases.POSTGRES_USER, "spring.datasource.password=",
					"CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + ADMIN_PASSWORD, REMINDERS_BY_HAND, SM3_BY_HAND, MEDIA_BY_HAND, FIXITY_BY_HAND, DISPOSALS_BY_HAND).and(IMPORT_ROOTS)
				.applyTo(context);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(START, ZoneId.of("Asia/Shanghai"));
		}
	}
}
