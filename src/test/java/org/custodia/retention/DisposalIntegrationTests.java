package org.custodia.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobRemoval;
import org.custodia.storage.StorageException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Approved disposal on the whole application: proposed by the custodian from the expired list, approved by the legal
 * head (never the proposer), carried out after the waiting period through the store's one removing path, leaving the
 * tombstone, the ledger entries and the disposal list; holds, unexpired recordings and unset periods stop it at every
 * step, and a crash between the commit and the removal is finished by the recovery.
 */
@CustodiaIntegrationTest
class DisposalIntegrationTests {

	static final Path SECOND_ROOT = TestDatabases.newDataDirectory().resolve("second");

	static final String AGENCY = "fengnan-medins";

	@DynamicPropertySource
	static void secondRoot(DynamicPropertyRegistry registry) {
		registry.add("custodia.storage.second-root", SECOND_ROOT::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister register;

	@Autowired
	DerivedCopies copies;

	@Autowired
	Disposals disposals;

	@Autowired
	BlobRemoval removal;

	@Autowired
	DisposalWarrants warrants;

	@Autowired
	Ledger ledger;

	@Autowired
	MutableClock clock;

	@Autowired
	org.custodia.shared.CustodiaProperties custodia;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final Instant started = CustodiaIntegrationTest.START;

	@AfterEach
	void resetClockAndHooks() {
		clock.set(started);
		disposals.afterCommit(null);
		disposals.beforeCommit(null);
	}

	@Test
	void proposedApprovedByAnotherAndCarriedOutAfterTheWaitLeavingATombstoneTheLedgerAndTheList() throws Exception {
		String custodianName = accounts.create(AGENCY, Role.CUSTODIAN, Role.LEGAL_HEAD);
		String custodian = accounts.bearer(mvc, custodianName);
		String legalHead = accounts.bearer(mvc, accounts.create(AGENCY, Role.LEGAL_HEAD));
		UUID officer = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		UUID disposed = imported(AGENCY, officer);
		UUID struck = imported(AGENCY, officer);
		Recording original = register.find(disposed).orElseThrow();
		Actor system = TestActor.of("disposal-test", AGENCY, Role.CUSTODIAN);
		DerivedCopy clip = copies.requestClip(system, original.asOriginal(), 0, 1500);
		copies.workPending();
		clip = copies.byId(clip.id()).orElseThrow();
		assertThat(clip.state()).isEqualTo(DerivedCopy.State.READY);
		// the two recordings hold the same pictures: their proxies are the same bytes, stored once under one key
		String proxy = copies.of(disposed).stream().filter(copy -> copy.kind() == DerivedCopy.Kind.PROXY).findFirst()
			.orElseThrow().storeKey();
		assertThat(copies.of(struck).stream().filter(copy -> copy.kind() == DerivedCopy.Kind.PROXY).findFirst()
			.orElseThrow().storeKey()).isEqualTo(proxy);

		mvc.perform(get("/api/v1/recordings/" + disposed + "/retention").header("Authorization", custodian))
			.andExpect(jsonPath("$.copies[?(@.kind == 'CLIP')].copyId").value(org.hamcrest.Matchers.contains(clip.id().toString())))
			.andExpect(jsonPath("$.copies[1].keepUntil").value(JsonPath.<String>read(mvc.perform(get("/api/v1/recordings/"
					+ disposed + "/retention").header("Authorization", custodian)).andReturn().getResponse().getContentAsString(),
					"$.keepUntil")));
		String expired = mvc.perform(get("/api/v1/disposals/expired").header("Authorization", custodian))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(expired).contains(disposed.toString(), struck.toString());

		json(post("/api/v1/disposals"), custodian, """
				{"recordingIds":["%s","%s"]}""".formatted(disposed, struck))
			.andExpect(status().isBadRequest());
		String body = json(post("/api/v1/disposals"), custodian, """
				{"recordingIds":["%s","%s"],"reason":"保存期限届满，经核查无保存价值"}""".formatted(disposed, struck))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("PROPOSED"))
			.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("2026-\\d{4}")))
			.andExpect(jsonPath("$.approvers").value("legal-head"))
			.andReturn().getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String number = JsonPath.read(body, "$.number");
		// on a list already: not proposed twice
		json(post("/api/v1/disposals"), custodian, """
				{"recordingIds":["%s"],"reason":"无保存价值"}""".formatted(disposed))
			.andExpect(status().isConflict());

