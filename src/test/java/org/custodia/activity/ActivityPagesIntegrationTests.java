package org.custodia.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One Kaifeng audit activity worked through its page as the officer, the leader in charge and the
 * custodian would: confirm recordings, explain a gap, write, approve and file a work record in two
 * copies; the page in Chinese and in English.
 */
@CustodiaIntegrationTest
class ActivityPagesIntegrationTests {

	static final String AGENCY = "kaifeng-audit";

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

	@Test
	void anActivityIsWorkedThroughItsPage() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		UUID officerId = accounts.account(officer).userId();
		MockHttpSession reviewer = accounts.signedIn(mvc, AGENCY, Role.LEADER_IN_CHARGE);
		MockHttpSession custodian = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);

		String location = form(officer, "/activities", "type", "remote-evidence-collection", "place", "审计现场",
				"start", "2026-11-12T09:00", "end", "2026-11-12T11:00", "officers", officerId.toString(), "parties", "某公司")
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String page = location;
		UUID device = ActivityFixtures.device(devices, AGENCY);
		UUID first = ActivityFixtures.recording(registers(), AGENCY, device, officerId, Instant.parse("2026-11-12T01:00:00Z"),
				Instant.parse("2026-11-12T01:30:00Z"), null);
		UUID second = ActivityFixtures.recording(registers(), AGENCY, device, officerId, Instant.parse("2026-11-12T02:00:00Z"),
				Instant.parse("2026-11-12T02:40:00Z"), null);
		mvc.perform(get(page).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(first.toString())))
			// the activity's officers by name, not by id
			.andExpect(content().string(containsString("<span>测试用户</span>")))
			.andExpect(content().string(containsString("确认归入")))
			.andExpect(content().string(containsString("可以录音录像")))
			// 004 lists no cases for long-term keeping: RET-3's are offered as the system's default, cited so
			.andExpect(content().string(containsString("重大、复杂、敏感案件的")));
		form(officer, page + "/recordings", "recordingId", first.toString()).andExpect(flash().attribute("notice", "已保存。"));
		form(officer, page + "/recordings", "recordingId", second.toString()).andExpect(flash().attribute("notice", "已保存。"));
		form(officer, page + "/interruptions", "afterRecordingId", first.toString(), "reason", "technical-reason", "note", "设备过热")
			.andExpect(flash().attribute("notice", "已保存。"));
		form(officer, page + "/interruptions", "afterRecordingId", first.toString(), "reason", "technical-reason")
			.andExpect(flash().attribute("error", containsString("已说明原因")));

		form(officer, page + "/work-records", "reasonCode", "secrets-or-privacy", "reason", "", "leaderId",
				officerId.toString(), "reviewerId", accounts.account(reviewer).userId().toString())
			.andExpect(flash().attribute("errorCite", "《开封市审计局执法记录仪使用管理规定》第六条"));
		form(officer, page + "/work-records", "reasonCode", "secrets-or-privacy", "reason", "取证涉及商业秘密", "basis", "",
				"leaderId", officerId.toString(), "reviewerId", accounts.account(reviewer).userId().toString())
			.andExpect(flash().attribute("notice", "已保存。"));
		String record = mvc.perform(get("/api/v1/activities/" + page.substring(page.lastIndexOf('/') + 1) + "/work-records")
			.header("Authorization", accounts.bearer(mvc, accounts.create(AGENCY, Role.UNIT_HEAD))))
			.andExpect(jsonPath("$[0].status").value("SUBMITTED"))
			.andReturn().getResponse().getContentAsString();
		String recordId = com.jayway.jsonpath.JsonPath.read(record, "$[0].id");
		mvc.perform(get(page).session(reviewer)).andExpect(content().string(containsString("审核通过")));
		form(officer, page + "/work-records/" + recordId + "/approve").andExpect(flash().attribute("error", containsString("审核")));
		form(reviewer, page + "/work-records/" + recordId + "/approve", "note", "同意").andExpect(flash().attribute("notice", "已保存。"));
		form(custodian, page + "/work-records/" + recordId + "/file").andExpect(flash().attribute("notice", "已保存。"));

		mvc.perform(get(page).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已备案")))
			.andExpect(content().string(containsString("执法记录仪管理员、审计人员")))
			.andExpect(content().string(containsString("技术原因：设备过热")))
			.andExpect(content().string(not(containsString("确认归入</button>"))));
		form(officer, "/account/locale", "locale", "en", "back", page);
		mvc.perform(get(page).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Work records")))
			.andExpect(content().string(containsString("Recorded")));
		mvc.perform(get("/compliance").param("from", "2026-11-12").param("to", "2026-11-12").session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Compliance board")));
	}

	private ResultActions form(MockHttpSession session, String path, String... fields) throws Exception {
		var request = post(path).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request = request.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(request);
	}

	private ActivityFixtures.Registers registers() {
		return new ActivityFixtures.Registers(jdbc, ledger, transactions);
	}
}
