package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** A data directory that overrides one agency's policy, started with the demo switch. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = PolicyOverrideIntegrationTests.OverridingDataDirectory.class)
class PolicyOverrideIntegrationTests {

	static class OverridingDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Path dataDir = TestDatabases.newDataDirectory();
			try {
				String shipped = new ClassPathResource("policies/pingdingshan-culture.yaml")
					.getContentAsString(StandardCharsets.UTF_8);
				Files.createDirectories(dataDir.resolve("policies"));
				Files.writeString(dataDir.resolve("policies/pingdingshan-culture.yaml"),
						shipped.replace("  baseMonths: null", "  baseMonths: 6").replace("baseStatus: left-blank", "baseStatus: set"));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			TestPropertyValues.of("custodia.data-dir=" + dataDir, "custodia.demo=true",
					"spring.datasource.url=" + TestDatabases.h2Url(),
					"CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + CustodiaIntegrationTest.ADMIN_PASSWORD).applyTo(context);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDataDirectoryFileReplacesTheShippedOne() throws Exception {
		String admin = accounts.administratorBearer(mvc);
		mvc.perform(get("/api/v1/agencies/pingdingshan-culture/policy").header("Authorization", admin))
			.andExpect(jsonPath("$.source").value("data-directory"))
			.andExpect(jsonPath("$.retention.months").value(6))
			.andExpect(jsonPath("$.warnings.length()").value(0));
		mvc.perform(get("/api/v1/agencies/zhanhe-health/policy").header("Authorization", admin))
			.andExpect(jsonPath("$.source").value("built-in"));
	}

	@Test
	void demoSwitchAddsDevicesWithWeeksOfCustodyHistory() {
		assertThat(jdbc.sql("select count(*) from device_device").query(Long.class).single()).isEqualTo(5 * 4);
		assertThat(jdbc.sql("select count(*) from device_device where status = 'ISSUED'").query(Long.class).single())
			.isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from device_event where kind = 'COLLECTED'").query(Long.class).single())
			.isGreaterThanOrEqualTo(5 * 2 * 10);
		assertThat(jdbc.sql("select count(*) from ledger_entry where action = 'device.collected'").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from device_event where kind = 'COLLECTED'").query(Long.class).single());
	}

	@Test
	void demoSwitchCreatesOneUserPerRoleInEachAgency() {
		long demoUsers = jdbc.sql("select count(*) from identity_user where username like '%.%'").query(Long.class).single();
		assertThat(demoUsers).isEqualTo(5 * org.custodia.shared.Role.values().length);
		assertThat(jdbc.sql("select count(*) from identity_user_role r join identity_user u on u.id = r.user_id "
				+ "where u.username = 'kaifeng-audit.legal-head' and r.role = 'LEGAL_HEAD'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void demoSwitchImportsGeneratedClipsFromTheDemoCameras() {
		assertThat(jdbc.sql("select count(*) from recording_recording where imported_by = 'demo'").query(Long.class).single())
			.isEqualTo(5 * 2 * 3);
		assertThat(jdbc.sql("""
				select count(*) from recording_recording where imported_by = 'demo' and has_poster and readable
				    and video_codec = 'mpeg4' and duration_ms between 2900 and 3100 and time_source = 'media-offset'""")
			.query(Long.class).single()).isEqualTo(5 * 2 * 3);
		assertThat(jdbc.sql("select count(*) from recording_recording where imported_by = 'demo' and important")
			.query(Long.class).single()).isEqualTo(5 * 2);
		assertThat(jdbc.sql("select count(*) from ledger_entry where action = 'recording.ingested' and actor = 'demo'")
			.query(Long.class).single()).isEqualTo(5 * 2 * 3);
		// The clips' movie headers state UTC, their names local time: both the same instant in China's zone,
		// whatever the server's zone is.
		assertThat(jdbc.sql("select name_time, recorded_at from recording_recording where imported_by = 'demo'")
			.query((rs, row) -> java.time.LocalDateTime.parse(rs.getString("name_time"))
				.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()
				.equals(rs.getTimestamp("recorded_at").toInstant()))
			.list()).hasSize(30).containsOnly(true);
	}
}
