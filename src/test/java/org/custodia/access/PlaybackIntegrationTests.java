package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.ImportResult;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.EventDeliveries;
import org.custodia.shared.Role;
import org.junit.jupiter.api.BeforeEach;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Playback of an original through {@code /api/v1/recordings/{id}/content}: byte ranges as a player
 * asks for them, who may watch and who may not, a file gone from the store, and one ledger entry per
 * viewing session.
 */
@CustodiaIntegrationTest
class PlaybackIntegrationTests {

	static final String AGENCY = "fengnan-medins";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	Viewings viewings;

	@Autowired
	Ledger ledger;

	@Autowired
	org.custodia.media.DerivedCopies copies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry events;

	@Autowired
	org.custodia.shared.CustodiaProperties custodia;

	MockHttpSession officer;

	Actor custodian;

	String deviceNumber;

	UUID recording;

	byte[] original;

	@BeforeEach
	void anOfficersRecordingIsImported() throws Exception {
		officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		MockHttpSession custodianSession = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);
		custodian = accounts.account(custodianSession);
		deviceNumber = "PB-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, deviceNumber, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "clip.mp4");
		original = card.bytes();
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, deviceNumber,
				accounts.account(officer).userId(), card.folder());
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED);
		recording = outcomes.get(0).recordingId();
		// the proxy is asked for by media's listener once the import has committed
		EventDeliveries.awaitAll(events);
		Approvals.approved(mvc, accounts, AGENCY, officer, List.of(recording), "WATCH");
	}

	@Test
	void theRecordingOfficerSeeksAnywhereWithByteRanges() throws Exception {
		String content = "/api/v1/recordings/" + recording + "/content";
		byte[] whole = mvc.perform(get(content).session(officer))
			.andExpect(status().isOk())
			.andExpect(header().string("Accept-Ranges", "bytes"))
			.andExpect(header().string("Content-Length", String.valueOf(original.length)))
			.andExpect(header().string("Content-Type", "video/mp4"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(whole).isEqualTo(original);

		byte[] middle = mvc.perform(get(content).session(officer).header("Range", "bytes=1000-1999"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes 1000-1999/" + original.length))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(middle).isEqualTo(Arrays.copyOfRange(original, 1000, 2000));

		byte[] last = mvc.perform(get(content).session(officer).header("Range", "bytes=-100"))
			.andExpect(status().isPartialContent())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(last).isEqualTo(Arrays.copyOfRange(original, original.length - 100, original.length));

		byte[] toTheEnd = mvc.perform(get(content).session(officer).header("Range", "bytes=" + (original.length - 10) + "-"))
			.andExpect(status().isPartialContent())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(toTheEnd).hasSize(10);

		mvc.perform(get(content).session(officer).header("Range", "bytes=" + original.length + "-")
				.header("Accept-Language", "en"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + original.length))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("超出了文件长度（" + original.length + " 字节）")));

		String etag = mvc.perform(head(content).session(officer))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Length", String.valueOf(original.length)))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(etag).hasSize(66);
		mvc.perform(get(content).session(officer).header("Range", "bytes=0-9").header("If-Range", etag))
			.andExpect(status().isPartialContent());
		// The file changed since the client cached its start (another ETag): the whole file, not a range of it.
		mvc.perform(get(content).session(officer).header("Range", "bytes=0-9").header("If-Range", "\"other\""))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Length", String.valueOf(original.length)));
	}

	@Test
	void onlyWhoHoldsAnApprovalWatchesNotTheUnitHeadOrTheLegalHeadByTheirRoles() throws Exception {
		String content = "/api/v1/recordings/" + recording + "/content";
		String unitHead = accounts.create(AGENCY, Role.UNIT_HEAD);
		String legalHead = accounts.create(AGENCY, Role.LEGAL_HEAD);
		String otherAgencyLegalHead = accounts.create("kaifeng-audit", Role.LEGAL_HEAD);

		mvc.perform(head(content).session(officer)).andExpect(status().isOk());
		for (String person : List.of(unitHead, legalHead)) {
			mvc.perform(get(content).header("Authorization", accounts.bearer(mvc, person)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.rule").value("002 art. 16"));
		}
		mvc.perform(get(content).header("Authorization", accounts.bearer(mvc, otherAgencyLegalHead)))
			.andExpect(status().isNotFound());
		mvc.perform(get(content).header("Authorization", accounts.administratorBearer(mvc)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("separation of duties")));
	}

	@Test
	void aViewingSessionIsOneLedgerEntryWithWhatWasServed() throws Exception {
		String content = "/api/v1/recordings/" + recording + "/content";
		for (int start = 0; start < 5000; start += 1000) {
			mvc.perform(get(content).session(officer).header("Range", "bytes=" + start + "-" + (start + 999)))
				.andExpect(status().isPartialContent());
		}
		mvc.perform(head(content).session(officer)).andExpect(status().isOk());
		assertThat(viewedEntries()).isEmpty();
		viewings.closeAll();
		List<LedgerEntry> viewed = viewedEntries();
		assertThat(viewed).hasSize(1);
		assertThat(viewed.get(0).actor()).isEqualTo(accounts.account(officer).username());
		assertThat(viewed.get(0).payloadJson()).contains("\"served\":\"0-4999\"").contains("\"requests\":5")
			.contains("\"object\":\"original\"");
		assertThat(jdbc.sql("select count(*) from access_viewing where recording_id = :id and closed = false")
			.param("id", recording).query(Long.class).single()).isZero();
	}

	@Test
	void aRecordingWhoseRowWasChangedBehindTheLedgerIsNotServedUnderTheForgedHash() throws Exception {
		String sha256 = jdbc.sql("select sha256 from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		jdbc.sql("update recording_recording set sha256 = :forged where id = :id").param("forged", "e".repeat(64))
			.param("id", recording).update();
		try {
			var response = mvc.perform(get("/api/v1/recordings/" + recording + "/content").session(officer))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("invariant 3")))
				.andReturn().getResponse();
			assertThat(response.getHeader("ETag")).isNull();
			assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("SHA-256");
		}
		finally {
			// The test context is shared: other tests verify the ledger and its registers.
			jdbc.sql("update recording_recording set sha256 = :sha256 where id = :id").param("sha256", sha256)
				.param("id", recording).update();
		}
		mvc.perform(get("/api/v1/recordings/" + recording + "/content").session(officer))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"" + sha256 + "\""));
	}

	@Test
	void aFileGoneFromTheStoreIsAClearErrorAndAnAlarmNotAServerError() throws Exception {
		String key = jdbc.sql("select blob_key from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		Path stored = custodia.dataDir().resolve("store").resolve(key);
		Path aside = stored.resolveSibling(stored.getFileName() + ".aside");
		// watched a moment ago: the playback decision is fresh, and the file must still be checked
		mvc.perform(get("/api/v1/recordings/" + recording + "/content").session(officer).header("Range", "bytes=0-9"))
			.andExpect(status().isPartialContent());
		Files.move(stored, aside);
		try {
			mvc.perform(get("/api/v1/recordings/" + recording + "/content").session(officer).header("Accept-Language", "en"))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("存储盘可能未挂载")));
			assertThat(ledger.about(AGENCY, List.of(recording.toString()), 100)).extracting(LedgerEntry::action)
				.contains("recording.file-missing");
		}
		finally {
			Files.move(aside, stored);
		}
	}

	@Test
	void aRecordingBrowsersCannotPlayIsWatchedThroughItsProxyAndCopiesAreNewObjects() throws Exception {
		String base = "/api/v1/recordings/" + recording;
		// sample_mpeg4.mp4 is MPEG-4 Part 2 video, which browsers do not play: its proxy was asked for at import.
		mvc.perform(get(base + "/playback").session(officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.source.kind").value("original"))
			.andExpect(jsonPath("$.source.proxyState").value("PENDING"));
		copies.workPending();
		String proxyUrl = JsonPath.read(mvc.perform(get(base + "/playback").session(officer))
			.andExpect(jsonPath("$.source.kind").value("proxy"))
			.andExpect(jsonPath("$.history[*].action").value(org.hamcrest.Matchers.hasItems("recording.ingested",
					"media.proxy-requested", "media.derived-made")))
			.andReturn().getResponse().getContentAsString(), "$.source.url");
		byte[] proxyStart = mvc.perform(get(proxyUrl).session(officer).header("Range", "bytes=0-99"))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Type", "video/mp4"))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(proxyStart).hasSize(100).isNotEqualTo(Arrays.copyOf(original, 100));

		String clip = JsonPath.read(mvc.perform(post(base + "/clips").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"fromSeconds\":1.0,\"toSeconds\":3.0}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.kind").value("CLIP"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(get(base + "/derived/" + clip + "/content").session(officer)).andExpect(status().isConflict());
		mvc.perform(post(base + "/clips").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"fromSeconds\":12.0,\"toSeconds\":5.0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("5.0")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("12.0")))
			.andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("a clip lies within its recording")));
		mvc.perform(post(base + "/clips").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"fromSeconds\":1.0,\"toSeconds\":3600.0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("3600.0")));
		mvc.perform(post(base + "/watermarked").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value("002 art. 16"));
		// a court's copy: entered by the keeper of the register, approved by the leader in charge (002 art. 18)
		String clerk = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		String court = JsonPath.read(mvc.perform(post("/api/v1/access-requests").header("Authorization", clerk)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"recordings":["%s"],"requesterKind":"judicial-and-supervisory","requesterName":"李法官",
						 "onBehalfOf":"某区人民法院","reason":"审理案件","actions":["COPY"]}""".formatted(recording)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String leader = accounts.bearer(mvc, accounts.create(AGENCY, Role.LEADER_IN_CHARGE));
		mvc.perform(post("/api/v1/access-requests/" + court + "/decision").header("Authorization", leader)
				.contentType(MediaType.APPLICATION_JSON).content("{\"approved\":true}"))
			.andExpect(status().isOk());
		mvc.perform(post(base + "/watermarked").header("Authorization", clerk)
				.contentType(MediaType.APPLICATION_JSON).content("{\"requestId\":\"" + court + "\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.kind").value("WATERMARKED"))
			.andExpect(jsonPath("$.madeFor").value("李法官（某区人民法院）"));
		copies.workPending();

		List<String> hashes = JsonPath.read(mvc.perform(get(base + "/derived").session(officer))
			.andExpect(jsonPath("$[*].state").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("READY"))))
			.andExpect(jsonPath("$[*].recordingId").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(recording.toString()))))
			.andReturn().getResponse().getContentAsString(), "$[*].sha256");
		String originalSha = jdbc.sql("select sha256 from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		assertThat(hashes).hasSize(3).doesNotHaveDuplicates().doesNotContain(originalSha);
		String key = jdbc.sql("select blob_key from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		assertThat(Files.readAllBytes(custodia.dataDir().resolve("store").resolve(key))).isEqualTo(original);
	}

	@Test
	void aProxyThatCannotBeMadeIsExplainedOnThePageAndTheOriginalStillPlaysWithoutADownloadLink() throws Exception {
		AccessFixtures.Card card = AccessFixtures.cardWith("truncated.mp4", "broken.mp4");
		UUID broken = imports.importFolder(custodian, AGENCY, deviceNumber, accounts.account(officer).userId(),
				card.folder()).get(0).recordingId();
		Approvals.approved(mvc, accounts, AGENCY, officer, List.of(broken), "WATCH");
		String base = "/api/v1/recordings/" + broken;
		mvc.perform(post(base + "/proxy").session(officer).with(csrf())).andExpect(status().is2xxSuccessful());
		copies.workPending();

		mvc.perform(get(base + "/playback").session(officer))
			.andExpect(jsonPath("$.source.kind").value("original"))
			.andExpect(jsonPath("$.source.proxyState").value("FAILED"))
			.andExpect(jsonPath("$.source.problemCode").value("nothing-decoded"));
		String page = mvc.perform(get("/recordings/" + broken).session(officer))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"proxy-failed\"").contains("原件中没有可解码的画面或声音")
			.doesNotContain("id=\"download-original\"").contains("id=\"viewer-mark\"");
		mvc.perform(get(base + "/content").session(officer)).andExpect(status().isOk())
			.andExpect(content().bytes(card.bytes()));
	}

	@Test
	void anMp4NamedAviOr3gpPlaysAsItIsWithNoCopyMadeAndIsServedAsAnMp4() throws Exception {
		for (String name : List.of("MOV_0003.AVI", "MOV_0004.3GP")) {
			// H.264 and AAC in an MP4, which every browser plays, under a name that says otherwise
			AccessFixtures.Card card = AccessFixtures.cardWith("Tiny Sample - NEW - Metaxed.mp4", name);
			UUID renamed = imports.importFolder(custodian, AGENCY, deviceNumber, accounts.account(officer).userId(),
					card.folder()).get(0).recordingId();
			EventDeliveries.awaitAll(events);
			Approvals.approved(mvc, accounts, AGENCY, officer, List.of(renamed), "WATCH");
			String base = "/api/v1/recordings/" + renamed;
			mvc.perform(post(base + "/proxy").session(officer).with(csrf())).andExpect(status().is2xxSuccessful());
			copies.workPending();

			assertThat(jdbc.sql("select count(*) from media_derived where recording_id = :id").param("id", renamed)
				.query(Long.class).single()).as(name + ": no proxy asked for or made").isZero();
			assertThat(jdbc.sql("select content_type from recording_recording where id = :id").param("id", renamed)
				.query(String.class).single()).as(name).isEqualTo("video/mp4");
			mvc.perform(get(base + "/playback").session(officer))
				.andExpect(jsonPath("$.source.kind").value("original"))
				.andExpect(jsonPath("$.source.contentType").value("video/mp4"))
				.andExpect(jsonPath("$.source.proxyState").doesNotExist());
			mvc.perform(get(base + "/content").session(officer))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "video/mp4"))
				.andExpect(content().bytes(card.bytes()));

			// a clip keeps the kind of container the bytes are, whatever the name
			String clip = JsonPath.read(mvc.perform(post(base + "/clips").session(officer).with(csrf())
					.contentType(MediaType.APPLICATION_JSON).content("{\"fromSeconds\":3.0,\"toSeconds\":7.0}"))
				.andExpect(status().isAccepted())
				.andReturn().getResponse().getContentAsString(), "$.id");
			copies.workPending();
			mvc.perform(get(base + "/derived/" + clip + "/content").session(officer).header("Range", "bytes=0-11"))
				.andExpect(status().isPartialContent())
				.andExpect(header().string("Content-Type", "video/mp4"));
		}
	}

	@Test
	void theRegisterListsTheRecordingAndItsPlayerPageShowsWhatItIsToThoseWhoMayWatch() throws Exception {
		String sha = jdbc.sql("select sha256 from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		String register = mvc.perform(get("/recordings").session(officer))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(register).contains("/recordings/" + recording).contains("clip.mp4");
		String page = mvc.perform(get("/recordings/" + recording).session(officer))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(sha).contains("id=\"player\"").contains("recording.ingested")
			.contains("/api/v1/recordings/" + recording + "/strip/9").doesNotContain("id=\"watermark-form\"")
			// the times the file gave, in words, the chosen one marked
			.contains("id=\"time-claims\"").contains("容器创建时间").contains("设备上的文件修改时间")
			.contains("data-chosen=\"true\"").contains("id=\"time-reason\"").doesNotContain("QuickTime:CreateDate</td>");
		// 4.97 s of playing time and 245,795 bytes, as people say them
		assertThat(page).contains("<span>0:05</span>").contains(">video/mp4 · 240 KB</dd>").contains("245,795 字节")
			.doesNotContain(" s</dd>");
		MockHttpSession colleague = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		String restricted = mvc.perform(get("/recordings/" + recording).session(colleague)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(restricted).contains("id=\"request-access\"").contains("clip.mp4").doesNotContain("id=\"player\"")
			.doesNotContain("/content");
	}

	private List<LedgerEntry> viewedEntries() {
		return ledger.about(AGENCY, List.of(recording.toString()), 100)
			.stream()
			.filter(entry -> entry.action().equals("recording.viewed"))
			.toList();
	}
}
