package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The compliance board of one agency for one week: per unit and officer, recorded, filed, missing, late
 * imports, unexplained interruptions and unconfirmed statements; its page, CSV and PDF, and the
 * activity pages an officer works in.
 */
@CustodiaIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceIntegrationTests {

	static final String AGENCY = "zhanhe-health";

	static final String WEEK = "from=2026-11-02&to=2026-11-06";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.custodia.ledger.Ledger ledger;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	org.custodia.shared.MutableClock clock;

	@Autowired
	ActivityNotices notices;

	String unitHead;

	String recorded;

	String missing;

	String awaiting;

	UUID firstOfficer;

	@BeforeAll
	void aWeekOfActivities() throws Exception {
		String firstName = accounts.createInUnit(AGENCY, 0, Role.OFFICER);
		String secondName = accounts.createInUnit(AGENCY, 1, Role.OFFICER);
		UUID first = accounts.idOf(firstName);
		firstOfficer = first;
		UUID second = accounts.idOf(secondName);
		String officer = accounts.bearer(mvc, firstName);
		String colleague = accounts.bearer(mvc, secondName);
		unitHead = accounts.bearer(mvc, accounts.create(AGENCY, Role.UNIT_HEAD));

		recorded = activity(officer, "on-site-enforcement", first, "2026-11-02T01:00:00Z", "2026-11-02T03:00:00Z", "某诊所");
		UUID device = ActivityFixtures.device(devices, AGENCY);
		for (String[] span : new String[][] { { "01:00", "01:30" }, { "02:00", "02:40" } }) {
			UUID recording = ActivityFixtures.recording(registers(), AGENCY, device, first, Instant.parse("2026-11-02T" + span[0] + ":00Z"),
					Instant.parse("2026-11-02T" + span[1] + ":00Z"), span[0].equals("01:00") ? 30L : 0L);
			post(officer, "/api/v1/activities/" + recorded + "/recordings", "{\"recordingId\":\"" + recording + "\"}")
				.andExpect(status().isCreated());
		}
		missing = activity(officer, "hearing", first, "2026-11-03T01:00:00Z", "2026-11-03T02:00:00Z", "听证室");

		String filed = activity(colleague, "service-by-leaving", second, "2026-11-04T06:00:00Z", "2026-11-04T06:30:00Z", "某药店");
		String chiefName = accounts.create(AGENCY, Role.CHIEF);
		String leader = accounts.idOf(accounts.create(AGENCY, Role.OFFICER)).toString();
		String record = JsonPath.read(post(colleague, "/api/v1/activities/" + filed + "/work-records",
				WorkRecordsIntegrationTests.draft("device-fault", "记录仪无法开机", "", leader, accounts.idOf(chiefName).toString()))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		post(accounts.bearer(mvc, chiefName), "/api/v1/activities/" + filed + "/work-records/" + record + "/review",
				"{\"approved\":true}").andExpect(status().isOk());
		post(accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN)),
				"/api/v1/activities/" + filed + "/work-records/" + record + "/file", "{}").andExpect(status().isOk());

		activity(colleague, "unlisted", second, "2026-11-05T06:00:00Z", "2026-11-05T06:30:00Z", "宣传活动");
		activity(officer, "hearing", first, "2026-11-10T01:00:00Z", "2026-11-10T02:00:00Z", "下周听证");
		awaiting = activity(officer, "hearing", first, "2026-11-23T05:00:00Z", "2026-11-23T06:00:00Z", "今天的听证");
	}

	@Test
	void countsEachStatePerUnitAndOfficerForThePeriod() throws Exception {
		mvc.perform(get("/api/v1/compliance?" + WEEK).header("Authorization", unitHead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total.activities").value(4))
			.andExpect(jsonPath("$.total.required").value(3))
			.andExpect(jsonPath("$.total.recorded").value(1))
			.andExpect(jsonPath("$.total.workRecordFiled").value(1))
			.andExpect(jsonPath("$.total.missing").value(1))
			.andExpect(jsonPath("$.total.lateImports").value(1))
			.andExpect(jsonPath("$.total.unexplainedInterruptions").value(1))
			.andExpect(jsonPath("$.total.missingStatements").value(1))
			.andExpect(jsonPath("$.byUnit", hasSize(2)))
			.andExpect(jsonPath("$.byOfficer", hasSize(2)))
			.andExpect(jsonPath("$.byOfficer[0].missing").value(1))
			.andExpect(jsonPath("$.byOfficer[1].workRecordFiled").value(1))
			.andExpect(jsonPath("$.attention[*].id").value(org.hamcrest.Matchers.contains(recorded, missing)));
		mvc.perform(get("/api/v1/compliance?from=2026-11-10&to=2026-11-10").header("Authorization", unitHead))
			.andExpect(jsonPath("$.total.missing").value(1));
		mvc.perform(get("/api/v1/compliance?from=2026-11-06&to=2026-11-02").header("Authorization", unitHead))
			.andExpect(status().isBadRequest());
		String stranger = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.UNIT_HEAD));
		mvc.perform(get("/api/v1/compliance?agency=" + AGENCY + "&" + WEEK).header("Authorization", stranger))
			.andExpect(status().isNotFound());
	}

	@Test
	void anActivityWithinTheImportDeadlineIsAwaitingNotMissing() throws Exception {
		mvc.perform(get("/api/v1/activities/" + awaiting).header("Authorization", unitHead))
			.andExpect(jsonPath("$.compliance.state").value("MISSING"))
			.andExpect(jsonPath("$.compliance.awaitingImport").value(true));
		mvc.perform(get("/api/v1/compliance?from=2026-11-23&to=2026-11-23").header("Authorization", unitHead))
			.andExpect(jsonPath("$.total.missing").value(0))
			.andExpect(jsonPath("$.total.awaitingImport").value(1))
			.andExpect(jsonPath("$.attention", hasSize(0)));
		clock.advance(java.time.Duration.ofHours(23));
		try {
			mvc.perform(get("/api/v1/compliance?from=2026-11-23&to=2026-11-23").header("Authorization", unitHead))
				.andExpect(jsonPath("$.total.missing").value(1))
				.andExpect(jsonPath("$.total.awaitingImport").value(0))
				.andExpect(jsonPath("$.attention[0].id").value(awaiting));
		}
		finally {
			clock.set(CustodiaIntegrationTest.START);
		}
	}

	@Test
	void theHomePageTellsOfficersAndUnitHeadsWhatIsMissing() throws Exception {
		org.custodia.shared.TestActor officer = new org.custodia.shared.TestActor(firstOfficer, "officer",
				java.util.Optional.of(AGENCY), java.util.Set.of(Role.OFFICER));
		assertThat(notices.noticesFor(officer, java.util.Locale.SIMPLIFIED_CHINESE)).extracting(org.custodia.shared.Notices.Notice::text)
			.containsExactly("近 30 天您参加的执法活动中，2 项既无录像也无工作记录，1 处中断未说明原因。请在“执法活动”中确认录像、说明中断或填写工作记录。");
		MockHttpSession head = accounts.signedIn(mvc, AGENCY, Role.UNIT_HEAD);
		mvc.perform(get("/").session(head))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("本科室近 30 天的执法活动中")))
			// the notice opens the list it counts
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*<a href=\"/activities\">本科室近 30 天的执法活动中.*")));
	}

	@Test
	void theBoardPageAndItsExports() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, AGENCY, Role.UNIT_HEAD);
		mvc.perform(get("/compliance?" + WEEK).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("合规看板")))
			.andExpect(content().string(containsString("听证室")))
			.andExpect(content().string(containsString("缺失：无录像、无工作记录")))
			.andExpect(content().string(containsString("id=\"nav-compliance\"")));
		byte[] csv = mvc.perform(get("/compliance/export.csv?" + WEEK).session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF范围,名称,执法活动").contains("\r\n合计,,4,3,1,1,1,0,1,1,1\r\n");
		byte[] pdf = mvc.perform(get("/compliance/export.pdf?" + WEEK).session(session))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("执法音像记录合规情况", "2026-11-02", "听证室");
		}
	}

	@Test
	void theActivityPagesShowStatesGapsAndTheAgencysWords() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		mvc.perform(get("/activities?" + WEEK).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("某诊所")))
			.andExpect(content().string(containsString("已备案工作记录")));
		mvc.perform(get("/activities/" + recorded).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("中断 30 分钟")))
			.andExpect(content().string(containsString("执法行动目的、任务")))
			.andExpect(content().string(containsString("《湛河区卫生健康委员会音像记录管理制度》第八条")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(" art. "))))
			.andExpect(content().string(containsString("逾期 30 分钟")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activities").session(session).with(csrf())
			.param("type", "investigation-evidence").param("place", "某医院").param("start", "2026-11-08T09:00")
			.param("end", "2026-11-08T08:00").param("officers", accounts.account(session).userId().toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("error", containsString("结束时间早于开始时间")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/activities").session(session).with(csrf())
			.param("type", "investigation-evidence").param("place", "某医院").param("start", "2026-11-08T09:00")
			.param("end", "2026-11-08T10:00").param("officers", accounts.account(session).userId().toString()))
			.andExpect(redirectedUrlPattern("/activities/*"));
	}

	private String activity(String bearer, String type, UUID officer, String start, String end, String place) throws Exception {
		String json = ActivityIntegrationTests.activity(type, officer.toString(), null, start, end).replace("某诊所", place);
		return JsonPath.read(post(bearer, "/api/v1/activities", json).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ActivityFixtures.Registers registers() {
		return new ActivityFixtures.Registers(jdbc, ledger, transactions);
	}
}
