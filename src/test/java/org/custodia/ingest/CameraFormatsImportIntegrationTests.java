package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What cameras and recorders write (media/formats: DV, AVCHD, RF64 and BWF, ID3 dates, QuickTime variants,
 * HEIC, EXIF and XMP offsets, GPS at 0,0) imported as a custodian would: every file read as media with the
 * time its format states, the one whose header lies about its length and the one FFmpeg cannot decode flagged
 * in words on the recording's page.
 */
@CustodiaIntegrationTest
class CameraFormatsImportIntegrationTests {

	static final String AGENCY = "pingdingshan-culture";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Test
	void everyCameraFormatIsMediaWithItsStatedTimeAndTheBrokenOnesSaySoInWords() throws Exception {
		MockHttpSession custodianSession = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);
		Actor custodian = accounts.account(custodianSession);
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		MockHttpSession officerSession = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		String number = "PDF-" + System.nanoTime() % 100000;
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("CARD");
		Files.createDirectories(card);
		try (Stream<Path> files = Files.list(TestMedia.FOLDER.resolve("formats"))) {
			for (Path file : files.filter(file -> !file.getFileName().toString().endsWith(".json")).toList()) {
				Files.copy(file, card.resolve(file.getFileName()));
			}
		}

		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, number,
				accounts.account(officerSession).userId(), card);
		Map<String, RecordingImports.Outcome> byName = outcomes.stream()
			.collect(Collectors.toMap(RecordingImports.Outcome::file, outcome -> outcome));
		assertThat(byName).hasSize(24);
		assertThat(outcomes).allMatch(outcome -> outcome.result() != ImportResult.FAILED);
		assertThat(outcomes).filteredOn(outcome -> !outcome.file().equals("noise-in-mdat.mp4"))
			.as("every camera and recorder format is media")
			.allMatch(outcome -> outcome.problem() == null);
		assertThat(byName.get("noise-in-mdat.mp4").problem()).isEqualTo("corrupt");

		// the time each format states, with its offset or as UTC, not eight hours early
		recording(bearer, byName, "camera.mp4").andExpect(jsonPath("$.recording.recordedAt").value("2026-11-23T01:00:00Z"))
			.andExpect(jsonPath("$.times.reason").value("utc-by-format"));
		recording(bearer, byName, "phone.mov").andExpect(jsonPath("$.recording.recordedAt").value("2026-11-23T01:00:00Z"))
			.andExpect(jsonPath("$.times.reason").value("offset-stated"))
			.andExpect(jsonPath("$.times.claims[0].source").value("Keys:CreationDate"))
			.andExpect(jsonPath("$.recording.media.make").value("Apple"));
		recording(bearer, byName, "exif-offset.jpg").andExpect(jsonPath("$.recording.recordedAt").value("2026-11-23T01:00:00Z"))
			.andExpect(jsonPath("$.recording.media.createdOffset").value("+08:00"));
		recording(bearer, byName, "recorder-bwf.wav")
			.andExpect(jsonPath("$.recording.recordedAt").value("2026-11-23T01:00:00Z"))
			.andExpect(jsonPath("$.times.reason").value("local-in-agency-zone"));
		recording(bearer, byName, "camcorder.dv").andExpect(jsonPath("$.recording.media.videoCodec").value("dvvideo"))
			.andExpect(jsonPath("$.recording.recordedAt").value("2026-11-23T01:00:00Z"));
		recording(bearer, byName, "avchd.m2ts").andExpect(jsonPath("$.recording.media.videoCodec").value("h264"))
			.andExpect(jsonPath("$.recording.contentType").value("video/mp2t"));
		recording(bearer, byName, "phone-grid.heic").andExpect(jsonPath("$.recording.media.width").value(1024))
			.andExpect(jsonPath("$.recording.media.height").value(1024));
		recording(bearer, byName, "gps-zero.jpg").andExpect(jsonPath("$.recording.media.latitude").value(0.0))
			.andExpect(jsonPath("$.recording.media.longitude").value(0.0));
		recording(bearer, byName, "lying-duration.mp4").andExpect(jsonPath("$.recording.media.durationMillis").value(20000))
			.andExpect(jsonPath("$.recording.media.streamsDurationMillis").value(Matchers.lessThan(2100)))
			.andExpect(jsonPath("$.recording.media.durationDisagrees").value(true));
		recording(bearer, byName, "noise-in-mdat.mp4")
			.andExpect(jsonPath("$.recording.media.problemDetail").value("Invalid data found when processing input"));

		// on the page, in words: the length the header claims beside the streams', the decoder's reason in Chinese
		UUID lying = byName.get("lying-duration.mp4").recordingId();
		UUID noise = byName.get("noise-in-mdat.mp4").recordingId();
		org.custodia.access.Approvals.approved(mvc, accounts, AGENCY, officerSession, List.of(lying, noise), "WATCH");
		String lyingPage = mvc.perform(get("/recordings/" + lying).session(officerSession)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(lyingPage).contains("id=\"duration-disagrees\"").contains("文件头所记时长与音视频流不符（流：0:02）")
			.contains("<span>0:20</span>");
		String noisePage = mvc.perform(get("/recordings/" + noise).session(officerSession)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(noisePage).contains("解码器：数据无效，无法解析").contains("title=\"Invalid data found when processing input\"");
	}

	private org.springframework.test.web.servlet.ResultActions recording(String bearer,
			Map<String, RecordingImports.Outcome> outcomes, String file) throws Exception {
		return mvc.perform(get("/api/v1/recordings/" + outcomes.get(file).recordingId()).header("Authorization", bearer))
			.andExpect(status().isOk());
	}
}
