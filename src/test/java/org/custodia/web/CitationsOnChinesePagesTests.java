package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

import com.jayway.jsonpath.JsonPath;

/**
 * Every page that shows a citation, walked in Chinese as its users see it: the policy page, the activity pages
 * with a refusal's flash, the recordings register and the player, the device pages and their printed ledger,
 * and an error page. No citation on them holds an English word ("art", "custodia", a reason in English).
 */
@CustodiaIntegrationTest
class CitationsOnChinesePagesTests {

	static final String AGENCY = "kaifeng-audit";

	/** An element whose class names it a citation, and its content up to its closing tag. */
	private static final Pattern CITE = Pattern.compile("<(\\w+)[^>]*\\bclass=\"(?:[^\"]*\\s)?cite(?:\\s[^\"]*)?\"[^>]*>(.*?)</\\1>",
			Pattern.DOTALL);

	private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{3,}");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	RecordingImports imports;

	@Test
	void noCitationOnAChinesePageHoldsAnEnglishWord() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		UUID officerId = accounts.account(officer).userId();
		MockHttpSession custodian = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);
		Actor custodianActor = accounts.account(custodian);
		String custodianBearer = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));

		String number = "CN-" + System.nanoTime() % 1_000_000;
		String device = JsonPath.read(mvc.perform(post("/api/v1/devices").header("Authorization", custodianBearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agency\":\"%s\",\"number\":\"%s\",\"kind\":\"BODY_CAMERA\"}".formatted(AGENCY, number)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		json(custodianBearer, "/api/v1/devices/" + device + "/issue",
				"{\"officerId\":\"%s\",\"batteryOk\":true,\"storageOk\":true,\"clockOk\":true}".formatted(officerId));
		json(custodianBearer, "/api/v1/devices/" + device + "/collect", "{\"officerId\":\"%s\"}".formatted(officerId));

		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		file(card.resolve("00001_20261122090000_0001.MP4"), 1);
		file(card.resolve("00001_20261122093000_0002.MP4"), 2);
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodianActor, AGENCY, number, officerId, card);
		UUID recording = outcomes.get(0).recordingId();

		String activity = JsonPath.read(json(officerBearerOf(officer), "/api/v1/activities", """
				{"type":"seizure-or-detention","place":"审计现场","startedAt":"2026-11-22T00:50:00Z","endedAt":"2026-11-22T01:40:00Z",
				 "officers":["%s"]}""".formatted(officerId)), "$.id");
		for (RecordingImports.Outcome outcome : outcomes) {
			json(officerBearerOf(officer), "/api/v1/activities/" + activity + "/recordings",
					"{\"recordingId\":\"" + outcome.recordingId() + "\"}");
		}
		json(officerBearerOf(officer), "/api/v1/activities/" + activity + "/long-term", "{\"trigger\":\"party-objects\"}");
		String unrecorded = JsonPath.read(json(officerBearerOf(officer), "/api/v1/activities", """
				{"type":"seizure-or-detention","place":"审计现场","startedAt":"2026-11-21T00:50:00Z","endedAt":"2026-11-21T01:40:00Z",
				 "officers":["%s"]}""".formatted(officerId)), "$.id");
		MvcResult refused = mvc.perform(post("/activities/" + unrecorded + "/work-records").session(officer).with(csrf())
			.param("reasonCode", "secrets-or-privacy").param("reason", ""))
			.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(refused.getFlashMap().get("errorCite")).isNotNull();

		MockHttpSession chief = accounts.signedIn(mvc, AGENCY, Role.CHIEF);
		MockHttpSession administrator = accounts.signedIn(mvc, AGENCY, Role.ADMINISTRATOR);
		List<String> pages = new ArrayList<>();
		pages.add(page(chief, "/policies", 200));
		pages.add(page(officer, "/activities", 200));
		pages.add(page(officer, "/activities/" + activity, 200));
		pages.add(mvc.perform(get("/activities/" + unrecorded).session(officer).flashAttrs(refused.getFlashMap()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		pages.add(page(custodian, "/recordings", 200));
		pages.add(page(custodian, "/devices", 200));
		pages.add(page(custodian, "/devices/board", 200));
		pages.add(page(custodian, "/devices/" + device, 200));
		pages.add(page(administrator, "/recordings", 403));
		org.custodia.access.Approvals.approved(mvc, accounts, AGENCY, officer, List.of(recording), "WATCH");
		String player = page(officer, "/recordings/" + recording, 200);

		for (String page : pages) {
			assertThat(page).doesNotContain(" art. ").doesNotContain("custodia: ");
			assertCitationsInChinese(page);
		}
		assertCitationsInChinese(player);
		assertThat(pages.get(0)).contains("《使用管理规定》第十二条", "系统默认（条例未规定）：");
		assertThat(pages.get(3)).contains("《开封市审计局执法记录仪使用管理规定》第六条");
		assertThat(pages.get(8)).contains("系统默认（条例未规定）：职责分离");
		assertThat(player).contains("《开封市审计局执法记录仪使用管理规定》第十二条", "《开封市审计局执法记录仪使用管理规定》第十一条")
			.contains("id=\"viewer-mark\"");

		byte[] pdf = mvc.perform(get("/devices/" + device + "/ledger.pdf").param("month", "2026-11").session(custodian))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("《使用管理规定》第").doesNotContain("art.").doesNotContain("custodia");
		}
	}

	private static void assertCitationsInChinese(String page) {
		Matcher cite = CITE.matcher(page);
		int count = 0;
		while (cite.find()) {
			count++;
			String text = HtmlUtils.htmlUnescape(cite.group(2).replaceAll("<[^>]+>", ""));
			assertThat(text).as(cite.group()).doesNotContainPattern(ENGLISH_WORD);
		}
		assertThat(count).as("citations on the page").isPositive();
	}

	private String page(MockHttpSession session, String path, int status) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().is(status)).andReturn().getResponse()
			.getContentAsString();
	}

	private final Map<MockHttpSession, String> bearers = new java.util.HashMap<>();

	/** The session's user over the API, as a Bearer header. */
	private String officerBearerOf(MockHttpSession session) throws Exception {
		String known = bearers.get(session);
		if (known == null) {
			known = accounts.bearer(mvc, accounts.account(session).username(), TestAccounts.PASSWORD + "-new");
			bearers.put(session, known);
		}
		return known;
	}

	private String json(String bearer, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is2xxSuccessful()).andReturn().getResponse().getContentAsString();
	}

	private static void file(Path file, int seed) throws Exception {
		byte[] content = new byte[4096];
		new Random(seed * 31L + System.nanoTime()).nextBytes(content);
		Files.write(file, content);
		Files.setLastModifiedTime(file, FileTime.from(CustodiaIntegrationTest.START));
	}
}
