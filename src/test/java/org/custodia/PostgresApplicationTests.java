package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** The whole application on the machine's PostgreSQL: Flyway, bootstrap, login lockout, tokens, tenant isolation. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = CustodiaIntegrationTest.PostgresDataDirectory.class)
@Import(CustodiaIntegrationTest.TestClock.class)
class PostgresApplicationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	org.custodia.device.DeviceRegister devices;

	@Test
	void runsOnPostgresWithItsAppendOnlyTrigger() throws Exception {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(jdbc.sql("select count(*) from identity_agency").query(Long.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("select count(*) from information_schema.triggers where event_object_table = 'ledger_entry'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(2);

		String officer = accounts.create("fengnan-medins", Role.OFFICER);
		// One address is throttled after three failures on a name; the lockout takes failures from two.
		for (int i = 0; i < 5; i++) {
			String address = i < 3 ? "10.0.0.1" : "10.0.0.2";
			mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(officer, "wrong"))
				.with(request -> {
					request.setRemoteAddr(address);
					return request;
				}))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(officer, TestAccounts.PASSWORD)))
			.andExpect(status().isUnauthorized());

		String custodian = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/users").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		mvc.perform(get("/api/v1/users").param("agency", "neiqiu-health").header("Authorization", custodian))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/agencies/fengnan-medins/policy").header("Authorization", custodian))
			.andExpect(jsonPath("$.retention.months").value(12));
		// the register's query with each recording's deadline as a late reason may have moved it
		mvc.perform(get("/api/v1/recordings").header("Authorization", custodian)).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from policy_setting where decision_number is not null or decision_date is not null")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from activity_problem_report").query(Long.class).single()).isZero();

		long sequence = ledger.size();
		assertThat(ledger.entries(0, (int) sequence)).extracting(entry -> entry.sequence())
			.containsExactlyElementsOf(java.util.stream.LongStream.range(0, sequence).boxed().toList());
		assertThat(ledger.entries(0, (int) sequence)).extracting(entry -> entry.action())
			.contains("agency.created", "user.created", "auth.login-failed", "auth.locked-out", "auth.token-created");
	}

	/**
	 * Verification on PostgreSQL: the log read through a cursor while the register checks query the same
	 * connection (more devices than one page of them), and a register row changed behind the ledger.
	 */
	@Test
	void verificationHoldsTheRegisterOfDevicesToTheLedgerOnPostgres() throws Exception {
		StringBuilder csv = new StringBuilder("number,kind,brand,model,serial,asset_number,purchase_date,purchase_price,"
				+ "volume_label,volume_serial\n");
		for (int n = 0; n < 520; n++) {
			csv.append("PG-").append(n).append(",BODY_CAMERA,,,SN-").append(n).append(",,,,,\n");
		}
		devices.importCsv(org.custodia.shared.TestActor.of("pg-custodian", "zhanhe-health", Role.CUSTODIAN), "zhanhe-health",
					csv.toString());
		String supervisor = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.SUPERVISOR));
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
			.andExpect(jsonPath("$.intact").value(true));

		jdbc.sql("update device_device set serial_number = 'SN-FORGED' where number = 'PG-300'").update();
		try {
			mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.disagreements.length()").value(1))
				.andExpect(jsonPath("$.disagreements[0].table").value("device_device"))
				.andExpect(jsonPath("$.disagreements[0].field").value("serial"))
				.andExpect(jsonPath("$.disagreements[0].ledgerValue").value("SN-300"))
				.andExpect(jsonPath("$.disagreements[0].tableValue").value("SN-FORGED"));
		}
		finally {
			jdbc.sql("update device_device set serial_number = 'SN-300' where number = 'PG-300'").update();
		}
	}

	@Autowired
	org.custodia.ingest.RecordingImports imports;

	/**
	 * Access requests on PostgreSQL: numbering, the decision, the grant that serves the original, the register as
	 * JSON and CSV, an expiry sweep's query and a secrecy mark that hides the recording.
	 */
	@Test
	void accessRequestsTheRegisterAndSecrecyMarksRunOnPostgres() throws Exception {
		String agency = "pingdingshan-culture";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		org.custodia.shared.Actor custodian = org.custodia.shared.TestActor.of("pg-custodian", agency, Role.CUSTODIAN);
		String device = "PGA-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new org.custodia.device.NewDevice(agency, device, org.custodia.device.DeviceKind.BODY_CAMERA,
				null, null, null, null, null, null, null, null, null, null));
		java.nio.file.Path card = org.custodia.shared.TestDatabases.newDataDirectory().resolve("DCIM");
		java.nio.file.Files.createDirectories(card);
		java.nio.file.Files.copy(TestMedia.FOLDER.resolve("sample_mpeg4.mp4"), card.resolve("pg.mp4"));
		java.util.UUID recording = imports.importFolder(custodian, agency, device, accounts.idOf(officerName), card).get(0)
			.recordingId();
		String content = "/api/v1/recordings/" + recording + "/content";
		mvc.perform(get(content).header("Authorization", officer)).andExpect(status().isForbidden());
		String first = org.custodia.access.Approvals.toWatch(mvc, accounts, agency, officer, recording);
		String second = org.custodia.access.Approvals.toWatch(mvc, accounts, agency, officer, recording);
		assertThat(jdbc.sql("select number from access_request where id in (:ids) order by number")
			.param("ids", java.util.List.of(java.util.UUID.fromString(first), java.util.UUID.fromString(second)))
			.query(String.class).list()).containsExactly("2026-0001", "2026-0002");
		mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-9"))
			.andExpect(status().isPartialContent());
		viewings.closeAll();
		String chief = accounts.bearer(mvc, accounts.create(agency, Role.CHIEF));
		mvc.perform(get("/api/v1/access-register?q=测试&recording=" + recording).header("Authorization", chief))
			.andExpect(jsonPath("$[0].kind").value("VIEW"))
			.andExpect(jsonPath("$[0].cite").value("001-access art. 5"));
		mvc.perform(get("/api/v1/access-register?format=csv").header("Authorization", chief))
			.andExpect(status().isOk());
		assertThat(ends.expireDue()).isZero();

		String mark = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/secrecy-marks").header("Authorization", officer)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
					{"recordingId":"%s","kind":"personal-privacy","named":["%s"],"reason":"个人隐私"}"""
				.formatted(recording, accounts.idOf(officerName))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(post("/api/v1/secrecy-marks/" + mark + "/decision").header("Authorization", chief)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"approved\":true}"))
			.andExpect(jsonPath("$.state").value("ACTIVE"));
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", chief)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", officer)).andExpect(status().isOk());
	}

	@Autowired
	org.custodia.access.Viewings viewings;

	@Autowired
	org.custodia.access.AccessRequestEnds ends;
}
