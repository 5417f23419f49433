package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.ImportResult;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.media.DerivedCopies;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.EventDeliveries;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * Access requests end to end over the API: nobody watches or copies an original without an approval in force
 * or the case handler's direct view; the approver is the one the agency's rules name, never the requester;
 * outsiders' requests are entered by the register's keeper with their documents; every view, copy and public use
 * is a line of the register, which prints as CSV and PDF.
 */
@CustodiaIntegrationTest
class AccessRequestsIntegrationTests {

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
	AccessRequestEnds ends;

	@Autowired
	Ledger ledger;

	@Autowired
	DerivedCopies copies;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry events;

	/** One recording of the agency, by an officer of its first unit; returns its id and the officer's username. */
	record Imported(UUID recording, String officer, byte[] bytes) {
	}

	Imported imported(String agency) throws Exception {
		String officer = accounts.createInUnit(agency, 0, Role.OFFICER);
		Actor custodian = accounts.account(accounts.signedIn(mvc, agency, Role.CUSTODIAN));
		String device = "AR-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(agency, device, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "clip.mp4");
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, agency, device, accounts.idOf(officer),
				card.folder());
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED);
		EventDeliveries.awaitAll(events);
		return new Imported(outcomes.get(0).recordingId(), officer, card.bytes());
	}

	@Test
	void theOriginalIsRefusedWithoutAnApprovalAndServedWithOneApprovedByTheLeaderInChargeAndRegistered() throws Exception {
		Imported imported = imported("fengnan-medins");
		String officer = accounts.bearer(mvc, imported.officer());
		String content = "/api/v1/recordings/" + imported.recording() + "/content";
		mvc.perform(get(content).header("Authorization", officer))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("调阅申请")))
			.andExpect(jsonPath("$.rule").value(containsString("002 art. 16")));

		String request = JsonPath.read(json(post("/api/v1/access-requests"), officer, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"复核现场执法是否规范","actions":["WATCH"]}"""
			.formatted(imported.recording())).andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("SUBMITTED"))
			.andExpect(jsonPath("$.approvers").value("leader-in-charge"))
			.andExpect(jsonPath("$.cite").value("002 art. 16; 002 art. 17"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(get(content).header("Authorization", officer)).andExpect(status().isForbidden());

		String chief = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CHIEF));
		json(post("/api/v1/access-requests/" + request + "/decision"), chief, "{\"approved\":true}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("分管领导")));
		String leaderName = accounts.create("fengnan-medins", Role.LEADER_IN_CHARGE);
		String leader = accounts.bearer(mvc, leaderName);
		mvc.perform(get("/api/v1/access-requests?inbox=true").header("Authorization", leader))
			.andExpect(jsonPath("$[?(@.id == '" + request + "')]").exists());
		assertThat(notices.noticesFor(new org.custodia.shared.TestActor(accounts.idOf(leaderName), leaderName,
				java.util.Optional.of("fengnan-medins"), java.util.Set.of(Role.LEADER_IN_CHARGE)), java.util.Locale.SIMPLIFIED_CHINESE)).extracting(org.custodia.shared.Notices.Notice::text)
			.anyMatch(notice -> notice.contains("调阅申请等待您审批"));
		json(post("/api/v1/access-requests/" + request + "/decision"), leader, "{\"approved\":true,\"note\":\"同意\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"))
			.andExpect(jsonPath("$.recordings[0].granted").value(true));

		byte[] served = mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-99"))
			.andExpect(status().isPartialContent())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(served).containsExactly(java.util.Arrays.copyOf(imported.bytes(), 100));
		mvc.perform(get("/api/v1/access-register?recording=" + imported.recording()).header("Authorization", leader))
			.andExpect(jsonPath("$[0].kind").value("VIEW"))
			.andExpect(jsonPath("$[0].requestId").value(request))
			.andExpect(jsonPath("$[0].approvedBy").exists())
			.andExpect(jsonPath("$[0].reason").value("复核现场执法是否规范"))
			.andExpect(jsonPath("$[0].cite").value("002 art. 16; 002 art. 17"));
		List<String> actions = ledger.about("fengnan-medins", List.of(request), 10).stream().map(LedgerEntry::action).toList();
		assertThat(actions).containsExactly("access.requested", "access.decided");
	}

	@Test
	void nobodyDecidesHisOwnRequestAndAnApprovalExpiresAtItsEnd() throws Exception {
		Imported imported = imported("neiqiu-health");
		String chiefName = accounts.create("neiqiu-health", Role.CHIEF);
		String chief = accounts.bearer(mvc, chiefName);
		String request = JsonPath.read(json(post("/api/v1/access-requests"), chief, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"研判案情","actions":["WATCH"]}"""
			.formatted(imported.recording())).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		json(post("/api/v1/access-requests/" + request + "/decision"), chief, "{\"approved\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("本人")));

		String officer = accounts.bearer(mvc, imported.officer());
		String own = JsonPath.read(json(post("/api/v1/access-requests"), officer, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"撰写情况说明","actions":["WATCH"]}"""
			.formatted(imported.recording())).andReturn().getResponse().getContentAsString(), "$.id");
		json(post("/api/v1/access-requests/" + own + "/decision"), chief, "{\"approved\":true}")
			.andExpect(jsonPath("$.state").value("APPROVED"));
		String content = "/api/v1/recordings/" + imported.recording() + "/content";
		mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-9"))
			.andExpect(status().isPartialContent());

		clock.advance(Duration.ofDays(7).plusMinutes(1));
		try {
			Thread.sleep(RecentPlayables.FRESH.toMillis() + 100);
			mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-9"))
				.andExpect(status().isForbidden());
			// the scheduled sweep may have marked it a moment ago; either way it is expired once
			ends.expireDue();
			mvc.perform(get("/api/v1/access-requests/" + own).header("Authorization", officer))
				.andExpect(jsonPath("$.state").value("EXPIRED"));
			assertThat(ledger.about("neiqiu-health", List.of(own), 10)).extracting(LedgerEntry::action)
				.containsExactly("access.requested", "access.decided", "access.expired");
		}
		finally {
			clock.advance(Duration.ofDays(7).plusMinutes(1).negated());
		}
	}

	@Test
	void aHolderWhoMovesToAnotherUnitLosesHisApprovalAtOnce() throws Exception {
		Imported imported = imported("kaifeng-audit");
		MockHttpSession officer = session(imported.officer());
		String request = JsonPath.read(mvc.perform(post("/api/v1/access-requests").session(officer).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"整理案卷","actions":["WATCH"]}"""
				.formatted(imported.recording())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String leader = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.LEADER_IN_CHARGE));
		String number = JsonPath.read(json(post("/api/v1/access-requests/" + request + "/decision"), leader, "{\"approved\":true}")
			.andExpect(jsonPath("$.state").value("APPROVED")).andReturn().getResponse().getContentAsString(), "$.number");
		String page = "/recordings/" + imported.recording();
		mvc.perform(get(page).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"viewer-mark\"")))
			.andExpect(content().string(containsString(number)));

		UUID otherUnit = jdbc.sql("select id from identity_unit where agency_code = 'kaifeng-audit' and id <> "
				+ "(select unit_id from identity_user where username = :username) order by id limit 1")
			.param("username", imported.officer()).query(UUID.class).single();
		String administrator = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.ADMINISTRATOR));
		json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/"
				+ accounts.idOf(imported.officer()) + "/unit"), administrator,
				"{\"unitId\":\"" + otherUnit + "\",\"reason\":\"调往法制科\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.unitId").value(otherUnit.toString()));
		mvc.perform(get(page).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"request-access\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"viewer-mark\""))));
		Thread.sleep(RecentPlayables.FRESH.toMillis() + 100);
		mvc.perform(get("/api/v1/recordings/" + imported.recording() + "/content").session(officer))
			.andExpect(status().isForbidden());
	}

	@Test
	void anApprovalLengthenedOrWidenedBehindTheLedgerShowsInTheVerification() throws Exception {
		Imported imported = imported("zhanhe-health");
		String officer = accounts.bearer(mvc, imported.officer());
		String request = Approvals.toWatch(mvc, accounts, "zhanhe-health", officer, imported.recording());
		String supervisor = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.SUPERVISOR));
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
			.andExpect(jsonPath("$.intact").value(true));
		java.sql.Timestamp until = jdbc.sql("select expires_at from access_request where id = :id")
			.param("id", UUID.fromString(request)).query(java.sql.Timestamp.class).single();
		jdbc.sql("update access_request set expires_at = :later where id = :id")
			.param("later", java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(3650))))
			.param("id", UUID.fromString(request)).update();
		try {
			mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.disagreements[?(@.table == 'access_request')].field").value(org.hamcrest.Matchers.contains("until")));
		}
		finally {
			jdbc.sql("update access_request set expires_at = :until where id = :id").param("until", until)
				.param("id", UUID.fromString(request)).update();
		}
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
			.andExpect(jsonPath("$.intact").value(true));
	}

	@Test
	void twoClerksEnteringAtOnceGetEachRequestItsOwnNumber() throws Exception {
		Imported imported = imported("kaifeng-audit");
		List<org.custodia.shared.TestActor> clerks = java.util.stream.Stream.of(1, 2).map(n -> {
			String name = accounts.create("kaifeng-audit", Role.CUSTODIAN);
			return new org.custodia.shared.TestActor(accounts.idOf(name), name, java.util.Optional.of("kaifeng-audit"),
					java.util.Set.of(Role.CUSTODIAN));
		}).toList();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<List<String>>> entered = clerks.stream().map(clerk -> pool.submit(() -> {
				start.await();
				List<String> numbers = new java.util.ArrayList<>();
				for (int i = 0; i < 8; i++) {
					numbers.add(requests.submit(clerk, new AccessRequests.NewRequest(List.of(imported.recording()), null, null,
							"judicial-and-supervisory", "检察官" + i, false, "开封市人民检察院", "审查案件", List.of("WATCH"))).number());
				}
				return numbers;
			})).toList();
			start.countDown();
			List<String> numbers = new java.util.ArrayList<>();
			for (java.util.concurrent.Future<List<String>> future : entered) {
				numbers.addAll(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
			}
			assertThat(numbers).hasSize(16).doesNotHaveDuplicates().allMatch(number -> number.matches("2026-\\d{4}"));
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Autowired
	AccessRequests requests;

	@Test
	void aHolderWhoLeavesTheAgencyLosesHisApprovalAndSignsInNoMore() throws Exception {
		Imported imported = imported("neiqiu-health");
		String officer = accounts.bearer(mvc, imported.officer());
		Approvals.toWatch(mvc, accounts, "neiqiu-health", officer, imported.recording());
		String content = "/api/v1/recordings/" + imported.recording() + "/content";
		mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-9"))
			.andExpect(status().isPartialContent());
		String administrator = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.ADMINISTRATOR));
		json(post("/api/v1/users/" + accounts.idOf(imported.officer()) + "/departure"), administrator, "{}")
			.andExpect(status().isBadRequest());
		json(post("/api/v1/users/" + accounts.idOf(imported.officer()) + "/departure"), administrator,
				"{\"reason\":\"调离本局\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-9"))
			.andExpect(status().isUnauthorized());
		assertThat(ledger.about("neiqiu-health", List.of(accounts.idOf(imported.officer()).toString()), 50))
			.extracting(LedgerEntry::action).contains("user.departed");
		Actor departed = new org.custodia.shared.TestActor(accounts.idOf(imported.officer()), imported.officer(),
				java.util.Optional.of("neiqiu-health"), java.util.Set.of(Role.OFFICER));
		assertThat(grants.basis(departed, recordings.find(imported.recording()).orElseThrow(),
				org.custodia.policy.AccessMatrix.Use.WATCH)).as("the approval is gone with him").isEmpty();
	}

	@Autowired
	AccessGrants grants;

	@Autowired
	AccessRequestNotices notices;

	@Autowired
	org.custodia.recording.RecordingRegister recordings;

	/** A browser session of an existing user, who signs in and replaces his one-time password. */
	private MockHttpSession session(String username) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
			.param("password", TestAccounts.PASSWORD));
		mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", TestAccounts.PASSWORD + "-new").param("confirmPassword", TestAccounts.PASSWORD + "-new"));
		return session;
	}

	@Test
	void aCourtsRequestIsEnteredByTheKeeperWithItsDocumentsCheckedThenWatchedAndCopiedAsArticleSixAllows() throws Exception {
		Imported imported = imported("pingdingshan-culture");
		String officer = accounts.bearer(mvc, imported.officer());
		String outsider = """
				{"recordings":["%s"],"requesterKind":"judicial-and-supervisory","requesterName":"王法官",
				 "onBehalfOf":"平顶山市卫东区人民法院","reason":"审理行政诉讼案件","actions":["WATCH","COPY"]}"""
			.formatted(imported.recording());
		json(post("/api/v1/access-requests"), officer, outsider)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value("001-access art. 3"));
		String clerk = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.CUSTODIAN));
		String request = JsonPath.read(json(post("/api/v1/access-requests"), clerk, outsider)
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("SUBMITTED"))
			.andExpect(jsonPath("$.cite").value("001-access art. 6"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		json(post("/api/v1/access-requests/" + request + "/decision"), clerk, "{\"approved\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("单位介绍信")))
			.andExpect(jsonPath("$.detail").value(containsString("申请人有效证件")));
		byte[] letter = "%PDF-1.4 介绍信".getBytes(StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/access-requests/" + request + "/documents")
			.file(new MockMultipartFile("file", "介绍信.pdf", "application/pdf", letter))
			.param("kind", "letter-of-introduction").header("Authorization", clerk))
			.andExpect(status().isCreated());
		mvc.perform(multipart("/api/v1/access-requests/" + request + "/documents")
			.file(new MockMultipartFile("file", "empty.jpg", "image/jpeg", new byte[0]))
			.param("kind", "applicant-id").header("Authorization", clerk))
			.andExpect(status().isBadRequest());
		String documents = mvc.perform(multipart("/api/v1/access-requests/" + request + "/documents")
			.file(new MockMultipartFile("file", "../../证件.jpg", "image/jpeg", new byte[] { 1, 2, 3 }))
			.param("kind", "applicant-id").header("Authorization", clerk))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.documents[?(@.kind == 'applicant-id')].originalName").value(org.hamcrest.Matchers.contains("证件.jpg")))
			.andReturn().getResponse().getContentAsString();
		String letterId = JsonPath.<List<String>>read(documents, "$.documents[?(@.kind == 'letter-of-introduction')].id").get(0);
		mvc.perform(get("/api/v1/access-requests/documents/" + letterId).header("Authorization", clerk))
			.andExpect(status().isOk())
			.andExpect(content().bytes(letter));

		json(post("/api/v1/access-requests/" + request + "/decision"), clerk, "{\"approved\":true,\"note\":\"材料核实无误\"}")
			.andExpect(jsonPath("$.state").value("APPROVED"));
		mvc.perform(get("/api/v1/recordings/" + imported.recording() + "/content").header("Authorization", clerk)
			.header("Range", "bytes=0-9")).andExpect(status().isPartialContent());
		mvc.perform(get("/api/v1/recordings/" + imported.recording() + "/content").header("Authorization", officer))
			.andExpect(status().isForbidden());

		String copy = JsonPath.read(json(post("/api/v1/access-requests/" + request + "/copies"), clerk,
				"{\"recordingId\":\"" + imported.recording() + "\",\"use\":\"COPY\"}")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.madeFor").value("王法官（平顶山市卫东区人民法院）"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		copies.workPending();
		byte[] handedOver = mvc.perform(get("/api/v1/recordings/" + imported.recording() + "/derived/" + copy + "/content")
			.header("Authorization", clerk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(handedOver).isNotEmpty().isNotEqualTo(imported.bytes());
		viewings.closeAll();

		mvc.perform(get("/api/v1/access-register?recording=" + imported.recording()).header("Authorization", clerk))
			.andExpect(jsonPath("$[*].kind", org.hamcrest.Matchers.containsInAnyOrder("VIEW", "COPY", "RELEASE")))
			.andExpect(jsonPath("$[0].forWhom").value("王法官（平顶山市卫东区人民法院）"));
		String csv = mvc.perform(get("/api/v1/access-register?format=csv&recording=" + imported.recording())
			.header("Authorization", clerk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFF序号,时间,查阅人").contains("王法官（平顶山市卫东区人民法院）", "交付", "复制",
				"《平顶山市文化广电和旅游局执法音像记录调阅制度》第六条");
		byte[] pdf = mvc.perform(get("/api/v1/access-register?format=pdf&recording=" + imported.recording())
			.header("Authorization", clerk)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("音像记录查阅登记簿", "查阅人", "批准人", "王法官", "审理行政诉讼案件", "交付")
				.doesNotContain(" art. ");
		}
	}

	@Test
	void theCaseHandlerViewsHisCaseDirectlyWhereArticleFourSaysSoAndTheViewIsRegistered() throws Exception {
		Imported imported = imported("zhanhe-health");
		String officer = accounts.bearer(mvc, imported.officer());
		String caseId = JsonPath.read(json(post("/api/v1/cases"), officer, """
				{"number":"湛卫执〔2026〕%s号","name":"某诊所案","handlers":["%s"]}"""
			.formatted(UUID.randomUUID().toString().substring(0, 6), accounts.idOf(imported.officer())))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
		String content = "/api/v1/recordings/" + imported.recording() + "/content";
		mvc.perform(get(content).header("Authorization", officer)).andExpect(status().isForbidden());
		String type = jdbc.sql("select 1").query(Integer.class).single() == 1 ? firstActivityType("zhanhe-health") : null;
		json(post("/api/v1/activities/from-recording"), officer, """
				{"recordingId":"%s","type":"%s","place":"某诊所","caseId":"%s"}""".formatted(imported.recording(), type, caseId))
			.andExpect(status().isCreated());
		Thread.sleep(RecentPlayables.FRESH.toMillis() + 100);
		mvc.perform(get(content).header("Authorization", officer).header("Range", "bytes=0-9"))
			.andExpect(status().isPartialContent());
		mvc.perform(get("/api/v1/access-register?recording=" + imported.recording()).header("Authorization", officer))
			.andExpect(jsonPath("$[0].kind").value("DIRECT_VIEW"))
			.andExpect(jsonPath("$[0].cite").value("003-access art. 4"));

		String other = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.OFFICER));
		json(post("/api/v1/access-requests"), other, """
				{"recordings":["%s"],"requesterKind":"case-handler","actions":["WATCH"]}""".formatted(imported.recording()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("003-access art. 4"));
		json(post("/api/v1/access-requests"), officer, """
				{"caseId":"%s","requesterKind":"case-handler","actions":["COPY"]}""".formatted(caseId))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.approvers").value("legal-head"))
			.andExpect(jsonPath("$.recordings[0].recordingId").value(imported.recording().toString()));
	}

	@Test
	void usesTheRulesDoNotProvideForAreRefusedWithTheirArticleAndTheAdministratorNeverWatches() throws Exception {
		Imported imported = imported("neiqiu-health");
		String officer = accounts.bearer(mvc, imported.officer());
		json(post("/api/v1/access-requests"), officer, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"留存","actions":["COPY"]}"""
			.formatted(imported.recording()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("本单位其他工作人员")))
			.andExpect(jsonPath("$.detail").value(containsString("复制")))
			.andExpect(jsonPath("$.rule").value("000 art. 15"));
		json(post("/api/v1/access-requests"), officer, """
				{"recordings":["%s"],"requesterKind":"other-staff","actions":["WATCH"]}""".formatted(imported.recording()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("事由")));
		String elsewhere = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER));
		json(post("/api/v1/access-requests"), elsewhere, """
				{"recordings":["%s"],"requesterKind":"other-staff","reason":"x","actions":["WATCH"]}""".formatted(imported.recording()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/recordings/" + imported.recording() + "/content")
			.header("Authorization", accounts.administratorBearer(mvc)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aPartApprovalGrantsOnlyTheRecordingsChosenAndPublicUseIsRegisteredAtItsApproval() throws Exception {
		Imported first = imported("fengnan-medins");
		Imported second = imported("fengnan-medins");
		String officer = accounts.bearer(mvc, first.officer());
		String request = JsonPath.read(json(post("/api/v1/access-requests"), officer, """
				{"recordings":["%s","%s"],"requesterKind":"other-staff","reason":"普法宣传","actions":["WATCH","PUBLIC_USE"]}"""
			.formatted(first.recording(), second.recording())).andReturn().getResponse().getContentAsString(), "$.id");
		String leader = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.LEADER_IN_CHARGE));
		json(post("/api/v1/access-requests/" + request + "/decision"), leader,
				"{\"approved\":true,\"recordings\":[\"" + second.recording() + "\"]}")
			.andExpect(jsonPath("$.state").value("PARTLY_APPROVED"));
		mvc.perform(get("/api/v1/recordings/" + first.recording() + "/content").header("Authorization", officer))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/recordings/" + second.recording() + "/content").header("Authorization", officer)
			.header("Range", "bytes=0-9")).andExpect(status().isPartialContent());
		mvc.perform(get("/api/v1/access-register?recording=" + second.recording()).header("Authorization", leader))
			.andExpect(jsonPath("$[?(@.kind == 'PUBLIC_USE')].cite").value(org.hamcrest.Matchers.hasItem("002 art. 16; 002 art. 17; 002 art. 18; 002 art. 19")));
		mvc.perform(get("/api/v1/access-register?recording=" + first.recording()).header("Authorization", leader))
			.andExpect(jsonPath("$[?(@.kind == 'PUBLIC_USE')]").isEmpty());
	}

	private String firstActivityType(String agency) throws Exception {
		String officer = accounts.bearer(mvc, accounts.create(agency, Role.OFFICER));
		return JsonPath.read(mvc.perform(get("/api/v1/activities/types").header("Authorization", officer))
			.andReturn().getResponse().getContentAsString(), "$[0].code");
	}

	private ResultActions json(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String bearer, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
