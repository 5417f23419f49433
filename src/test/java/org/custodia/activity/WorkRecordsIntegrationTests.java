package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


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

/**
 * Work records (CMP-3): written by an officer of the activity with the reason, its basis and the on-site
 * leader, reviewed by the reviewer the policy names, filed by the custodian in the agency's copies.
 */
@CustodiaIntegrationTest
class WorkRecordsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Ledger ledger;

	@Autowired
	ActivityNotices notices;

	@Test
	void kaifengFilesAReviewedWorkRecordInTwoCopiesForCustodianAndAuditor() throws Exception {
		String agency = "kaifeng-audit";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String leader = accounts.idOf(accounts.create(agency, Role.UNIT_HEAD)).toString();
		String reviewerName = accounts.create(agency, Role.LEADER_IN_CHARGE);
		String reviewerId = accounts.idOf(reviewerName).toString();
		String activity = activity(officer, "seizure-or-detention", accounts.idOf(officerName).toString());
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.requirement").value("MAY"))
			.andExpect(jsonPath("$.compliance.state").value("MISSING"));

		String record = JsonPath.read(post(officer, "/api/v1/activities/" + activity + "/work-records",
				draft("secrets-or-privacy", "涉及被审计单位商业秘密", "", leader, reviewerId))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.basis").value("004 art. 6"))
			.andExpect(jsonPath("$.reviewerRole").value("leader-in-charge"))
			.andExpect(jsonPath("$.copies").value(2))
			.andReturn().getResponse().getContentAsString(), "$.id");
		String base = "/api/v1/activities/" + activity + "/work-records/" + record;
		assertThat(notices.noticesFor(new org.custodia.shared.TestActor(accounts.idOf(reviewerName), reviewerName,
				java.util.Optional.of(agency), java.util.Set.of(Role.LEADER_IN_CHARGE)),
				java.util.Locale.SIMPLIFIED_CHINESE)).extracting(org.custodia.shared.Notices.Notice::text).contains("有 1 份工作记录等待您审核。");
		String custodian = accounts.bearer(mvc, accounts.create(agency, Role.CUSTODIAN));
		post(custodian, base + "/file", "{}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("004 art. 6"))
			.andExpect(jsonPath("$.detail").value(containsString("待审核")));
		String otherLeader = accounts.bearer(mvc, accounts.create(agency, Role.LEADER_IN_CHARGE));
		post(otherLeader, base + "/review", "{\"approved\":true}").andExpect(status().isForbidden());

		post(accounts.bearer(mvc, reviewerName), base + "/review", "{\"approved\":true,\"note\":\"同意\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVIEWED"));
		post(officer, base + "/file", "{}").andExpect(status().isForbidden());
		assertThat(notices.noticesFor(org.custodia.shared.TestActor.of("a-custodian", agency, Role.CUSTODIAN),
				java.util.Locale.SIMPLIFIED_CHINESE)).extracting(org.custodia.shared.Notices.Notice::text).anyMatch(notice -> notice.contains("份已审核的工作记录等待备案"));
		post(custodian, base + "/file", "{}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FILED"))
			.andExpect(jsonPath("$.copyHolders").value(contains("执法记录仪管理员", "审计人员")));

		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.state").value("WORK_RECORD_FILED"))
			.andExpect(jsonPath("$.compliance.workRecord").value("FILED"));
		mvc.perform(get("/api/v1/activities/" + activity + "/work-records").header("Authorization", officer))
			.andExpect(jsonPath("$[0].filedBy").exists());
		assertThat(ledger.entries(0, 100_000))
			.filteredOn(entry -> entry.subjectId().equals(activity))
			.extracting(entry -> entry.action())
			.containsExactly("activity.created", "activity.work-record-written", "activity.work-record-reviewed",
					"activity.work-record-filed");
	}

	@Test
	void refusesAWorkRecordWithoutReasonLeaderOrTheRightReviewerCitingTheRule() throws Exception {
		String agency = "neiqiu-health";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String leader = accounts.idOf(accounts.create(agency, Role.OFFICER)).toString();
		String chief = accounts.idOf(accounts.create(agency, Role.CHIEF)).toString();
		String unitHead = accounts.idOf(accounts.create(agency, Role.UNIT_HEAD)).toString();
		String activity = activity(officer, "on-site-inspection", accounts.idOf(officerName).toString());
		String path = "/api/v1/activities/" + activity + "/work-records";

		post(officer, path, draft("force-majeure", "", "", leader, unitHead))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rule").value(containsString("CMP-3")))
			.andExpect(jsonPath("$.field").value("reason"));
		post(officer, path, draft("force-majeure", "暴雨", "", leader, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reviewerId"))
			.andExpect(jsonPath("$.detail").value(containsString("科室负责人")));
		post(officer, path, draft("force-majeure", "暴雨", "", null, unitHead))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("leaderId"));
		post(officer, path, draft("holiday", "放假", "", leader, unitHead))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("force-majeure")));
		post(officer, path, draft("force-majeure", "暴雨", "", leader, chief))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("科室负责人")));
		String colleague = accounts.bearer(mvc, accounts.create(agency, Role.OFFICER));
		post(colleague, path, draft("force-majeure", "暴雨", "", leader, unitHead))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").exists());

		post(officer, path, draft("force-majeure", "暴雨导致设备无法使用", "000 art. 8", leader, unitHead))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.basis").value("000 art. 8"));
		post(officer, path, draft("force-majeure", "暴雨", "", leader, unitHead))
			.andExpect(status().isConflict());

		String unlisted = activity(officer, "unlisted", accounts.idOf(officerName).toString());
		post(officer, "/api/v1/activities/" + unlisted + "/work-records", draft("force-majeure", "暴雨", "", leader, unitHead))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value(containsString("CMP-2")));
		mvc.perform(get("/api/v1/activities/" + unlisted).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.requirement").value("NONE"))
			.andExpect(jsonPath("$.compliance.state").doesNotExist());
	}

	/**
	 * 000 art. 8: "经现场负责人或办案部门领导同意，可以不予同步录音录像" — the head of the case-handling department may consent as
	 * well as the on-site leader, in that capacity only if he holds it; 002 art. 7 names nobody who consents.
	 */
	@Test
	void whoMayConsentToNotRecordingIsWhomTheRegulationNames() throws Exception {
		String agency = "neiqiu-health";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		String head = accounts.idOf(accounts.create(agency, Role.UNIT_HEAD)).toString();
		String colleague = accounts.idOf(accounts.create(agency, Role.OFFICER)).toString();
		String path = "/api/v1/activities/" + activity(officer, "on-site-inspection", accounts.idOf(officerName).toString())
				+ "/work-records";
		post(officer, path, consented("unit-head", colleague, head))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("leaderId"))
			.andExpect(jsonPath("$.detail").value(containsString("不是科室负责人")));
		post(officer, path, consented("chief", head, head))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("consentBy"))
			.andExpect(jsonPath("$.detail").value(containsString("现场负责人或科室负责人")));
		post(officer, path, consented("unit-head", head, head))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.consentBy").value("unit-head"))
			.andExpect(jsonPath("$.leaderId").value(head));

		String fengnan = "fengnan-medins";
		String fengnanOfficerName = accounts.create(fengnan, Role.OFFICER);
		String fengnanOfficer = accounts.bearer(mvc, fengnanOfficerName);
		String leaderInCharge = accounts.idOf(accounts.create(fengnan, Role.LEADER_IN_CHARGE)).toString();
		String fengnanPath = "/api/v1/activities/" + activity(fengnanOfficer, "routine-inspection",
				accounts.idOf(fengnanOfficerName).toString()) + "/work-records";
		post(fengnanOfficer, fengnanPath, """
				{"reasonCode":"emergency","reason":"情况紧急","consentBy":"on-site-leader","leaderId":"%s","reviewerId":"%s"}"""
			.formatted(leaderInCharge, leaderInCharge))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("consentBy"));
		post(fengnanOfficer, fengnanPath, draft("emergency", "情况紧急", "", null, leaderInCharge))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.consentBy").doesNotExist())
			.andExpect(jsonPath("$.leaderId").doesNotExist());
	}

	private static String consented(String capacity, String leader, String reviewer) {
		return """
				{"reasonCode":"force-majeure","reason":"暴雨","consentBy":"%s","leaderId":"%s","reviewerId":"%s"}"""
			.formatted(capacity, leader, reviewer);
	}

	static String draft(String reason, String text, String basis, String leader, String reviewer) {
		return """
				{"reasonCode":"%s","reason":"%s","basis":"%s","leaderId":%s,"reviewerId":%s}""".formatted(reason, text, basis,
				leader == null ? "null" : "\"" + leader + "\"", reviewer == null ? "null" : "\"" + reviewer + "\"");
	}

	private String activity(String bearer, String type, String officerId) throws Exception {
		return JsonPath.read(post(bearer, "/api/v1/activities", ActivityIntegrationTests.activity(type, officerId, null,
				"2026-11-18T01:00:00Z", "2026-11-18T02:00:00Z"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