		// the proposer holds the approver's role too, and still may not approve his own list
		json(post("/api/v1/disposals/" + id + "/approval"), custodian, "{}")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("提出人")));
		json(post("/api/v1/disposals/" + id + "/approval"), accounts.bearer(mvc, accounts.create(AGENCY, Role.SUPERVISOR)), "{}")
			.andExpect(status().isForbidden());
		json(post("/api/v1/disposals/" + id + "/approval"), legalHead, """
				{"struck":["%s"]}""".formatted(struck))
			.andExpect(status().isBadRequest());
		json(post("/api/v1/disposals/" + id + "/approval"), legalHead, """
				{"struck":["%s"],"note":"该记录涉及信访，暂不销毁"}""".formatted(struck))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("APPROVED"))
			.andExpect(jsonPath("$.waitUntil").value(started.plus(Duration.ofDays(7)).toString()))
			.andExpect(jsonPath("$.items[1].struck").value(true));

		Path store = custodia.dataDir().resolve("store");
		assertThat(disposals.executeDue()).isZero();
		assertThat(store.resolve(original.blobKey())).exists();
		assertThat(SECOND_ROOT.resolve(original.blobKey())).exists();
		assertThat(store.resolve(clip.storeKey())).exists();
		// before the wait has passed the store refuses even a direct removal
		String key = original.blobKey();
		assertThatThrownBy(() -> removal.remove(key, warrants)).isInstanceOf(StorageException.class);

		clock.advance(Duration.ofDays(7).plusMinutes(1));
		assertThat(disposals.executeDue()).isOne();
		assertThat(store.resolve(original.blobKey())).doesNotExist();
		assertThat(SECOND_ROOT.resolve(original.blobKey())).doesNotExist();
		assertThat(store.resolve(clip.storeKey())).doesNotExist();
		assertThat(SECOND_ROOT.resolve(clip.storeKey())).doesNotExist();
		Recording kept = register.find(struck).orElseThrow();
		assertThat(store.resolve(proxy)).as("the kept recording's proxy names the same file").exists();
		assertThat(store.resolve(kept.blobKey())).exists();
		assertThat(SECOND_ROOT.resolve(kept.blobKey())).exists();
		assertThat(kept.disposed()).isFalse();

		// the tombstone: listed and found with its hashes, size and metadata, but nothing of it plays
		mvc.perform(get("/api/v1/recordings/" + disposed).header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recording.disposedAt").exists())
			.andExpect(jsonPath("$.recording.sha256").value(original.sha256()))
			.andExpect(jsonPath("$.recording.size").value(original.size()));
		mvc.perform(get("/api/v1/recordings/" + disposed + "/content").header("Authorization", custodian))
			.andExpect(status().isGone());
		mvc.perform(get("/api/v1/disposals/" + id).header("Authorization", custodian))
			.andExpect(jsonPath("$.state").value("EXECUTED"))
			.andExpect(jsonPath("$.filesRemovedAt").exists())
			.andExpect(jsonPath("$.items[0].outcome").value("DISPOSED"))
			.andExpect(jsonPath("$.items[0].sha256").value(original.sha256()));
		assertThat(ledger.about(AGENCY, List.of(id), 20)).extracting(LedgerEntry::action).contains(
				"retention.disposal-proposed", "retention.disposal-approved", "retention.disposal-executed",
				"retention.files-removed");
		assertThat(ledger.about(AGENCY, List.of(disposed.toString()), 20)).extracting(LedgerEntry::action)
			.contains("retention.disposed");
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization",
				accounts.bearer(mvc, accounts.create(AGENCY, Role.SUPERVISOR))))
			.andExpect(jsonPath("$.intact").value(true));

		// the integrity sweep knows what was disposed of: its files gone are no loss, and no file is left behind
		String sweep = JsonPath.read(mvc.perform(post("/api/v1/fixity/sweeps").header("Authorization", custodian))
			.andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
		String swept = "";
		for (int i = 0; i < 600 && !swept.contains("\"DONE\""); i++) {
			Thread.sleep(50);
			swept = mvc.perform(get("/api/v1/fixity/sweeps/" + sweep).header("Authorization", custodian))
				.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		assertThat(JsonPath.<String>read(swept, "$.state")).isEqualTo("DONE");
		assertThat(JsonPath.<List<String>>read(swept, "$.findings[*].storeKey")).doesNotContain(original.blobKey(),
				clip.storeKey());

		byte[] pdf = mvc.perform(get("/api/v1/disposals/" + id + "/sheet.pdf").header("Authorization", custodian))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("音像记录销毁清册", number, original.sha256(), kept.sha256(), "经办人", "审批人", "监销人",
					"保存期限届满，经核查无保存价值", "该记录涉及信访", "已销毁", "第十四条", /* made 2005-10-28 17:46:46 UTC, in Beijing the next day */ "2005-10-29");
		}
	}

	@Test
	void aHeldRecordingIsRefusedAtProposalAtApprovalAndAtExecution() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		String legalHead = accounts.bearer(mvc, accounts.create(AGENCY, Role.LEGAL_HEAD));
		UUID officer = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		UUID heldFirst = imported(AGENCY, officer);
		UUID heldBeforeApproval = imported(AGENCY, officer);
		UUID heldAfterApproval = imported(AGENCY, officer);

		hold(custodian, heldFirst);
		assertThat(mvc.perform(get("/api/v1/disposals/expired").header("Authorization", custodian))
			.andReturn().getResponse().getContentAsString()).doesNotContain(heldFirst.toString());
		json(post("/api/v1/disposals"), custodian, """
				{"recordingIds":["%s"],"reason":"无保存价值"}""".formatted(heldFirst))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("保全")));

		String second = proposed(custodian, heldBeforeApproval);
		hold(custodian, heldBeforeApproval);
		json(post("/api/v1/disposals/" + second + "/approval"), legalHead, "{}")
			.andExpect(status().isConflict());

		String third = proposed(custodian, heldAfterApproval);
		json(post("/api/v1/disposals/" + third + "/approval"), legalHead, "{}").andExpect(status().isOk());
		hold(custodian, heldAfterApproval);
		clock.advance(Duration.ofDays(8));
		disposals.executeDue();
		Recording recording = register.find(heldAfterApproval).orElseThrow();
		assertThat(recording.disposed()).isFalse();
		assertThat(custodia.dataDir().resolve("store").resolve(recording.blobKey())).exists();
		assertThat(SECOND_ROOT.resolve(recording.blobKey())).exists();
		mvc.perform(get("/api/v1/disposals/" + third).header("Authorization", custodian))
			.andExpect(jsonPath("$.state").value("EXECUTED"))
			.andExpect(jsonPath("$.items[0].outcome").value("KEPT"))
			.andExpect(jsonPath("$.items[0].outcomeNote").value("held"));
		assertThatThrownBy(() -> removal.remove(recording.blobKey(), warrants)).isInstanceOfSatisfying(StorageException.class,
				e -> assertThat(e.messageKey()).isEqualTo("error.blob-removal-refused"));
		assertThat(custodia.dataDir().resolve("store").resolve(recording.blobKey())).exists();
	}

	@Test
	void notExpiredAnUnsetPeriodAndCompleteKeepingLeaveNothingToPropose() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		UUID recording = imported(AGENCY, accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		String keepUntil = JsonPath.read(mvc.perform(get("/api/v1/recordings/" + recording + "/retention")
			.header("Authorization", custodian)).andReturn().getResponse().getContentAsString(), "$.keepUntil");
		clock.set(Instant.parse(keepUntil).minus(Duration.ofDays(1)));
		assertThat(mvc.perform(get("/api/v1/disposals/expired").header("Authorization", custodian))
			.andReturn().getResponse().getContentAsString()).doesNotContain(recording.toString());
		json(post("/api/v1/disposals"), custodian, """
				{"recordingIds":["%s"],"reason":"无保存价值"}""".formatted(recording))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("尚未届满")));
		clock.set(started);

		for (String agency : List.of("pingdingshan-culture", "neiqiu-health", "kaifeng-audit")) {
			String other = accounts.bearer(mvc, accounts.create(agency, Role.CUSTODIAN));
			UUID kept = imported(agency, accounts.idOf(accounts.create(agency, Role.OFFICER)));
			mvc.perform(get("/api/v1/disposals/expired").header("Authorization", other)).andExpect(status().isForbidden());
			json(post("/api/v1/disposals"), other, """
					{"recordingIds":["%s"],"reason":"无保存价值"}""".formatted(kept))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void aCrashBetweenTheCommitAndTheRemovalIsFinishedByTheRecoveryAndAFailureBeforeTheCommitLeavesRowAndBlob()
			throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		String legalHead = accounts.bearer(mvc, accounts.create(AGENCY, Role.LEGAL_HEAD));
		UUID officer = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		UUID failing = imported(AGENCY, officer);
		String first = proposed(custodian, failing);
		json(post("/api/v1/disposals/" + first + "/approval"), legalHead, "{}").andExpect(status().isOk());
		clock.advance(Duration.ofDays(8));
		Path store = custodia.dataDir().resolve("store");

		disposals.beforeCommit(id -> {
			throw new IllegalStateException("the database went away before the commit");
		});
		assertThatThrownBy(disposals::executeDue).isInstanceOf(IllegalStateException.class);
		Recording intact = register.find(failing).orElseThrow();
		assertThat(intact.disposed()).isFalse();
		assertThat(store.resolve(intact.blobKey())).exists();
		assertThat(SECOND_ROOT.resolve(intact.blobKey())).exists();
		mvc.perform(get("/api/v1/disposals/" + first).header("Authorization", custodian))
			.andExpect(jsonPath("$.state").value("APPROVED"));
		disposals.beforeCommit(null);

		disposals.afterCommit(id -> {
			throw new IllegalStateException("killed after the commit");
		});
		assertThatThrownBy(disposals::executeDue).isInstanceOf(IllegalStateException.class);
		Recording tombstone = register.find(failing).orElseThrow();
		assertThat(tombstone.disposed()).isTrue();
		assertThat(store.resolve(tombstone.blobKey())).exists();
		disposals.afterCommit(null);

		assertThat(disposals.finishRemovals()).isOne();
		assertThat(store.resolve(tombstone.blobKey())).doesNotExist();
		assertThat(SECOND_ROOT.resolve(tombstone.blobKey())).doesNotExist();
		assertThat(register.find(failing).orElseThrow().sha256()).isEqualTo(intact.sha256());
		assertThat(disposals.finishRemovals()).isZero();
		assertThat(ledger.about(AGENCY, List.of(first), 20)).extracting(LedgerEntry::action)
			.containsOnlyOnce("retention.files-removed");
	}

	@Test
	void theProposerOrApproverCancelsDuringTheWaitAndNothingIsRemoved() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		String legalHead = accounts.bearer(mvc, accounts.create(AGENCY, Role.LEGAL_HEAD));
		UUID recording = imported(AGENCY, accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		String id = proposed(custodian, recording);
		json(post("/api/v1/disposals/" + id + "/approval"), legalHead, "{}").andExpect(status().isOk());
		json(post("/api/v1/disposals/" + id + "/cancel"), accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER)),
				"{\"reason\":\"x\"}")
			.andExpect(status().isForbidden());
		json(post("/api/v1/disposals/" + id + "/cancel"), legalHead, "{\"reason\":\"\"}").andExpect(status().isBadRequest());
		json(post("/api/v1/disposals/" + id + "/cancel"), legalHead, "{\"reason\":\"发现该记录仍有参考价值\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CANCELLED"));
		clock.advance(Duration.ofDays(8));
		disposals.executeDue();
		Recording kept = register.find(recording).orElseThrow();
		assertThat(kept.disposed()).isFalse();
		assertThat(custodia.dataDir().resolve("store").resolve(kept.blobKey())).exists();
	}

	@Test
	void theRemovalRefusesAKeptRecordingsKeyAKeyLeavingTheStoreAndNoWarrant() throws Exception {
		UUID recording = imported(AGENCY, accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		String key = register.find(recording).orElseThrow().blobKey();
		assertThatThrownBy(() -> removal.remove(key, warrants)).isInstanceOfSatisfying(StorageException.class,
				e -> assertThat(e.messageKey()).isEqualTo("error.blob-removal-refused"));
		assertThatThrownBy(() -> removal.remove(key, null)).isInstanceOf(StorageException.class);
		assertThatThrownBy(() -> removal.remove("../" + key, k -> true)).isInstanceOfSatisfying(StorageException.class,
				e -> assertThat(e.messageKey()).isEqualTo("error.blob-key"));
		assertThat(custodia.dataDir().resolve("store").resolve(key)).exists();
		assertThat(SECOND_ROOT.resolve(key)).exists();
	}

	@Test
	void noHttpDeleteReachesARecordingOrACopyAndRemakingACopyKeepsTheStoredOne() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		UUID recording = imported(AGENCY, accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		Recording original = register.find(recording).orElseThrow();
		Actor system = TestActor.of("disposal-test", AGENCY, Role.CUSTODIAN);
		DerivedCopy clip = copies.requestClip(system, original.asOriginal(), 0, 1000);
		copies.workPending();
		clip = copies.byId(clip.id()).orElseThrow();
		Path store = custodia.dataDir().resolve("store");
		Path clipFile = store.resolve(clip.storeKey());
		Object inode = Files.readAttributes(clipFile, "unix:ino").get("ino");
		byte[] clipBytes = Files.readAllBytes(clipFile);

		for (String path : List.of("/api/v1/recordings/" + recording, "/api/v1/recordings/" + recording + "/content",
				"/api/v1/recordings/" + recording + "/derived/" + clip.id() + "/content",
				"/api/v1/recordings/" + recording + "/derived", "/api/v1/recordings/" + recording + "/retention")) {
			int code = mvc.perform(delete(path).header("Authorization", custodian)).andReturn().getResponse().getStatus();
			assertThat(code).as(path).isIn(404, 405);
		}
		assertThat(store.resolve(original.blobKey())).exists();
		assertThat(clipFile).exists();

		DerivedCopy again = copies.requestClip(system, original.asOriginal(), 0, 1000);
		copies.workPending();
		again = copies.byId(again.id()).orElseThrow();
		assertThat(again.state()).isEqualTo(DerivedCopy.State.READY);
		assertThat(Files.readAttributes(clipFile, "unix:ino").get("ino")).isEqualTo(inode);
		assertThat(Files.readAllBytes(clipFile)).isEqualTo(clipBytes);
	}

	@Test
	void theDisposalsPageProposesApprovesAndCancelsInChineseForThoseWhoMay() throws Exception {
		org.springframework.mock.web.MockHttpSession custodian = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);
		org.springframework.mock.web.MockHttpSession legalHead = accounts.signedIn(mvc, AGENCY, Role.LEGAL_HEAD);
		org.springframework.mock.web.MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		UUID recording = imported(AGENCY, accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));

		assertThat(page(officer, "/recordings")).doesNotContain("id=\"nav-disposals\"");
		String page = page(custodian, "/disposals");
		assertThat(page).contains("id=\"nav-disposals\"", "音像记录销毁", "value=\"" + recording + "\"", "第十四条", "批准后满7日执行")
			.doesNotContain(">PROPOSED<", ">EXECUTED<", "BASE_PERIOD", "base-period");
		mvc.perform(post("/disposals").session(custodian).with(csrf()).param("recording", recording.toString())
			.param("reason", "保存期限届满，经鉴定无保存价值"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("notice", containsString("等待审批")));
		String pending = page(legalHead, "/disposals");
		assertThat(pending).contains("id=\"nav-disposals\"", "待审批", "保存期限届满，经鉴定无保存价值", "class=\"approve-form\"");
		String id = pending.replaceAll("(?s)^.*?action=\"/disposals/([0-9a-f-]{36})/approval\".*$", "$1");
		assertThat(page(custodian, "/disposals")).as("the proposer is offered no approval of his own list")
			.doesNotContain("/disposals/" + id + "/approval");
		mvc.perform(post("/disposals/" + id + "/approval").session(legalHead).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(page(custodian, "/disposals")).contains("已批准，等待执行", "/disposals/" + id + "/cancel");
		mvc.perform(post("/disposals/" + id + "/cancel").session(custodian).with(csrf()).param("reason", "需要再核查"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(custodian, "/disposals")).contains("已撤销");

		String neiqiu = page(accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN), "/disposals");
		assertThat(neiqiu).contains("id=\"disposal-refused\"", "完整留存").doesNotContain("id=\"propose-form\"");
	}

	@Test
	void aDisposedRecordingsPageShowsItsTombstoneAndPlaysNothing() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		UUID recording = imported(AGENCY, accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		String id = proposed(custodian, recording);
		json(post("/api/v1/disposals/" + id + "/approval"), accounts.bearer(mvc, accounts.create(AGENCY, Role.LEGAL_HEAD)), "{}")
			.andExpect(status().isOk());
		clock.advance(Duration.ofDays(8));
		assertThat(disposals.executeDue()).isOne();
		String page = page(accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN), "/recordings/" + recording);
		assertThat(page).contains("id=\"disposed\"", "经批准销毁", register.find(recording).orElseThrow().sha256());
		assertThat(page(accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN), "/recordings")).contains("已销毁");

		// a disposal changed behind the ledger shows in the verification
		String supervisor = accounts.bearer(mvc, accounts.create(AGENCY, Role.SUPERVISOR));
		mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
			.andExpect(jsonPath("$.intact").value(true));
		jdbc.sql("update retention_disposal set state = 'CANCELLED' where id = :id").param("id", UUID.fromString(id)).update();
		try {
			mvc.perform(post("/api/v1/ledger/verification").header("Authorization", supervisor))
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.disagreements[?(@.table == 'retention_disposal')].field")
					.value(org.hamcrest.Matchers.contains("state")));
		}
		finally {
			jdbc.sql("update retention_disposal set state = 'EXECUTED' where id = :id").param("id", UUID.fromString(id)).update();
		}
	}

	private String page(org.springframework.mock.web.MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
	}

	private void hold(String bearer, UUID recording) throws Exception {
		json(post("/api/v1/holds"), bearer, """
				{"recordingId":"%s","kind":"complaint","reason":"当事人投诉"}""".formatted(recording))
			.andExpect(status().isCreated());
	}

	private String proposed(String custodian, UUID recording) throws Exception {
		return JsonPath.read(json(post("/api/v1/disposals"), custodian, """
				{"recordingIds":["%s"],"reason":"保存期限届满，无保存价值"}""".formatted(recording))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
	}

	private UUID imported(String agency, UUID officer) throws Exception {
		Actor custodian = TestActor.of("disposal-custodian", agency, Role.CUSTODIAN);
		String device = "DS-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(agency, device, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		byte[] bytes = Files.readAllBytes(TestMedia.FOLDER.resolve("sample_mpeg4.mp4"));
		byte[] unique = java.util.Arrays.copyOf(bytes, bytes.length + 16);
		System.arraycopy(UUID.randomUUID().toString().getBytes(), 0, unique, bytes.length, 16);
		Files.write(card.resolve("keep.mp4"), unique);
		return imports.importFolder(custodian, agency, device, officer, card).get(0).recordingId();
	}

	private ResultActions json(MockHttpServletRequestBuilder request, String bearer, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body));
	}
}
