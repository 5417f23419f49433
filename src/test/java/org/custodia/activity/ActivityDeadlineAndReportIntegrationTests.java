package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * An activity awaits its import only while its agency's deadline runs, and an officer's report that recording
 * cannot go on is kept with its time where the regulation asks for it. The clock starts at 2026-11-23 16:00 in Shanghai.
 */
@CustodiaIntegrationTest
class ActivityDeadlineAndReportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@AfterEach
	void resetClock() {
		clock.set(CustodiaIntegrationTest.START);
	}

	/**
	 * 004 art. 12: "每工作日结束时…导出存储" — an activity of this morning awaits its recordings until 18:00, not for a day;
	 * then it is missing.
	 */
	@Test
	void anActivityAwaitsItsImportOnlyUntilTheEndOfTheWorkingDay() throws Exception {
		String officerName = accounts.create("kaifeng-audit", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String activity = JsonPath.read(post(officer, "/api/v1/activities", ActivityIntegrationTests.activity(
				"seizure-or-detention", accounts.idOf(officerName).toString(), null, "2026-11-23T01:00:00Z",
				"2026-11-23T02:00:00Z")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.state").value("MISSING"))
			.andExpect(jsonPath("$.compliance.awaitingImport").value(true));
		clock.advance(Duration.ofMinutes(150));
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.state").value("MISSING"))
			.andExpect(jsonPath("$.compliance.awaitingImport").value(false));
	}

	/**
	 * 002 art. 11: "确实无法继续记录的，应当立即向所属部门负责人报告，并在事后书面说明情况" — the report names the head of the
	 * officer's own unit and keeps its time; where a regulation asks for no such report, none is taken.
	 */
	@Test
	void anOfficerReportsToTheHeadOfHisOwnUnitWhereTheRegulationAsks() throws Exception {
		String agency = "fengnan-medins";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String head = accounts.idOf(accounts.create(agency, Role.UNIT_HEAD)).toString();
		String otherHead = accounts.idOf(accounts.createInUnit(agency, 1, Role.UNIT_HEAD)).toString();
		String activity = JsonPath.read(post(officer, "/api/v1/activities", ActivityIntegrationTests.activity(
				"routine-inspection", accounts.idOf(officerName).toString(), null, "2026-11-23T01:00:00Z",
				"2026-11-23T02:00:00Z")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String path = "/api/v1/activities/" + activity + "/problem-reports";
		post(officer, path, report(otherHead, "2026-11-23T01:30:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reportedToId"))
			.andExpect(jsonPath("$.rule").value("002 art. 11"));
		post(officer, path, report(head, "2026-11-23T09:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reportedAt"));
		post(officer, path, report(head, "2026-11-23T01:30:00Z"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.reportedAt").value("2026-11-23T01:30:00Z"))
			.andExpect(jsonPath("$.reportedToId").value(head))
			.andExpect(jsonPath("$.cite").value("002 art. 11"));
		mvc.perform(get(path).header("Authorization", officer))
			.andExpect(jsonPath("$[0].note").value("电池耗尽，无法继续记录"));
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("activity.problem-reported")
				&& entry.subjectId().equals(activity) && entry.payloadJson().contains("2026-11-23T01:30:00Z"));
		mvc.perform(get("/activities/" + activity).session(accounts.signedIn(mvc, agency, Role.UNIT_HEAD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("电池耗尽，无法继续记录")))
			.andExpect(content().string(containsString("立即向科室负责人报告")))
			.andExpect(content().string(containsString("《丰南区医疗保障局执法音像记录管理制度》第十一条")))
			.andExpect(content().string(containsString("name=\"reportedToId\"")));

		String neiqiuName = accounts.create("neiqiu-health", Role.OFFICER);
		String neiqiu = accounts.bearer(mvc, neiqiuName);
		String elsewhere = JsonPath.read(post(neiqiu, "/api/v1/activities", ActivityIntegrationTests.activity(
				"on-site-inspection", accounts.idOf(neiqiuName).toString(), null, "2026-11-23T01:00:00Z",
				"2026-11-23T02:00:00Z")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		post(neiqiu, "/api/v1/activities/" + elsewhere + "/problem-reports", report(head, "2026-11-23T01:30:00Z"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("未规定")));
	}

	private static String report(String to, String at) {
		return "{\"reportedToId\":\"%s\",\"reportedAt\":\"%s\",\"note\":\"电池耗尽，无法继续记录\"}".formatted(to, at);
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
