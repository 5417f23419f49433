package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.Device;
import org.custodia.device.DeviceCustody;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** A custodian imports a docked device's folder of real camera, phone and recorder files. */
@CustodiaIntegrationTest
class RecordingImportIntegrationTests {

	static final Path MEDIA = TestMedia.FOLDER;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Autowired
	DeviceCustody custody;

	@Autowired
	org.custodia.device.DeviceRecordings deviceRecordings;

	@Autowired
	Ledger ledger;

	@Test
	void importsEveryFileOnceLinksItToTheHolderAndFlagsWhatIsLateEmptyOrNotMedia() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		UUID officer = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER));
		String number = "KFI-" + System.nanoTime() % 100000;
		Device device = register.register(custodian, new NewDevice("kaifeng-audit", number, DeviceKind.BODY_CAMERA, null,
				null, null, null, null, null, null, null, null, null));
		custody.issue(custodian, device.id(), officer, new DeviceCustody.PreUseCheck(true, true, true), null);

		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder.resolve("100MEDIA"));
		copy("sample_mpeg4.mp4", folder.resolve("100MEDIA/20261123_170000_0001.MP4"), Duration.ofHours(1));
		copy("yuan.amr", folder.resolve("record.amr"), Duration.ofHours(1));
		copy("empty.mp3", folder.resolve("empty.mp3"), Duration.ofHours(1));
		copy("Olympus μ Digital 800.JPG", folder.resolve("Olympus μ Digital 800.JPG"), Duration.ofDays(-3));
		Files.writeString(folder.resolve("notes.txt"), "not a recording");

		String body = mvc.perform(post("/api/v1/recordings/import").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(folder, number)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> outcomes = JsonPath.read(body, "$");
		assertThat(outcomes).hasSize(5).allMatch(outcome -> outcome.get("result").equals("STORED"));
		assertThat(outcome(outcomes, "empty.mp3").get("problem")).isEqualTo("empty");
		assertThat(outcome(outcomes, "notes.txt").get("problem")).isEqualTo("not-media");
		assertThat(outcome(outcomes, "Olympus μ Digital 800.JPG").get("lateMinutes")).isNotNull();
		assertThat(outcome(outcomes, "record.amr").get("lateMinutes")).isNull();

		String video = (String) outcome(outcomes, "100MEDIA/20261123_170000_0001.MP4").get("recordingId");
		mvc.perform(get("/api/v1/recordings/" + video).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.media.durationMillis").value(4967))
			.andExpect(jsonPath("$.recording.media.videoCodec").value("mpeg4"))
			.andExpect(jsonPath("$.recording.media.width").value(190))
			.andExpect(jsonPath("$.recording.media.audioCodec").value("aac"))
			.andExpect(jsonPath("$.recording.media.createdAsStated").value("2005-10-28T17:46:46"))
			// the movie header's time is UTC by the format's definition: no agency zone is applied to it
			.andExpect(jsonPath("$.recording.timeSource").value("media-offset"))
			.andExpect(jsonPath("$.recording.recordedAt").value("2005-10-28T17:46:46Z"))
			.andExpect(jsonPath("$.recording.clockFinding").value("far-from-copy"))
			.andExpect(jsonPath("$.recording.poster").value(true))
			// every time the file gave is kept with its source, the chosen one marked, the others' distance from it
			.andExpect(jsonPath("$.times.claims[*].source").value(org.hamcrest.Matchers.contains("QuickTime:CreateDate",
					"FileName", "FileModifyDate")))
			.andExpect(jsonPath("$.times.claims[*].chosen").value(org.hamcrest.Matchers.contains(true, false, false)))
			.andExpect(jsonPath("$.times.claims[1].asStated").value("2026-11-23T17:00"))
			.andExpect(jsonPath("$.times.claims[1].disagrees").value(true));
		// The poster is a picture of the footage: the custodian who imported it may not watch, nor the legal head by his
		// role; the legal head may once his access request is approved.
		mvc.perform(get("/api/v1/recordings/" + video + "/poster").header("Authorization", bearer))
			.andExpect(status().isForbidden());
		String legalHead = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.LEGAL_HEAD));
		mvc.perform(get("/api/v1/recordings/" + video + "/poster").header("Authorization", legalHead))
			.andExpect(status().isForbidden());
		org.custodia.access.Approvals.approved(mvc, accounts, "kaifeng-audit", legalHead,
				List.of(java.util.UUID.fromString(video), java.util.UUID.fromString((String) outcome(outcomes,
						"Olympus μ Digital 800.JPG").get("recordingId"))), "WATCH");
		byte[] poster = mvc.perform(get("/api/v1/recordings/" + video + "/poster").header("Authorization", legalHead))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(poster)).getWidth()).isPositive();
		String photo = (String) outcome(outcomes, "Olympus μ Digital 800.JPG").get("recordingId");
		mvc.perform(get("/api/v1/recordings/" + photo).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.media.make").value("Digital"))
			.andExpect(jsonPath("$.recording.media.createdAsStated").value("2006-04-26T00:26:14"));
		mvc.perform(get("/api/v1/recordings/" + photo + "/poster").header("Authorization", legalHead))
			.andExpect(status().isNotFound());

		String again = mvc.perform(post("/api/v1/recordings/import").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(folder, number)))
			.andReturn().getResponse().getContentAsString();
		// The same folder of the same device again: known by path, size and time, not read again.
		assertThat(JsonPath.<List<String>>read(again, "$[*].result")).containsOnly("ALREADY_IMPORTED");
		assertThat(JsonPath.<List<String>>read(again, "$[*].recordingId"))
			.containsExactlyInAnyOrderElementsOf(JsonPath.<List<String>>read(body, "$[*].recordingId"));

		mvc.perform(get("/api/v1/recordings").param("device", device.id().toString()).header("Authorization", bearer))
			.andExpect(jsonPath("$.items.length()").value(5))
			.andExpect(jsonPath("$.next").doesNotExist())
			.andExpect(jsonPath("$.items[?(@.originalName == 'record.amr')].contentType").value(org.hamcrest.Matchers.contains("audio/amr")))
			.andExpect(jsonPath("$.items[?(@.originalName == '100MEDIA/20261123_170000_0001.MP4')].contentType")
				.value(org.hamcrest.Matchers.contains("video/mp4")));
		assertThat(deviceRecordings.of(custodian, device.id()))
			.filteredOn(link -> link.holderId() != null)
			.as("held when recorded: the files without a recording time of their own, timed by the device's file time")
			.hasSize(3)
			.allMatch(link -> link.holderId().equals(officer));
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("recording.ingested")
				&& entry.payloadJson().contains(number)).hasSize(5);
		assertThat(Files.exists(folder.resolve("record.amr"))).as("nothing is removed from the device").isTrue();
		mvc.perform(get("/devices/" + device.id()).session(session))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(containsString("所录音像")));
	}

	@Test
	void refusesUnknownDevicesTheAdministratorAndMissingFolders() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.CUSTODIAN));
		mvc.perform(post("/api/v1/recordings/import").header("Authorization", custodian).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"/tmp\",\"device\":\"NO-SUCH-DEVICE\"}"))
			.andExpect(status().isNotFound());
		String admin = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.ADMINISTRATOR));
		mvc.perform(post("/api/v1/recordings/import").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"/tmp\",\"device\":\"X\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		String officer = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER));
		mvc.perform(post("/api/v1/recordings/import").header("Authorization", officer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"/tmp\",\"device\":\"X\"}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesAnOfficerIdThatNamesNoOfficerOfTheRecordingsAgency() throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN));
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "KFO-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("kaifeng-audit", number, DeviceKind.BODY_CAMERA, null, null, null, null,
				null, null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		Files.writeString(folder.resolve("note.txt"), "officer check " + System.nanoTime());
		UUID otherAgencysOfficer = accounts.idOf(accounts.create("zhanhe-health", Role.OFFICER));
		UUID colleagueNoOfficer = accounts.idOf(accounts.create("kaifeng-audit", Role.CUSTODIAN));
		UUID officer = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER));

		for (String endpoint : List.of("/api/v1/recordings/import", "/api/v1/imports")) {
			for (UUID wrong : List.of(otherAgencysOfficer, UUID.randomUUID())) {
				mvc.perform(post(endpoint).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
					.content(importing(folder, number, wrong)))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.field").value("officerId"))
					.andExpect(jsonPath("$.detail").value(containsString("不是本机构的用户")));
			}
			mvc.perform(post(endpoint).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
				.content(importing(folder, number, colleagueNoOfficer)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("officerId"))
				.andExpect(jsonPath("$.rule").value(containsString("a recording's officer is an officer")))
				.andExpect(jsonPath("$.detail").value(containsString("没有执法人员角色")));
		}
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("recording.ingested"))
			.noneMatch(entry -> entry.payloadJson().contains(number));
		String stored = mvc.perform(post("/api/v1/recordings/import").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content(importing(folder, number, officer)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String recording = JsonPath.read(stored, "$[0].recordingId");
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.officerId").value(officer.toString()));
	}

	private static String importing(Path folder, String device, UUID officerId) {
		return "{\"folder\":\"%s\",\"device\":\"%s\",\"officerId\":\"%s\"}".formatted(folder, device, officerId);
	}

	private static Map<String, Object> outcome(List<Map<String, Object>> outcomes, String file) {
		return outcomes.stream().filter(outcome -> outcome.get("file").equals(file)).findFirst().orElseThrow();
	}

	/** A copy of a real media file whose time is that long after the test clock's start (before, if negative). */
	private static void copy(String name, Path target, Duration afterStart) throws Exception {
		Files.copy(MEDIA.resolve(name), target);
		Files.setLastModifiedTime(target, FileTime.from(CustodiaIntegrationTest.START.plus(afterStart)));
	}
}
