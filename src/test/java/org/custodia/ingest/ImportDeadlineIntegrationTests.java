package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Lateness at import follows each agency's rule, and each recording shows its deadline and the article that set
 * it. The test clock starts at 2026-11-23 16:00 in Shanghai.
 */
@CustodiaIntegrationTest
class ImportDeadlineIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@AfterEach
	void resetClock() {
		clock.set(CustodiaIntegrationTest.START);
	}

	/**
	 * 004 art. 12: "每工作日结束时，设备管理员将执法记录仪收回，对执法人员所摄录的视听资料进行整理并导出存储" — what was
	 * recorded yesterday at 17:00 is late today at 16:00 (it was not 24 hours), and no reason moves the deadline.
	 */
	@Test
	void kaifengCountsLatenessFromTheEndOfTheWorkingDay() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.CUSTODIAN));
		String device = device(custodian, "kaifeng-audit", "KF-");
		Path folder = folder();
		file(folder.resolve("00001_20261123100000_0001.MP4"), 1);
		file(folder.resolve("00001_20261122170000_0002.MP4"), 2);
		List<Map<String, Object>> outcomes = importFolder(custodian, folder, device);
		String today = id(outcomes, "00001_20261123100000_0001.MP4");
		String yesterday = id(outcomes, "00001_20261122170000_0002.MP4");
		assertThat(outcome(outcomes, today).get("lateMinutes")).isNull();
		assertThat(outcome(outcomes, yesterday).get("lateMinutes")).isEqualTo(22 * 60);

		mvc.perform(get("/api/v1/recordings/" + yesterday).header("Authorization", custodian))
			.andExpect(jsonPath("$.recording.importDeadline").value("2026-11-22T10:00:00Z"))
			.andExpect(jsonPath("$.recording.deadlineCite").value("004 art. 12"))
			.andExpect(jsonPath("$.recording.lateMinutes").value(22 * 60))
			.andExpect(jsonPath("$.lateReasonsOffered[*].code").value(contains("device-fault", "other")));
		mvc.perform(get("/api/v1/recordings").header("Authorization", custodian))
			.andExpect(jsonPath("$.items[?(@.id == '" + today + "')].importDeadline").value(contains("2026-11-23T10:00:00Z")))
			.andExpect(jsonPath("$.items[?(@.id == '" + today + "')].deadlineCite").value(contains("004 art. 12")));
		lateReason(custodian, yesterday, "remote-area").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		lateReason(custodian, yesterday, "device-fault").andExpect(status().isOk())
			.andExpect(jsonPath("$.deadline").doesNotExist());
		mvc.perform(get("/api/v1/recordings/" + yesterday).header("Authorization", custodian))
			.andExpect(jsonPath("$.recording.lateMinutes").value(22 * 60));
		mvc.perform(get("/recordings").session(accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN)))
			.andExpect(content().string(containsString("《使用管理规定》第十二条")));
	}

	/**
	 * 001 art. 13: "在边远、水上、交通不便地区执法或异地执法、连续执法确实无法及时按规定储存的，行政执法人员应当在返回单位后24小时内予以储存"
	 * — the 24 hours count from the device's collection in its custody ledger, with the reason recorded.
	 */
	@Test
	void workOnWaterCountsTwentyFourHoursFromTheReturnToTheUnit() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.CUSTODIAN));
		String officer = accounts.idOf(accounts.create("pingdingshan-culture", Role.OFFICER)).toString();
		String device = device(custodian, "pingdingshan-culture", "PD-");
		post(custodian, "/api/v1/devices/" + device + "/issue",
				"{\"officerId\":\"" + officer + "\",\"batteryOk\":true,\"storageOk\":true,\"clockOk\":true}")
			.andExpect(status().isOk());
		clock.advance(Duration.ofHours(76));  // 2026-11-26 20:00: back at the unit, the device collected
		post(custodian, "/api/v1/devices/" + device + "/collect", "{\"officerId\":\"" + officer + "\"}").andExpect(status().isOk());
		clock.advance(Duration.ofHours(14));  // 2026-11-27 10:00: imported
		Path folder = folder();
		file(folder.resolve("00001_20261124100000_0001.MP4"), 3);
		String recording = id(importFolder(custodian, folder, device), "00001_20261124100000_0001.MP4");
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", custodian))
			.andExpect(jsonPath("$.recording.importDeadline").value("2026-11-24T10:00:00Z"))
			.andExpect(jsonPath("$.recording.lateMinutes").value((2 * 24 + 16) * 60));
		String register = mvc.perform(get("/recordings").session(accounts.signedIn(mvc, "pingdingshan-culture", Role.CUSTODIAN)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(register).as("lateness as people say it").contains("迟延 2 天 16 小时").doesNotContain("迟延 3840")
			.doesNotContain("迟延 3,840").doesNotContain("3840 分钟");

		lateReason(custodian, recording, "water").andExpect(status().isOk())
			.andExpect(jsonPath("$.deadline").value("2026-11-27T12:00:00Z"))
			.andExpect(jsonPath("$.cite").value("001 art. 13"));
		mvc.perform(get("/api/v1/recordings/" + recording).header("Authorization", custodian))
			.andExpect(jsonPath("$.recording.importDeadline").value("2026-11-27T12:00:00Z"))
			.andExpect(jsonPath("$.recording.deadlineCite").value("001 art. 13"))
			.andExpect(jsonPath("$.recording.lateMinutes").doesNotExist());
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("recording.late-reason")
				&& entry.subjectId().equals(recording))
			.singleElement()
			.satisfies(entry -> assertThat(entry.payloadJson()).contains("\"reason\":\"water\"", "2026-11-27T12:00:00Z",
					"001 art. 13", "\"lateNow\":\"no\""));
		lateReason(custodian, recording, "continuous-work").andExpect(status().isConflict());
	}

	private String device(String bearer, String agency, String prefix) throws Exception {
		String number = prefix + System.nanoTime() % 1_000_000;
		String body = post(bearer, "/api/v1/devices", "{\"agency\":\"%s\",\"number\":\"%s\",\"kind\":\"BODY_CAMERA\"}"
			.formatted(agency, number)).andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private List<Map<String, Object>> importFolder(String bearer, Path folder, String device) throws Exception {
		String number = JsonPath.read(mvc.perform(get("/api/v1/devices/" + device).header("Authorization", bearer))
			.andReturn().getResponse().getContentAsString(), "$.number");
		return JsonPath.read(post(bearer, "/api/v1/recordings/import",
				"{\"folder\":\"%s\",\"device\":\"%s\"}".formatted(folder, number)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(), "$");
	}

	private ResultActions lateReason(String bearer, String recording, String reason) throws Exception {
		return post(bearer, "/api/v1/recordings/" + recording + "/late-reasons", "{\"reason\":\"" + reason + "\",\"note\":\"船上执法\"}");
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static Path folder() throws Exception {
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		return folder;
	}

	private void file(Path file, int seed) throws Exception {
		byte[] content = new byte[4096];
		new Random(seed * 7919L + System.nanoTime()).nextBytes(content);
		Files.write(file, content);
		Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
	}

	private static String id(List<Map<String, Object>> outcomes, String file) {
		return (String) outcomes.stream().filter(outcome -> outcome.get("file").equals(file)).findFirst().orElseThrow()
			.get("recordingId");
	}

	private static Map<String, Object> outcome(List<Map<String, Object>> outcomes, String id) {
		return outcomes.stream().filter(outcome -> id.equals(outcome.get("recordingId"))).findFirst().orElseThrow();
	}
}
