package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Cases and activities over REST: entry, validation with the rule, CSV plans, tenant isolation, ledger entries. */
@CustodiaIntegrationTest
class ActivityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Ledger ledger;

	@Test
	void anOfficerEntersACaseAndAnActivityWithItsComplianceStateAndLedgerEntries() throws Exception {
		String officerName = accounts.create("neiqiu-health", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String officerId = accounts.idOf(officerName).toString();
		String caseId = JsonPath.read(post(officer, "/api/v1/cases", "{\"number\":\"内卫执罚〔2026〕" + suffix() + "号\",\"name\":\"某诊所无证行医案\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andReturn().getResponse().getContentAsString(), "$.id");

		String body = post(officer, "/api/v1/activities", activity("on-site-inspection", officerId, caseId,
				"2026-11-20T01:00:00Z", "2026-11-20T02:30:00Z"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.type").value("on-site-inspection"))
			.andExpect(jsonPath("$.source").value("MANUAL"))
			.andExpect(jsonPath("$.officers[0]").value(officerId))
			.andExpect(jsonPath("$.unitId").exists())
			.andExpect(jsonPath("$.compliance.requirement").value("MUST"))
			.andExpect(jsonPath("$.compliance.state").value("MISSING"))
			.andExpect(jsonPath("$.compliance.cite").value("000 art. 5"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");

		mvc.perform(get("/api/v1/activities/" + id).header("Authorization", officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseId").value(caseId))
			.andExpect(jsonPath("$.place").value("某诊所"));
		mvc.perform(get("/api/v1/activities").param("from", "2026-11-20").param("to", "2026-11-20")
			.param("state", "MISSING").header("Authorization", officer))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(1)));
		mvc.perform(get("/api/v1/activities").param("from", "2026-11-21").header("Authorization", officer))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]", hasSize(0)));
		mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", officer))
			.andExpect(jsonPath("$.name").value("某诊所无证行医案"));
		post(officer, "/api/v1/cases/" + caseId + "/close", "{}").andExpect(jsonPath("$.status").value("CLOSED"));
		post(officer, "/api/v1/cases/" + caseId + "/close", "{}").andExpect(status().isConflict());
		String stranger = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER));
		mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", stranger)).andExpect(status().isNotFound());
		assertThat(ledger.entries(0, 100_000))
			.filteredOn(entry -> entry.subjectId().equals(id) || entry.subjectId().equals(caseId))
			.extracting(entry -> entry.action())
			.containsExactly("case.opened", "activity.created", "case.closed");
	}

	@Test
	void anActivityEndingBeforeItStartsIsRefusedWithTheCoverageRule() throws Exception {
		String officerName = accounts.create("fengnan-medins", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		post(officer, "/api/v1/activities", activity("routine-inspection", accounts.idOf(officerName).toString(), null,
				"2026-11-20T03:00:00Z", "2026-11-20T02:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rule").value("002 art. 9; 002 art. 11"))
			.andExpect(jsonPath("$.field").value("endedAt"))
			.andExpect(jsonPath("$.detail").value(containsString("结束时间早于开始时间")));
		post(officer, "/api/v1/activities", activity("ice-skating", accounts.idOf(officerName).toString(), null,
				"2026-11-20T01:00:00Z", "2026-11-20T02:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("ice-skating")));
		post(officer, "/api/v1/activities", activity("routine-inspection", UUID.randomUUID().toString(), null,
				"2026-11-20T01:00:00Z", "2026-11-20T02:00:00Z"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void anotherAgencysActivityIsNotFoundAndTheAdministratorIsRefused() throws Exception {
		String officerName = accounts.create("zhanhe-health", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String id = JsonPath.read(post(officer, "/api/v1/activities", activity("on-site-enforcement",
				accounts.idOf(officerName).toString(), null, "2026-11-19T01:00:00Z", "2026-11-19T02:00:00Z"))
			.andReturn().getResponse().getContentAsString(), "$.id");

		String stranger = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.UNIT_HEAD));
		mvc.perform(get("/api/v1/activities/" + id).header("Authorization", stranger)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/activities/" + id + "/recordings").header("Authorization", stranger))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/activities").param("agency", "zhanhe-health").header("Authorization", stranger))
			.andExpect(status().isNotFound());

		String administrator = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.ADMINISTRATOR));
		mvc.perform(get("/api/v1/activities/" + id).header("Authorization", administrator))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		String supervisor = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.SUPERVISOR));
		mvc.perform(get("/api/v1/activities/" + id).header("Authorization", supervisor)).andExpect(status().isOk());
		post(supervisor, "/api/v1/activities", activity("on-site-enforcement", accounts.idOf(officerName).toString(), null,
				"2026-11-19T01:00:00Z", "2026-11-19T02:00:00Z"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("CMP-1")));
	}

	@Test
	void importsAnInspectionPlanAndReportsTheLinesItRefuses() throws Exception {
		String first = accounts.create("pingdingshan-culture", Role.OFFICER);
		String second = accounts.create("pingdingshan-culture", Role.OFFICER);
		String custodian = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.CUSTODIAN));
		String number = "平文执〔2026〕" + suffix();
		post(custodian, "/api/v1/cases", "{\"number\":\"" + number + "\",\"name\":\"某网吧接纳未成年人案\"}")
			.andExpect(status().isCreated());
		String csv = """
				type,place,start,end,officers,parties,case
				list-row-3,某网吧,2026-11-24 09:00,2026-11-24 10:30,%1$s;%2$s,某网吧经营者,%3$s
				现场执法,"某歌舞厅, 二楼",2026-11-24 14:00,2026-11-24 15:00,%1$s,,
				list-row-3,某书店,2026-11-24 16:00,2026-11-24 15:00,%1$s,,
				list-row-3,某剧院,2026-11-25 09:00,2026-11-25 10:00,nobody,,
				""".formatted(first, second, number);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/activities/import")
			.header("Authorization", custodian).contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created", hasSize(2)))
			.andExpect(jsonPath("$.created[0].source").value("PLAN"))
			.andExpect(jsonPath("$.created[0].officers", hasSize(2)))
			.andExpect(jsonPath("$.created[0].startedAt").value("2026-11-24T01:00:00Z"))
			.andExpect(jsonPath("$.created[0].caseId").exists())
			.andExpect(jsonPath("$.created[1].type").value("on-site-enforcement"))
			.andExpect(jsonPath("$.created[1].place").value("某歌舞厅, 二楼"))
			.andExpect(jsonPath("$.refused", hasSize(2)))
			.andExpect(jsonPath("$.refused[0]").value("4: rule.activity-ends-before-start"))
			.andExpect(jsonPath("$.refused[1]").value("5: error.activity-officer-unknown"));
		mvc.perform(get("/api/v1/activities/types").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.code == 'list-row-3')].cite").value(org.hamcrest.Matchers.contains("001-list row 3")));
		mvc.perform(get("/v3/api-docs").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/activities/{id}/work-records']").exists())
			.andExpect(jsonPath("$.paths['/api/v1/compliance']").exists());
	}

	static String activity(String type, String officerId, String caseId, String start, String end) {
		return """
				{"type":"%s","place":"某诊所","startedAt":"%s","endedAt":"%s","officers":["%s"],"parties":"张某"%s}"""
			.formatted(type, start, end, officerId, caseId == null ? "" : ",\"caseId\":\"" + caseId + "\"");
	}

	static String suffix() {
		return Long.toString(System.nanoTime() % 1_000_000);
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
