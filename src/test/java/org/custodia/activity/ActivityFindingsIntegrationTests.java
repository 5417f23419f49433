package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * What reviewers find on an activity's recordings: interruptions and their reasons (REC-4), whether the
 * start statement and notification were spoken (REC-5), and long-term marks with their trigger (RET-3).
 */
@CustodiaIntegrationTest
@RecordApplicationEvents
class ActivityFindingsIntegrationTests {

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
	LongTermMarks marks;

	@Autowired
	ApplicationEvents events;

	@Test
	void findsTheGapsBetweenRecordingsAndKeepsThemFlaggedUntilExplained() throws Exception {
		String agency = "fengnan-medins";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID officerId = accounts.idOf(officerName);
		String activity = activity(officer, "routine-inspection", officerId, "2026-11-16T01:00:00Z", "2026-11-16T03:00:00Z");
		UUID first = linked(officer, activity, agency, officerId, "2026-11-16T01:00:00Z", "2026-11-16T01:20:00Z");
		UUID second = linked(officer, activity, agency, officerId, "2026-11-16T01:20:30Z", "2026-11-16T01:40:00Z");
		UUID third = linked(officer, activity, agency, officerId, "2026-11-16T01:50:00Z", "2026-11-16T02:30:00Z");

		mvc.perform(get("/api/v1/activities/" + activity + "/interruptions").header("Authorization", officer))
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].afterRecordingId").value(second.toString()))
			.andExpect(jsonPath("$[0].beforeRecordingId").value(third.toString()))
			.andExpect(jsonPath("$[0].seconds").value(600))
			.andExpect(jsonPath("$[0].explained").value(false))
			.andExpect(jsonPath("$[0].cite").value("002 art. 11"));
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.interruptions").value(1))
			.andExpect(jsonPath("$.compliance.unexplainedInterruptions").value(1));

