package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;

/**
 * The handlers of a case (案件承办人): assigned when the case is opened and replaced later, each change a
 * ledger entry, only users of the case's agency; and what other modules ask of them through {@link CaseHandlers}.
 */
@CustodiaIntegrationTest
class CaseHandlersIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Ledger ledger;

	@Autowired
	CaseHandlers caseHandlers;

	@Autowired
	DeviceRegister devices;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void assignsHandlersWhenTheCaseIsOpenedAndReplacesThemWithALedgerEntryEach() throws Exception {
		String officer = accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER));
		UUID first = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		String secondName = accounts.create(AGENCY, Role.OFFICER);
		UUID second = accounts.idOf(secondName);
		String thirdName = accounts.create(AGENCY, Role.UNIT_HEAD);
		UUID third = accounts.idOf(thirdName);

		String caseId = openCase(officer, first, second)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.handlers").value(containsInAnyOrder(first.toString(), second.toString())))
			.andReturn().getResponse().getContentAsString().transform(body -> JsonPath.read(body, "$.id"));
		mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", officer))
			.andExpect(jsonPath("$.handlers").value(containsInAnyOrder(first.toString(), second.toString())));

		perform(officer, MockMvcRequestBuilders.put("/api/v1/cases/" + caseId + "/handlers"),
				"{\"handlers\":[\"" + second + "\",\"" + third + "\"],\"reason\":\"原承办人调岗\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handlers").value(containsInAnyOrder(second.toString(), third.toString())));
		mvc.perform(get("/api/v1/cases/" + caseId).header("Authorization", officer))
			.andExpect(jsonPath("$.handlers").value(containsInAnyOrder(second.toString(), third.toString())))
			.andExpect(jsonPath("$.name").value("某娱乐场所违规经营案"));
		mvc.perform(get("/api/v1/cases").header("Authorization", officer))
			.andExpect(jsonPath("$[?(@.id == '" + caseId + "')].handlers[*]").value(containsInAnyOrder(second.toString(), third.toString())));
		assertThat(caseHandlers.handlersOf(UUID.fromString(caseId))).containsExactlyInAnyOrder(second, third);

		List<LedgerEntry> entries = ledger.entries(0, 100_000).stream().filter(entry -> entry.subjectId().equals(caseId)).toList();
		assertThat(entries).extracting(LedgerEntry::action)
			.containsExactly("case.opened", "case.handlers-assigned", "case.handlers-assigned");
		assertThat(entries.get(1).payload()).containsEntry("handlers", List.of(first.toString(), second.toString()))
			.doesNotContainKey("reason");
		assertThat(entries.get(2).payload()).containsEntry("handlers", List.of(second.toString(), third.toString()))
			.containsEntry("handlerUsernames", List.of(secondName, thirdName))
			.containsEntry("reason", "原承办人调岗")
			.containsEntry("number", caseHandlers.caseNumber(UUID.fromString(caseId)).orElseThrow());

		perform(officer, MockMvcRequestBuilders.put("/api/v1/cases/" + caseId + "/handlers"), "{\"handlers\":[]}")
			.andExpect(status().isBadRequest());
		perform(officer, MockMvcRequestBuilders.put("/api/v1/cases/" + caseId + "/handlers"),
				"{\"handlers\":[],\"reason\":\"案件移送\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handlers").value(empty()));
		assertThat(caseHandlers.handlersOf(UUID.fromString(caseId))).isEmpty();
	}

	@Test
	void refusesAHandlerOfAnotherAgencyOrTheAdministrator() throws Exception {
		String officer = accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER));
		UUID stranger = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER));
		UUID administrator = accounts.idOf(accounts.create(AGENCY, Role.ADMINISTRATOR));
		UUID own = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));

		openCase(officer, own, stranger)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("不是本单位的工作人员")))
			.andExpect(jsonPath("$.detail").value(containsString(stranger.toString())));
		String caseId = openCase(officer, own).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().transform(body -> JsonPath.read(body, "$.id"));
		for (UUID refused : List.of(stranger, administrator, UUID.randomUUID())) {
			perform(officer, MockMvcRequestBuilders.put("/api/v1/cases/" + caseId + "/handlers"),
					"{\"handlers\":[\"" + refused + "\"],\"reason\":\"调整\"}")
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(containsString("案件承办人")));
		}
		assertThat(caseHandlers.handlersOf(UUID.fromString(caseId))).containsExactly(own);

		String foreign = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER));
		perform(foreign, MockMvcRequestBuilders.put("/api/v1/cases/" + caseId + "/handlers"),
				"{\"handlers\":[\"" + stranger + "\"],\"reason\":\"调整\"}")
			.andExpect(status().isNotFound());
	}

	@Test
	void aHandlerHandlesTheConfirmedRecordingsOfHisCasesActivitiesOnly() throws Exception {
		String officerName = accounts.create(AGENCY, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID officerId = accounts.idOf(officerName);
		UUID handler = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		UUID caseId = UUID.fromString(openCase(officer, handler).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().transform(body -> JsonPath.read(body, "$.id")));
		String activityId = JsonPath.read(perform(officer, MockMvcRequestBuilders.post("/api/v1/activities"),
				ActivityIntegrationTests.activity("routine-inspection", officerId.toString(), caseId.toString(),
						"2026-11-22T01:00:00Z", "2026-11-22T03:00:00Z"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
		UUID device = ActivityFixtures.device(devices, AGENCY);
		UUID confirmed = recording(device, officerId, "2026-11-22T01:05:00Z", "2026-11-22T01:40:00Z");
		UUID later = recording(device, officerId, "2026-11-22T01:45:00Z", "2026-11-22T02:10:00Z");
		UUID unconfirmed = recording(device, officerId, "2026-11-22T02:20:00Z", "2026-11-22T02:50:00Z");
		for (UUID recording : List.of(later, confirmed)) {
			perform(officer, MockMvcRequestBuilders.post("/api/v1/activities/" + activityId + "/recordings"),
					"{\"recordingId\":\"" + recording + "\"}")
				.andExpect(status().isCreated());
		}

		assertThat(caseHandlers.handles(handler, confirmed)).isTrue();
		assertThat(caseHandlers.handles(handler, later)).isTrue();
		assertThat(caseHandlers.handles(handler, unconfirmed)).isFalse();
		assertThat(caseHandlers.handles(officerId, confirmed)).isFalse();
		assertThat(caseHandlers.handles(handler, UUID.randomUUID())).isFalse();
		assertThat(caseHandlers.caseOf(confirmed)).contains(caseId);
		assertThat(caseHandlers.caseOf(unconfirmed)).isEmpty();
		assertThat(caseHandlers.handlersOf(caseId)).containsExactly(handler);
		assertThat(caseHandlers.recordingsOfCase(AGENCY, caseId)).containsExactly(confirmed, later);
		assertThat(caseHandlers.recordingsOfCase("kaifeng-audit", caseId)).isEmpty();
		assertThat(caseHandlers.recordingsOfActivity(AGENCY, UUID.fromString(activityId))).containsExactly(confirmed, later);
		assertThat(caseHandlers.recordingsOfActivity("kaifeng-audit", UUID.fromString(activityId))).isEmpty();
		assertThat(caseHandlers.caseNumber(caseId)).hasValueSatisfying(number -> assertThat(number).startsWith("平文执〔2026〕"));
		assertThat(caseHandlers.caseNumber(UUID.randomUUID())).isEmpty();

		mvc.perform(get("/activities/" + activityId).session(accounts.signedIn(mvc, AGENCY, Role.OFFICER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("案件承办人")))
			.andExpect(content().string(containsString(users.findByIdForSystem(handler).orElseThrow().displayName())));

		perform(officer, MockMvcRequestBuilders.put("/api/v1/cases/" + caseId + "/handlers"),
				"{\"handlers\":[\"" + officerId + "\"],\"reason\":\"更换承办人\"}")
			.andExpect(status().isOk());
		assertThat(caseHandlers.handles(handler, confirmed)).isFalse();
		assertThat(caseHandlers.handles(officerId, confirmed)).isTrue();
	}

	private ResultActions openCase(String bearer, UUID... handlers) throws Exception {
		String ids = String.join(",", java.util.Arrays.stream(handlers).map(id -> "\"" + id + "\"").toList());
		return perform(bearer, MockMvcRequestBuilders.post("/api/v1/cases"), "{\"number\":\"平文执〔2026〕" + ActivityIntegrationTests.suffix()
				+ "号\",\"name\":\"某娱乐场所违规经营案\",\"handlers\":[" + ids + "]}");
	}

	private UUID recording(UUID device, UUID officer, String start, String end) {
		return ActivityFixtures.recording(new ActivityFixtures.Registers(jdbc, ledger, transactions), AGENCY, device, officer,
				Instant.parse(start), Instant.parse(end), null);
	}

	private ResultActions perform(String bearer, MockHttpServletRequestBuilder request, String json) throws Exception {
		return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
