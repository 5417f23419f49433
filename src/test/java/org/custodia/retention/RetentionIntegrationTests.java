package org.custodia.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * A recording's keep-until as its agency's policy decides it, with the rule and article: Fengnan's year counted from
 * the end of the activity (or of the recording), kept without end once marked long-term or kept with its case file
 * (002 art. 14), Neiqiu's complete keeping (000 art. 15), Pingdingshan's period not yet set; and holds placed and
 * released with their reasons.
 */
@CustodiaIntegrationTest
class RetentionIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	Ledger ledger;

	@Test
	void fengnanKeepsAYearFromTheActivitysEndAndWithoutEndWhenMarkedOrEvidenceInACase() throws Exception {
		String officerName = accounts.create("fengnan-medins", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID recording = imported("fengnan-medins", accounts.idOf(officerName));
		String retention = "/api/v1/recordings/" + recording + "/retention";
		String recordedEnd = JsonPath.read(mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", officer))
			.andReturn().getResponse().getContentAsString(), "$.recording.recordedEnd");
		mvc.perform(get(retention).header("Authorization", officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rule").value("BASE_PERIOD"))
			.andExpect(jsonPath("$.months").value(12))
			.andExpect(jsonPath("$.cite").value("002 art. 14"))
			.andExpect(jsonPath("$.countedFrom").value(recordedEnd))
			.andExpect(jsonPath("$.keepUntil").value(java.time.Instant.parse(recordedEnd).atZone(java.time.ZoneId.of("Asia/Shanghai"))
				.plusMonths(12).toInstant().toString()));

		String type = JsonPath.read(mvc.perform(get("/api/v1/activities/types").header("Authorization", officer))
			.andReturn().getResponse().getContentAsString(), "$[0].code");
		String activity = JsonPath.read(json(post("/api/v1/activities/from-recording"), officer, """
				{"recordingId":"%s","type":"%s","place":"某药店"}""".formatted(recording, type))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.endedAt");
		mvc.perform(get(retention).header("Authorization", officer))
			.andExpect(jsonPath("$.countedFrom").value(activity));

		json(post("/api/v1/recordings/" + recording + "/long-term"), officer, "{\"trigger\":\"obstruction\"}")
			.andExpect(status().isCreated());
		mvc.perform(get(retention).header("Authorization", officer))
			.andExpect(jsonPath("$.rule").value("LONG_TERM"))
			.andExpect(jsonPath("$.withoutEnd").value(true))
			.andExpect(jsonPath("$.keepUntil").doesNotExist());

		UUID evidence = imported("fengnan-medins", accounts.idOf(officerName));
		String caseId = JsonPath.read(json(post("/api/v1/cases"), officer, """
				{"number":"丰医保罚〔2026〕%s号","name":"某药店案"}""".formatted(UUID.randomUUID().toString().substring(0, 6)))
			.andReturn().getResponse().getContentAsString(), "$.id");
		json(post("/api/v1/activities/from-recording"), officer, """
				{"recordingId":"%s","type":"%s","place":"某药店","caseId":"%s"}""".formatted(evidence, type, caseId))
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/recordings/" + evidence + "/retention").header("Authorization", officer))
			.andExpect(jsonPath("$.rule").value("WITH_CASE_FILE"))
			.andExpect(jsonPath("$.cite").value("002 art. 14"))
			.andExpect(jsonPath("$.withoutEnd").value(true));
	}

	@Test
	void completeKeepingAndAnUnsetPeriodKeepWithoutEndAndTheRecordingsPageSaysSo() throws Exception {
		String neiqiu = accounts.create("neiqiu-health", Role.OFFICER);
		UUID kept = imported("neiqiu-health", accounts.idOf(neiqiu));
		mvc.perform(get("/api/v1/recordings/" + kept + "/retention").header("Authorization", accounts.bearer(mvc, neiqiu)))
			.andExpect(jsonPath("$.rule").value("KEPT_COMPLETE"))
			.andExpect(jsonPath("$.withoutEnd").value(true))
			.andExpect(jsonPath("$.cite").value(containsString("000 art. 15")));
		org.springframework.mock.web.MockHttpSession session = accounts.signedIn(mvc, "neiqiu-health", Role.OFFICER);
		mvc.perform(get("/recordings/" + kept).session(session))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("长期保存，不得清除")));

		String pingdingshan = accounts.create("pingdingshan-culture", Role.OFFICER);
		UUID unset = imported("pingdingshan-culture", accounts.idOf(pingdingshan));
		mvc.perform(get("/api/v1/recordings/" + unset + "/retention").header("Authorization",
				accounts.bearer(mvc, pingdingshan)))
			.andExpect(jsonPath("$.rule").value("PERIOD_NOT_SET"))
			.andExpect(jsonPath("$.withoutEnd").value(true));
		mvc.perform(get("/api/v1/recordings/" + unset + "/retention").header("Authorization",
				accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER))))
			.andExpect(status().isNotFound());
	}

	@Test
	void holdsArePlacedAndReleasedWithTheirReasonsEachInTheLedger() throws Exception {
		String officerName = accounts.create("zhanhe-health", Role.OFFICER);
		UUID recording = imported("zhanhe-health", accounts.idOf(officerName));
		String custodian = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		json(post("/api/v1/holds"), custodian, """
				{"recordingId":"%s","kind":"complaint"}""".formatted(recording))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("理由")));
		json(post("/api/v1/holds"), accounts.bearer(mvc, accounts.create("zhanhe-health", Role.SUPERVISOR)), """
				{"recordingId":"%s","kind":"complaint","reason":"x"}""".formatted(recording))
			.andExpect(status().isForbidden());
		String hold = JsonPath.read(json(post("/api/v1/holds"), custodian, """
				{"recordingId":"%s","kind":"complaint","reason":"当事人投诉执法过程"}""".formatted(recording))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("COMPLAINT"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		String officer = accounts.bearer(mvc, officerName);
		mvc.perform(get("/api/v1/recordings/" + recording + "/retention").header("Authorization", officer))
			.andExpect(jsonPath("$.holds[0].id").value(hold))
			.andExpect(jsonPath("$.holds[0].reason").value("当事人投诉执法过程"));
		json(post("/api/v1/holds/" + hold + "/release"), custodian, "{\"reason\":\"投诉已办结\"}")
			.andExpect(jsonPath("$.releasedAt").exists());
		json(post("/api/v1/holds/" + hold + "/release"), custodian, "{\"reason\":\"再次\"}")
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/recordings/" + recording + "/retention").header("Authorization", officer))
			.andExpect(jsonPath("$.holds").isEmpty());
		assertThat(ledger.about("zhanhe-health", List.of(hold), 10)).extracting(LedgerEntry::action)
			.containsExactly("retention.hold-placed", "retention.hold-released");
	}

	@Test
	void aHoldOnACaseHoldsItsRecordingsAndAHoldReleasedBehindTheLedgerShowsInTheVerification() throws Exception {
		String officerName = accounts.create("fengnan-medins", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID recording = imported("fengnan-medins", accounts.idOf(officerName));
		String caseId = JsonPath.read(json(post("/api/v1/cases"), officer, """
				{"number":"丰医保罚〔2026〕%s号","name":"某诊所案"}""".formatted(UUID.randomUUID().toString().substring(0, 6)))
			.andReturn().getResponse().getContentAsString(), "$.id");
		String type = JsonPath.read(mvc.perform(get("/api/v1/activities/types").header("Authorization", officer))
			.andReturn().getResponse().getContentAsString(), "$[0].code");
		json(post("/api/v1/activities/from-recording"), officer, """
				{"recordingId":"%s","type":"%s","place":"某诊所","caseId":"%s"}""".formatted(recording, type, caseId))
			.andExpect(status().isCreated());
		String hold = JsonPath.read(json(post("/api/v1/holds"), officer, """
				{"caseId":"%s","kind":"dispute","reason":"行政复议中"}""".formatted(caseId))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subjectType").value("CASE"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(get("/api/v1/recordings/" + recording + "/retention").header("Authorization", officer))
			.andExpect(jsonPath("$.holds[0].id").value(hold));

		String supervisor = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.SUPERVISOR));
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
			.andExpect(jsonPath("$.intact").value(true));
		jdbc.sql("update retention_hold set released_at = :at, released_by = 'someone' where id = :id")
			.param("at", java.sql.Timestamp.from(java.time.Instant.now())).param("id", UUID.fromString(hold)).update();
		try {
			mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.disagreements[?(@.table == 'retention_hold')].field")
					.value(org.hamcrest.Matchers.contains("released")));
		}
		finally {
			jdbc.sql("update retention_hold set released_at = null, released_by = null where id = :id")
				.param("id", UUID.fromString(hold)).update();
		}
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aCustodianHoldsARecordingFromItsPageAndReleasesItFromTheHoldsList() throws Exception {
		org.springframework.mock.web.MockHttpSession custodian = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		org.springframework.mock.web.MockHttpSession chief = accounts.signedIn(mvc, "neiqiu-health", Role.CHIEF);
		UUID recording = imported("neiqiu-health", accounts.idOf(accounts.create("neiqiu-health", Role.OFFICER)));
		mvc.perform(get("/recordings/" + recording).session(custodian))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("id=\"hold-form\"")));
		mvc.perform(get("/recordings/" + recording).session(chief))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.not(containsString("id=\"hold-form\""))));
		mvc.perform(post("/holds").session(custodian)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("recording", recording.toString()).param("kind", "INVESTIGATION").param("reason", "纪检调查需要"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/recordings/" + recording));
		mvc.perform(get("/recordings/" + recording).session(custodian))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("id=\"holds\"")));
		String page = mvc.perform(get("/holds").session(custodian)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("纪检调查需要", "调查").doesNotContain("INVESTIGATION<");
		String hold = page.replaceAll("(?s).*action=\"/holds/([0-9a-f-]{36})/release\".*", "$1");
		mvc.perform(post("/holds/" + hold + "/release").session(custodian)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("reason", "调查结束"))
			.andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/holds").session(custodian)).andReturn().getResponse().getContentAsString())
			.contains("调查结束");
	}

	private UUID imported(String agency, UUID officer) throws Exception {
		Actor custodian = TestActor.of("retention-custodian", agency, Role.CUSTODIAN);
		String device = "RT-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(agency, device, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		byte[] bytes = Files.readAllBytes(TestMedia.FOLDER.resolve("sample_mpeg4.mp4"));
		byte[] unique = java.util.Arrays.copyOf(bytes, bytes.length + 16);
		System.arraycopy(UUID.randomUUID().toString().getBytes(), 0, unique, bytes.length, 16);
		Files.write(card.resolve("keep.mp4"), unique);
		return imports.importFolder(custodian, agency, device, officer, card).get(0).recordingId();
	}

	private ResultActions json(MockHttpServletRequestBuilder request, String bearer, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
