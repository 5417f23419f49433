package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.ImportResult;
import org.custodia.ingest.RecordingImports;
import org.custodia.media.DerivedCopies;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.EventDeliveries;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A recording's ledger history on its page reads in words: the action as 导入音像记录, the payload as labelled
 * fields, no action code, no JSON and no English word left on the Chinese page.
 */
@CustodiaIntegrationTest
class PlayerHistoryIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	private static final Pattern HISTORY = Pattern.compile("(?s)<table class=\"grid\" id=\"history\">(.*?)</table>");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	DerivedCopies copies;

	@Autowired
	EventPublicationRegistry events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theHistoryReadsInChineseWords() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		Actor custodian = accounts.account(accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN));
		String deviceNumber = "PH-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, deviceNumber, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "history.mp4");
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, deviceNumber,
				accounts.account(officer).userId(), card.folder());
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED);
		UUID recording = outcomes.get(0).recordingId();
		EventDeliveries.awaitAll(events);
		copies.workPending();
		Approvals.approved(mvc, accounts, AGENCY, officer, List.of(recording), "WATCH");

		String page = mvc.perform(get("/recordings/" + recording).session(officer).header("Accept-Language", "zh-CN"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Matcher table = HISTORY.matcher(page);
		assertThat(table.find()).as("the history table").isTrue();
		String text = table.group(1).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");

		assertThat(text).contains("导入音像记录", "申请浏览副本", "制作派生副本", "文件", "history.mp4", "设备", deviceNumber,
				"哈希值", "视频", "系统", "存储位置", "导入时限");
		assertThat(text).doesNotContain("recording.ingested").doesNotContain("{\"").doesNotContain("\"");
		String sha256 = jdbc.sql("select sha256 from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		assertThat(page).contains("title=\"" + sha256 + "\"").contains("title=\"recording.ingested\"");

		// what is left once the names, numbers and hashes the entries carry are taken out has no English word
		String words = text.replace("history.mp4", "").replace(deviceNumber, "").replace(custodian.username(), "")
			.replace(accounts.account(officer).username(), "")
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "")
			.replaceAll("[0-9a-f]{12}…", "");
		assertThat(words).doesNotContainPattern("[A-Za-z]{3,}");
	}
}