		String path = "/api/v1/activities/" + activity + "/interruptions";
		post(officer, path, explain(second, "holiday")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rule").value("002 art. 11"))
			.andExpect(jsonPath("$.detail").value(containsString("low-battery")));
		post(officer, path, explain(first, "low-battery")).andExpect(status().isNotFound());
		post(officer, path, explain(second, "low-battery")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.cite").value("002 art. 11"));
		post(officer, path, explain(second, "storage-full")).andExpect(status().isConflict());
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.unexplainedInterruptions").value(0));
		mvc.perform(get(path).header("Authorization", officer))
			.andExpect(jsonPath("$[0].reasonCode").value("low-battery"));
	}

	/**
	 * 000 art. 6 and 004 art. 5: "非因技术原因不得中止录制或断续录制" — a gap is explained by a technical reason or not at
	 * all; the reasons other regulations list (002 art. 11's change of place) do not apply there.
	 */
	@Test
	void onlyATechnicalReasonExplainsAGapWhereTheRegulationSaysSo() throws Exception {
		String agency = "neiqiu-health";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID officerId = accounts.idOf(officerName);
		String activity = activity(officer, "on-site-inspection", officerId, "2026-11-16T01:00:00Z", "2026-11-16T03:00:00Z");
		UUID first = linked(officer, activity, agency, officerId, "2026-11-16T01:00:00Z", "2026-11-16T01:20:00Z");
		linked(officer, activity, agency, officerId, "2026-11-16T02:00:00Z", "2026-11-16T02:30:00Z");
		for (String other : new String[] { "change-of-place", "bad-weather", "low-battery" }) {
			post(officer, "/api/v1/activities/" + activity + "/interruptions", explain(first, other))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.rule").value("000 art. 6"))
				.andExpect(jsonPath("$.detail").value(containsString("technical-reason")));
		}
		post(officer, "/api/v1/activities/" + activity + "/interruptions", explain(first, "technical-reason"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cite").value("000 art. 6"));
	}

	/** 001 art. 12 lists obstruction ("行政管理相对人或其他人员阻碍正常执法无法继续使用的") among the reasons to stop; change of place it does not. */
	@Test
	void pingdingshanTakesTheReasonsOfItsOwnArticle() throws Exception {
		String agency = "pingdingshan-culture";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID officerId = accounts.idOf(officerName);
		String activity = activity(officer, "on-site-enforcement", officerId, "2026-11-16T05:00:00Z", "2026-11-16T07:00:00Z");
		UUID first = linked(officer, activity, agency, officerId, "2026-11-16T05:00:00Z", "2026-11-16T05:20:00Z");
		linked(officer, activity, agency, officerId, "2026-11-16T06:00:00Z", "2026-11-16T06:30:00Z");
		post(officer, "/api/v1/activities/" + activity + "/interruptions", explain(first, "change-of-place"))
			.andExpect(status().isBadRequest());
		post(officer, "/api/v1/activities/" + activity + "/interruptions", explain(first, "obstruction"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cite").value("001 art. 12"));
	}

	@Test
	void aReviewerRecordsWhetherTheNotificationWasSpokenBesideTheAgencysSentence() throws Exception {
		String agency = "fengnan-medins";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID officerId = accounts.idOf(officerName);
		String activity = activity(officer, "complaint-handling", officerId, "2026-11-17T01:00:00Z", "2026-11-17T02:00:00Z");
		UUID recording = linked(officer, activity, agency, officerId, "2026-11-17T01:00:00Z", "2026-11-17T01:50:00Z");
		mvc.perform(get("/api/v1/activities/" + activity + "/statements").header("Authorization", officer))
			.andExpect(jsonPath("$.notificationRequired").value(true))
			.andExpect(jsonPath("$.sentence.zh").value(containsString("本次执法全程录音录像")))
			.andExpect(jsonPath("$.notificationCite").value("002 art. 8"))
			.andExpect(jsonPath("$.startRequired").value(false))
			.andExpect(jsonPath("$.automatic", hasSize(0)));
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.statementsMissing").value(true));

		String path = "/api/v1/activities/" + activity + "/statements";
		post(officer, path, "{\"recordingId\":\"" + recording + "\",\"notification\":true}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("000 art. 20")));
		String unitHead = accounts.bearer(mvc, accounts.create(agency, Role.UNIT_HEAD));
		post(unitHead, path, "{\"recordingId\":\"" + UUID.randomUUID() + "\",\"notification\":true}")
			.andExpect(status().isBadRequest());
		post(unitHead, path, "{\"recordingId\":\"" + recording + "\",\"notification\":false,\"note\":\"未告知\"}")
			.andExpect(status().isCreated());
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.statementsMissing").value(true));
		post(unitHead, path, "{\"recordingId\":\"" + recording + "\",\"notification\":true}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.method").value("manual"));
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.statementsMissing").value(false));
		mvc.perform(get(path).header("Authorization", officer)).andExpect(jsonPath("$.reviews", hasSize(2)));
	}

	@Test
	void marksAnActivityAndARecordingForLongTermKeepingWithTheTriggersArticle() throws Exception {
		String agency = "pingdingshan-culture";
		String officerName = accounts.create(agency, Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID officerId = accounts.idOf(officerName);
		String activity = activity(officer, "list-row-10", officerId, "2026-11-17T06:00:00Z", "2026-11-17T07:00:00Z");
		UUID recording = linked(officer, activity, agency, officerId, "2026-11-17T06:00:00Z", "2026-11-17T06:40:00Z");

		post(officer, "/api/v1/activities/" + activity + "/long-term", "{\"trigger\":\"bored\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.rule").value("001 art. 15"))
			.andExpect(jsonPath("$.detail").value(containsString("party-objects")));
		post(officer, "/api/v1/activities/" + activity + "/long-term", "{\"trigger\":\"obstruction\",\"note\":\"当事人阻碍检查\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cite").value("001 art. 16"))
			.andExpect(jsonPath("$.subjectType").value("activity"));
		post(officer, "/api/v1/recordings/" + recording + "/long-term", "{\"trigger\":\"party-objects\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.subjectType").value("recording"));

		mvc.perform(get("/api/v1/long-term-marks").header("Authorization", officer))
			.andExpect(jsonPath("$[?(@.subjectId == '" + activity + "')].trigger").value(org.hamcrest.Matchers.contains("obstruction")));
		assertThat(marks.forRecording(recording)).extracting(LongTermMark::trigger)
			.containsExactlyInAnyOrder("party-objects", "obstruction");
		assertThat(events.stream(LongTermMarked.class).filter(event -> event.mark().subjectId().toString().equals(activity)))
			.singleElement()
			.satisfies(event -> assertThat(event.recordings()).isEqualTo(List.of(recording)));

		String fengnan = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.OFFICER));
		UUID device = ActivityFixtures.device(devices, "fengnan-medins");
		UUID foreign = ActivityFixtures.recording(registers(), "fengnan-medins", device, null, Instant.parse("2026-11-17T06:00:00Z"), null, null);
		// 002 lists no cases for long-term keeping: RET-3's apply as the system's default, and say so
		post(fengnan, "/api/v1/recordings/" + foreign + "/long-term", "{\"trigger\":\"party-objects\"}")
			.andExpect(status().is2xxSuccessful())
			.andExpect(jsonPath("$.cite").value(containsString("custodia: RET-3 default")));
		post(fengnan, "/api/v1/recordings/" + foreign + "/long-term", "{\"trigger\":\"weather\"}")
			.andExpect(status().isBadRequest());
		post(officer, "/api/v1/recordings/" + foreign + "/long-term", "{\"trigger\":\"party-objects\"}")
			.andExpect(status().isNotFound());
	}

	private UUID linked(String bearer, String activity, String agency, UUID officer, String start, String end) throws Exception {
		UUID device = ActivityFixtures.device(devices, agency);
		UUID recording = ActivityFixtures.recording(registers(), agency, device, officer, Instant.parse(start), Instant.parse(end), null);
		post(bearer, "/api/v1/activities/" + activity + "/recordings", "{\"recordingId\":\"" + recording + "\"}")
			.andExpect(status().isCreated());
		return recording;
	}

	private static String explain(UUID after, String reason) {
		return "{\"afterRecordingId\":\"" + after + "\",\"reason\":\"" + reason + "\"}";
	}

	private String activity(String bearer, String type, UUID officerId, String start, String end) throws Exception {
		return JsonPath.read(post(bearer, "/api/v1/activities", ActivityIntegrationTests.activity(type, officerId.toString(),
				null, start, end))
			.andExpect(status().isCreated())
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
