package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.custodia.device.Device;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The recordings register: times read from the device's file names, the device clock checked, late
 * imports explained, one recording in full, and the list paged without gaps or repeats.
 */
@CustodiaIntegrationTest
class RecordingRegisterIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Autowired
	Ledger ledger;

	@Test
	void fileNamesGiveTimesAndMarksTheClockIsCheckedAndLatenessExplained() throws Exception {
		var session = accounts.signedIn(mvc, "zhanhe-health", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "ZH-" + System.nanoTime() % 100000;
		Device device = register.register(custodian, new NewDevice("zhanhe-health", number, DeviceKind.BODY_CAMERA, "海康威视",
				"DS-MH2311", null, null, null, null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		// test clock: 2026-11-23T08:00Z = 16:00 in Shanghai
		bytes(folder.resolve("00001_20261123090000_0001_IMP.MP4"), 1);
		bytes(folder.resolve("00001_20261120090000_0002.MP4"), 2);
		bytes(folder.resolve("00001_20261125090000_0003.MP4"), 3);

		List<Map<String, Object>> outcomes = JsonPath.read(mvc.perform(post("/api/v1/recordings/import")
			.header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(folder, number)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$");
		String important = id(outcomes, "00001_20261123090000_0001_IMP.MP4");
		String late = id(outcomes, "00001_20261120090000_0002.MP4");
		String future = id(outcomes, "00001_20261125090000_0003.MP4");

		mvc.perform(get("/api/v1/recordings/" + important).header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recording.fileName.deviceNumber").value("00001"))
			// the container names no maker: the Hikvision naming scheme and the register's model do
			.andExpect(jsonPath("$.recording.media.make").value("Hikvision"))
			.andExpect(jsonPath("$.recording.media.model").value("DS-MH2311"))
			.andExpect(jsonPath("$.recording.fileName.important").value(true))
			.andExpect(jsonPath("$.recording.timeSource").value("file-name"))
			.andExpect(jsonPath("$.recording.recordedAt").value("2026-11-23T01:00:00Z"))
			.andExpect(jsonPath("$.recording.lateMinutes").doesNotExist())
			// 003 art. 13 says "及时": by default the end of the activity's working day, in the agencies' zone
			.andExpect(jsonPath("$.recording.importDeadline").value("2026-11-23T10:00:00Z"))
			.andExpect(jsonPath("$.recording.deadlineCite").value(org.hamcrest.Matchers.startsWith("custodia: ")))
			.andExpect(jsonPath("$.recording.clockFinding").doesNotExist())
			.andExpect(jsonPath("$.recording.sha256").isString())
			.andExpect(jsonPath("$.recording.size").value(4096));
		mvc.perform(get("/api/v1/recordings/" + future).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.clockFinding").value("future"));
		assertThat(register.history(custodian, device.id()))
			.filteredOn(event -> event.kind() == org.custodia.device.DeviceEventKind.CLOCK_SUSPECT)
			.singleElement()
			.satisfies(event -> assertThat(event.note()).contains("future").contains("0003"));
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("device.clock-suspect")
				&& entry.payloadJson().contains(number)).hasSize(1);

		// recorded 2026-11-20 09:00, due at 18:00 that day, imported 2026-11-23 16:00: 70 hours late
		mvc.perform(get("/api/v1/recordings/" + late).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.lateMinutes").value(70 * 60))
			.andExpect(jsonPath("$.lateReasonsOffered[*].code").value(org.hamcrest.Matchers.contains("remote-area", "water",
					"out-of-town", "continuous-work", "device-fault", "other")));
		mvc.perform(post("/api/v1/recordings/" + late + "/late-reasons").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"remote-area\",\"note\":\"山区执法三天后返回\"}"))
			.andExpect(status().isOk());
		// no collection of the device in its custody ledger: the 24 hours count from the end of recording
		mvc.perform(get("/api/v1/recordings/" + late).header("Authorization", bearer))
			.andExpect(jsonPath("$.lateReasons[0].reason").value("remote-area"))
			.andExpect(jsonPath("$.lateReasons[0].recordedBy").value(custodian.username()))
			.andExpect(jsonPath("$.recording.importDeadline").value("2026-11-21T01:00:00Z"))
			.andExpect(jsonPath("$.recording.lateMinutes").value(55 * 60));
		mvc.perform(post("/api/v1/recordings/" + late + "/late-reasons").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"other\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/recordings/" + important + "/late-reasons").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"continuous-work\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("未超过导入时限")))
			.andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.startsWith("custodia: ")));
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("recording.late-reason")
				&& entry.subjectId().equals(late)).hasSize(1);

		String otherAgency = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/recordings/" + late).header("Authorization", otherAgency)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/recordings/" + late + "/late-reasons").header("Authorization", otherAgency)
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"remote-area\"}"))
			.andExpect(status().isNotFound());

		// offered again from another folder: linked to the original, listed on it
		Path again = TestDatabases.newDataDirectory().resolve("CARD");
		Files.createDirectories(again);
		bytes(again.resolve("copy.MP4"), 1);
		mvc.perform(post("/api/v1/recordings/import").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(again, number)))
			.andExpect(jsonPath("$[0].result").value("DUPLICATE"))
			.andExpect(jsonPath("$[0].recordingId").value(important));
		mvc.perform(get("/api/v1/recordings/" + important).header("Authorization", bearer))
			.andExpect(jsonPath("$.duplicateOffers[0].originalName").value("copy.MP4"));
	}

	@Test
	void pagesFollowEachOtherWithoutGapsOrRepeatsAndFiltersApply() throws Exception {
		var session = accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "FN-" + System.nanoTime() % 100000;
		Device device = register.register(custodian, new NewDevice("fengnan-medins", number, DeviceKind.BODY_CAMERA, null,
				null, null, null, null, null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		for (int i = 0; i < 7; i++) {
			bytes(folder.resolve("20261123_0%d0000.MP4".formatted(i)), 100 + i);
		}
		mvc.perform(post("/api/v1/recordings/import").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(folder, number)))
			.andExpect(status().isOk());

		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			var request = get("/api/v1/recordings").param("device", device.id().toString()).param("limit", "3")
				.header("Authorization", bearer);
			String body = mvc.perform(after == null ? request : request.param("after", after))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
			seen.addAll(JsonPath.read(body, "$.items[*].originalName"));
			after = JsonPath.read(body, "$.next");
			pages++;
		}
		while (after != null);
		assertThat(seen).hasSize(7).doesNotHaveDuplicates();
		assertThat(pages).isEqualTo(3);

		// 20261123_030000 .. _050000 local = 19:00Z..21:00Z of the 22nd
		mvc.perform(get("/api/v1/recordings").param("device", device.id().toString())
			.param("from", "2026-11-22T19:00:00Z").param("to", "2026-11-22T22:00:00Z").header("Authorization", bearer))
			.andExpect(jsonPath("$.items.length()").value(3));
		mvc.perform(get("/api/v1/recordings").param("after", "not-a-position").header("Authorization", bearer))
			.andExpect(status().isBadRequest());
	}

	private static String id(List<Map<String, Object>> outcomes, String file) {
		return (String) outcomes.stream().filter(outcome -> outcome.get("file").equals(file)).findFirst().orElseThrow()
			.get("recordingId");
	}

	/** 4 KiB that are no media, unique per seed, with the file time an hour after the test clock's start. */
	private static void bytes(Path file, int seed) throws Exception {
		byte[] content = new byte[4096];
		new Random(seed).nextBytes(content);
		Files.write(file, content);
		Files.setLastModifiedTime(file, FileTime.from(CustodiaIntegrationTest.START.plusSeconds(3600)));
	}
}
