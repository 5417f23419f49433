package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Secrecy marks (ACC-9): once approved, a marked recording is visible only to the people the mark names; the
 * others do not see that it exists in the register's list, by its id, or in the access register; it is never used
 * in public; a mark is proposed, approved and lifted by different people, each step in the ledger.
 */
@CustodiaIntegrationTest
class SecrecyIntegrationTests {

	static final String AGENCY = "neiqiu-health";

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
	void aMarkedRecordingIsInvisibleToThoseItDoesNotNameUntilTheMarkIsLifted() throws Exception {
		String namedName = accounts.create(AGENCY, Role.OFFICER);
		String named = accounts.bearer(mvc, namedName);
		String other = accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER));
		String custodianName = accounts.create(AGENCY, Role.CUSTODIAN);
		String custodian = accounts.bearer(mvc, custodianName);
		String chief = accounts.bearer(mvc, accounts.create(AGENCY, Role.CHIEF));
		UUID recording = imported(accounts.idOf(namedName));
		Approvals.toWatch(mvc, accounts, AGENCY, named, recording);
		mvc.perform(get("/api/v1/recordings/" + recording + "/content").header("Authorization", named)
			.header("Range", "bytes=0-9")).andExpect(status().isPartialContent());

		String mark = JsonPath.read(json(post("/api/v1/secrecy-marks"), custodian, """
				{"recordingId":"%s","kind":"personal-privacy","named":["%s"],"reason":"涉及未成年人个人隐私"}"""
			.formatted(recording, accounts.idOf(namedName)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("PROPOSED"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		// proposed is not yet in force
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", other)).andExpect(status().isOk());
		json(post("/api/v1/secrecy-marks/" + mark + "/decision"), custodian, "{\"approved\":true}")
			.andExpect(status().isForbidden());
		json(post("/api/v1/secrecy-marks/" + mark + "/decision"), chief, "{\"approved\":true}")
			.andExpect(jsonPath("$.state").value("ACTIVE"));

		for (String unnamed : List.of(other, chief, custodian)) {
			mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", unnamed))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/recordings?limit=1000").header("Authorization", unnamed))
				.andExpect(jsonPath("$.items[*].id", not(hasItem(recording.toString()))));
			mvc.perform(get("/api/v1/access-register").header("Authorization", unnamed))
				.andExpect(jsonPath("$[*].recordingId", not(hasItem(recording.toString()))));
			mvc.perform(get("/api/v1/recordings/" + recording + "/content").header("Authorization", unnamed))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get("/api/v1/recordings?limit=1000").header("Authorization", named))
			.andExpect(jsonPath("$.items[*].id", hasItem(recording.toString())));
		mvc.perform(get("/api/v1/access-register?recording=" + recording).header("Authorization", named))
			.andExpect(jsonPath("$[0].recordingId").value(recording.toString()));
		json(post("/api/v1/access-requests"), named, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"宣传","actions":["PUBLIC_USE"]}"""
			.formatted(recording))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("000 art. 19"));
		json(post("/api/v1/access-requests"), other, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"查看","actions":["WATCH"]}"""
			.formatted(recording))
			.andExpect(status().isNotFound());

		json(post("/api/v1/secrecy-marks/" + mark + "/removal"), other, "{\"reason\":\"已无保密必要\"}")
			.andExpect(status().isNotFound());
		json(post("/api/v1/secrecy-marks/" + mark + "/removal"), named, "{\"reason\":\"已无保密必要\"}")
			.andExpect(jsonPath("$.state").value("REMOVAL_PROPOSED"));
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", other)).andExpect(status().isNotFound());
		json(post("/api/v1/secrecy-marks/" + mark + "/decision"), chief, "{\"approved\":true,\"note\":\"同意解除\"}")
			.andExpect(jsonPath("$.state").value("LIFTED"));
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", other)).andExpect(status().isOk());

		assertThat(ledger.about(AGENCY, List.of(mark), 10)).extracting(LedgerEntry::action).containsExactly(
				"access.secrecy-proposed", "access.secrecy-decided", "access.secrecy-removal-asked", "access.secrecy-decided");
	}

	@Test
	void aMarkNamesPeopleOfTheAgencyGivesItsReasonAndIsDecidedByAnotherThanItsProposer() throws Exception {
		String chiefName = accounts.create(AGENCY, Role.CHIEF);
		String chief = accounts.bearer(mvc, chiefName);
		UUID recording = imported(accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		json(post("/api/v1/secrecy-marks"), chief, """
				{"recordingId":"%s","kind":"state-secret","named":["%s"]}""".formatted(recording, accounts.idOf(chiefName)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("理由")));
		json(post("/api/v1/secrecy-marks"), chief, """
				{"recordingId":"%s","kind":"top-secret","named":["%s"],"reason":"x"}""".formatted(recording, accounts.idOf(chiefName)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("国家秘密")));
		json(post("/api/v1/secrecy-marks"), chief, """
				{"recordingId":"%s","kind":"trade-secret","named":["%s"],"reason":"x"}"""
			.formatted(recording, accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER))))
			.andExpect(status().isBadRequest());
		String mark = JsonPath.read(json(post("/api/v1/secrecy-marks"), chief, """
				{"recordingId":"%s","kind":"trade-secret","named":["%s"],"reason":"涉及企业配方"}"""
			.formatted(recording, accounts.idOf(chiefName)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		json(post("/api/v1/secrecy-marks/" + mark + "/decision"), chief, "{\"approved\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("000 art. 19"));
		json(post("/api/v1/secrecy-marks/" + mark + "/decision"), accounts.bearer(mvc, accounts.create(AGENCY, Role.CHIEF)),
				"{\"approved\":false,\"note\":\"不属于商业秘密\"}")
			.andExpect(jsonPath("$.state").value("REFUSED"));
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization",
				accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER)))).andExpect(status().isOk());
	}

	@Test
	void aMarkOnACaseHidesEveryRecordingOfTheCase() throws Exception {
		String officerName = accounts.create(AGENCY, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID recording = imported(accounts.idOf(officerName));
		String caseId = JsonPath.read(json(post("/api/v1/cases"), officer, """
				{"number":"内卫罚〔2026〕%s号","name":"某企业案"}""".formatted(UUID.randomUUID().toString().substring(0, 6)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String type = JsonPath.read(mvc.perform(get("/api/v1/activities/types").header("Authorization", officer))
			.andReturn().getResponse().getContentAsString(), "$[0].code");
		json(post("/api/v1/activities/from-recording"), officer, """
				{"recordingId":"%s","type":"%s","place":"某企业","caseId":"%s"}""".formatted(recording, type, caseId))
			.andExpect(status().isCreated());
		String mark = JsonPath.read(json(post("/api/v1/secrecy-marks"), officer, """
				{"caseId":"%s","kind":"trade-secret","named":["%s"],"reason":"涉及企业生产工艺"}"""
			.formatted(caseId, accounts.idOf(officerName)))
			.andExpect(jsonPath("$.subjectType").value("CASE")).andReturn().getResponse().getContentAsString(), "$.id");
		json(post("/api/v1/secrecy-marks/" + mark + "/decision"), accounts.bearer(mvc, accounts.create(AGENCY, Role.CHIEF)),
				"{\"approved\":true}")
			.andExpect(jsonPath("$.state").value("ACTIVE"));
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization",
				accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER)))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", officer)).andExpect(status().isOk());
		json(post("/api/v1/secrecy-marks"), officer, """
				{"caseId":"%s","kind":"trade-secret","named":["%s"],"reason":"x"}"""
			.formatted(UUID.randomUUID(), accounts.idOf(officerName)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theMarksPageProposesFromTheRecordingAndTheApproverDecidesThere() throws Exception {
		org.springframework.mock.web.MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		UUID officerId = accounts.account(officer).userId();
		UUID recording = imported(officerId);
		mvc.perform(get("/recordings/" + recording).session(officer))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("/secrecy-marks?recording=" + recording)));
		mvc.perform(get("/secrecy-marks").param("recording", recording.toString()).session(officer))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("id=\"secrecy-form\"")));
		mvc.perform(post("/secrecy-marks").session(officer)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("recording", recording.toString()).param("kind", "personal-privacy")
			.param("named", officerId.toString()).param("reason", "涉及当事人隐私"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attributeExists("notice"));
		org.springframework.mock.web.MockHttpSession chief = accounts.signedIn(mvc, AGENCY, Role.CHIEF);
		String page = mvc.perform(get("/secrecy-marks").session(chief)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("secret.mp4", "个人隐私", "待审批", "涉及当事人隐私").doesNotContain("PERSONAL_PRIVACY");
		String mark = page.replaceAll("(?s).*action=\"/secrecy-marks/([0-9a-f-]{36})/decision\".*", "$1");
		mvc.perform(post("/secrecy-marks/" + mark + "/decision").session(chief)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("approved", "true"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/recordings/" + recording).session(chief)).andExpect(status().isNotFound());
		mvc.perform(get("/recordings/" + recording).session(officer)).andExpect(status().isOk());
	}

	private UUID imported(UUID officer) throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN));
		String device = "SM-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, device, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "secret.mp4");
		return imports.importFolder(custodian, AGENCY, device, officer, card.folder()).get(0).recordingId();
	}

	private ResultActions json(MockHttpServletRequestBuilder request, String bearer, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
