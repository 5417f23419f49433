package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.custodia.device.DeviceCustody;
import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Recordings matched to activities: suggested by time overlap and the officer or the device's holder,
 * confirmed by an officer, one activity per recording, never another agency's recording.
 */
@CustodiaIntegrationTest
class ActivityRecordingsIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	DeviceCustody custody;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	Ledger ledger;

	String officer;

	UUID officerId;

	UUID otherOfficerId;

	UUID issued;

	UUID inStore;

	@BeforeEach
	void officersAndDevices() {
		String name = accounts.create(AGENCY, Role.OFFICER);
		officerId = accounts.idOf(name);
		otherOfficerId = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		issued = ActivityFixtures.device(devices, AGENCY);
		inStore = ActivityFixtures.device(devices, AGENCY);
		custody.issue(TestActor.of("fixture-custodian-" + AGENCY, AGENCY, Role.CUSTODIAN), issued, officerId,
				new DeviceCustody.PreUseCheck(true, true, true), null);
		try {
			officer = accounts.bearer(mvc, name);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void suggestsByOverlapAndOfficerOrDeviceHolderAndTheOfficerConfirms() throws Exception {
		String activity = activity("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z", officerId);
		UUID byDevice = recording(issued, null, "2026-11-23T09:02:00Z", "2026-11-23T09:20:00Z");
		UUID byOfficer = recording(inStore, officerId, "2026-11-23T09:25:00Z", "2026-11-23T09:50:00Z");
		recording(inStore, otherOfficerId, "2026-11-23T09:30:00Z", "2026-11-23T09:40:00Z");
		recording(issued, null, "2026-11-23T14:00:00Z", "2026-11-23T14:30:00Z");

		mvc.perform(get("/api/v1/activities/" + activity + "/suggestions").header("Authorization", officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].recordingId").value(contains(byDevice.toString(), byOfficer.toString())))
			.andExpect(jsonPath("$[0].byDeviceHolder").value(true))
			.andExpect(jsonPath("$[0].byOfficer").value(false))
			.andExpect(jsonPath("$[1].byOfficer").value(true));

		confirm(officer, activity, byDevice).andExpect(status().isCreated()).andExpect(jsonPath("$.deviceId").value(issued.toString()));
		mvc.perform(get("/api/v1/activities/" + activity + "/recordings").header("Authorization", officer))
			.andExpect(jsonPath("$[*].recordingId").value(contains(byDevice.toString())));
		mvc.perform(get("/api/v1/activities/" + activity).header("Authorization", officer))
			.andExpect(jsonPath("$.compliance.state").value("RECORDED"))
			.andExpect(jsonPath("$.compliance.recordings").value(1));
		mvc.perform(get("/api/v1/activities/" + activity + "/suggestions").header("Authorization", officer))
			.andExpect(jsonPath("$[*].recordingId").value(contains(byOfficer.toString())));
		assertThat(ledger.entries(0, 100_000))
			.filteredOn(entry -> entry.subjectId().equals(activity))
			.extracting(entry -> entry.action())
			.containsExactly("activity.created", "activity.recording-confirmed");
	}

	@Test
	void aRecordingBelongsToOneActivityAndNeverToAnotherAgencys() throws Exception {
		String first = activity("2026-11-23T11:00:00Z", "2026-11-23T12:00:00Z", officerId);
		String second = activity("2026-11-23T11:30:00Z", "2026-11-23T12:30:00Z", officerId);
		UUID recording = recording(issued, officerId, "2026-11-23T11:35:00Z", "2026-11-23T11:50:00Z");
		confirm(officer, first, recording).andExpect(status().isCreated());
		confirm(officer, second, recording)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value(containsString("REC-2")))
			.andExpect(jsonPath("$.detail").value(containsString(first)));

		UUID foreignDevice = ActivityFixtures.device(devices, "neiqiu-health");
		UUID foreign = ActivityFixtures.recording(registers(), "neiqiu-health", foreignDevice, null,
				Instant.parse("2026-11-23T11:40:00Z"), Instant.parse("2026-11-23T11:45:00Z"), null);
		confirm(officer, second, foreign)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("tenant isolation")))
			.andExpect(jsonPath("$.detail").value(containsString("其他单位")));
		confirm(officer, second, UUID.randomUUID()).andExpect(status().isNotFound());
		UUID own = recording(issued, officerId, "2026-11-23T11:40:00Z", "2026-11-23T11:55:00Z");
		confirm(accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER)), second, own)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("CMP-1")));
		confirm(accounts.bearer(mvc, accounts.create(AGENCY, Role.UNIT_HEAD)), second, own).andExpect(status().isCreated());
		mvc.perform(get("/api/v1/activities/" + second + "/recordings").header("Authorization", officer))
			.andExpect(jsonPath("$[*].recordingId").value(contains(own.toString())));
	}

	@Test
	void createsAnActivityFromARecordingOfTheDevicesHolder() throws Exception {
		UUID recording = recording(issued, null, "2026-11-23T15:00:00Z", "2026-11-23T15:40:00Z");
		post(officer, "/api/v1/activities/from-recording",
				"{\"recordingId\":\"" + recording + "\",\"type\":\"document-service\",\"place\":\"某药店\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("RECORDING"))
			.andExpect(jsonPath("$.startedAt").value("2026-11-23T15:00:00Z"))
			.andExpect(jsonPath("$.endedAt").value("2026-11-23T15:40:00Z"))
			.andExpect(jsonPath("$.officers[0]").value(officerId.toString()))
			.andExpect(jsonPath("$.compliance.state").value("RECORDED"));
		post(officer, "/api/v1/activities/from-recording",
				"{\"recordingId\":\"" + recording + "\",\"type\":\"document-service\",\"place\":\"某药店\"}")
			.andExpect(status().isConflict());
	}

	private String activity(String start, String end, UUID officer) throws Exception {
		return JsonPath.read(post(this.officer, "/api/v1/activities", ActivityIntegrationTests.activity("routine-inspection",
				officer.toString(), null, start, end))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	private UUID recording(UUID device, UUID officer, String start, String end) {
		return ActivityFixtures.recording(registers(), AGENCY, device, officer, Instant.parse(start), Instant.parse(end), null);
	}

	private ResultActions confirm(String bearer, String activity, UUID recording) throws Exception {
		return post(bearer, "/api/v1/activities/" + activity + "/recordings", "{\"recordingId\":\"" + recording + "\"}");
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private ActivityFixtures.Registers registers() {
		return new ActivityFixtures.Registers(jdbc, ledger, transactions);
	}
}
