package org.custodia.fixity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobStore;
import org.custodia.storage.FullDisks;
import org.custodia.storage.StoredCopies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Real originals in a store with a second copy, damaged on disk the ways disks and people damage them:
 * a flipped byte, a truncation, a deletion and a replacement, in the primary, in the second copy and in
 * both; an unreadable file; a full disk under the repair; a file no row names. Each is found by a sweep
 * started through the API, the single-bad ones repaired bit-exact and read-only, the lost one reported in
 * the ledger with its recording and activity and in red on the custodian's home page.
 */
@CustodiaIntegrationTest
class FixityIntegrationTests {

	static final Path SECOND = TestDatabases.newDataDirectory().resolve("second");

	static final String AGENCY = "zhanhe-health";

	@DynamicPropertySource
	static void secondRoot(DynamicPropertyRegistry registry) {
		registry.add("custodia.storage.second-root", SECOND::toString);
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
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlobStore store;

	@Autowired
	StoredCopies copies;

	@Autowired
	org.custodia.shared.CustodiaProperties custodia;

	private Path primaryRoot() {
		return custodia.dataDir().resolve("store");
	}

	@Test
	void everyDamageIsFoundTheSingleOnesRepairedAndTheDoubleOneReportedAsLost() throws Exception {
		String custodianName = accounts.create(AGENCY, Role.CUSTODIAN);
		String custodian = accounts.bearer(mvc, custodianName);
		String officerName = accounts.create(AGENCY, Role.OFFICER);
		UUID officer = accounts.idOf(officerName);

		Stored flippedPrimary = imported(officer);
		Stored truncatedPrimary = imported(officer);
		Stored deletedSecond = imported(officer);
		Stored replacedSecond = imported(officer);
		Stored both = imported(officer);
		Stored unreadable = imported(officer);
		Stored untouched = imported(officer);

		flip(primary(flippedPrimary), 4000);
		writable(primary(truncatedPrimary));
		Files.write(primary(truncatedPrimary), java.util.Arrays.copyOf(flippedPrimary.bytes, 1000));
		readOnly(primary(truncatedPrimary));
		Files.delete(second(deletedSecond));
		byte[] other = replacedSecond.bytes.clone();
		other[other.length - 1] ^= 0x55;
		writable(second(replacedSecond));
		Files.write(second(replacedSecond), other);
		readOnly(second(replacedSecond));
		flip(primary(both), 100);
		Files.delete(second(both));
		// root reads a file of mode 000, so the unreadable copy is a directory where the file was
		Files.delete(primary(unreadable));
		Files.createDirectories(primary(unreadable).resolve("not-a-file"));
		Path orphan = primaryRoot().resolve(AGENCY + "/2026/11/23/" + "ab".repeat(32) + ".mp4");
		Files.createDirectories(orphan.getParent());
		Files.write(orphan, new byte[] { 1, 2, 3 });
		FileTime untouchedTime = Files.getLastModifiedTime(primary(untouched));

		String activity = JsonPath.read(mvc.perform(post("/api/v1/activities/from-recording")
			.header("Authorization", accounts.bearer(mvc, officerName)).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"recordingId":"%s","type":"%s","place":"某药店"}""".formatted(both.recording, activityType(officerName))))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");

		String sweep = sweepNow(custodian);
		mvc.perform(get("/api/v1/fixity/sweeps/" + sweep).header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value(Sweep.State.DONE.name()))
			.andExpect(jsonPath("$.lost").value(1))
			.andExpect(jsonPath("$.repaired").value(4))
			.andExpect(jsonPath("$.orphans").value(1));
		Map<String, Map<String, Object>> findings = findings(sweep, custodian);

		for (Stored repaired : List.of(flippedPrimary, truncatedPrimary, deletedSecond, replacedSecond)) {
			assertThat(findings.get(repaired.key)).containsEntry("kind", Finding.Kind.DAMAGED.name())
				.containsEntry("repair", StoredCopies.Outcome.REPAIRED.name());
			for (Path copy : List.of(primary(repaired), second(repaired))) {
				assertThat(Files.readAllBytes(copy)).isEqualTo(repaired.bytes);
				assertThat(Files.getPosixFilePermissions(copy)).containsOnly(PosixFilePermission.OWNER_READ,
						PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
			}
		}
		assertThat(findings.get(flippedPrimary.key)).containsEntry("primaryState", StoredCopies.State.DIFFERS.name())
			.containsEntry("secondState", StoredCopies.State.GOOD.name());
		assertThat(findings.get(deletedSecond.key)).containsEntry("secondState", StoredCopies.State.MISSING.name());
		assertThat(findings.get(unreadable.key)).containsEntry("primaryState", StoredCopies.State.UNREADABLE.name())
			.containsEntry("repair", StoredCopies.Outcome.FAILED.name());
		assertThat(findings.get(orphan.toString().substring(primaryRoot().toString().length() + 1)))
			.containsEntry("kind", Finding.Kind.ORPHAN.name());
		assertThat(findings).doesNotContainKey(untouched.key);
		assertThat(Files.getLastModifiedTime(primary(untouched))).isEqualTo(untouchedTime);

		assertThat(findings.get(both.key)).containsEntry("kind", Finding.Kind.LOST.name());
		assertThat(Files.exists(second(both))).as("nothing is made up for a loss").isFalse();
		List<LedgerEntry> entries = ledger.entries(0, 1_000_000);
		LedgerEntry lost = entries.stream().filter(entry -> entry.action().equals("fixity.lost")).reduce((a, b) -> b)
			.orElseThrow();
		assertThat(lost.subjectType()).isEqualTo("recording");
		assertThat(lost.subjectId()).isEqualTo(both.recording.toString());
		assertThat(lost.agency()).isEqualTo(AGENCY);
		assertThat(lost.payloadJson()).contains(activity).contains("某药店").contains(both.key);
		assertThat(entries).filteredOn(entry -> entry.action().equals("fixity.repaired"))
			.extracting(LedgerEntry::subjectId)
			.contains(flippedPrimary.recording.toString(), truncatedPrimary.recording.toString(),
					deletedSecond.recording.toString(), replacedSecond.recording.toString());
		assertThat(entries).filteredOn(entry -> entry.action().equals("fixity.finding"))
			.extracting(LedgerEntry::subjectId)
			.contains(unreadable.recording.toString());

		MockHttpSession custodianSession = accounts.signedIn(mvc, AGENCY, Role.CUSTODIAN);
		mvc.perform(get("/").session(custodianSession))
			.andExpect(content().string(containsString("id=\"alerts\"")))
			.andExpect(content().string(containsString("所有副本均已损坏或缺失")))
			.andExpect(content().string(containsString("自动修复")))
			.andExpect(content().string(not(containsString("存储无第二副本"))));
		mvc.perform(get("/").session(accounts.signedIn(mvc, AGENCY, Role.ADMINISTRATOR)))
			.andExpect(content().string(containsString("所有副本均已损坏或缺失")));
		mvc.perform(get("/").session(accounts.signedIn(mvc, AGENCY, Role.OFFICER)))
			.andExpect(content().string(not(containsString("所有副本均已损坏或缺失"))));
		mvc.perform(get("/").session(accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN)))
			.andExpect(content().string(not(containsString("所有副本均已损坏或缺失"))));
		mvc.perform(get("/fixity").session(custodianSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("全部副本损坏（已丢失）")))
			.andExpect(content().string(containsString("修复失败")));

		// the next sweep reports the loss again as open, without a second ledger entry for it
		String again = sweepNow(custodian);
		assertThat(findings(again, custodian)).doesNotContainKey(flippedPrimary.key);
		assertThat(findings(again, custodian).get(both.key)).containsEntry("kind", Finding.Kind.LOST.name())
			.containsEntry("closedAt", null);
		assertThat(ledger.entries(0, 1_000_000)).filteredOn(entry -> entry.action().equals("fixity.lost")
				&& entry.subjectId().equals(both.recording.toString())).hasSize(1);
	}

	@Test
	void aFullDiskFailsTheRepairTheSweepGoesOnAndAGoodCopyIsNeverReplaced() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create(AGENCY, Role.CUSTODIAN));
		UUID officer = accounts.idOf(accounts.create(AGENCY, Role.OFFICER));
		Stored missing = imported(officer);
		Stored good = imported(officer);
		Files.delete(second(missing));
		FileTime goodTime = Files.getLastModifiedTime(second(good));
		String sweep;
		try (AutoCloseable full = FullDisks.fill(store)) {
			sweep = sweepNow(custodian);
		}
		Map<String, Map<String, Object>> findings = findings(sweep, custodian);
		assertThat(findings.get(missing.key)).containsEntry("repair", StoredCopies.Outcome.FAILED.name());
		assertThat((String) findings.get(missing.key).get("repairProblem")).contains("error.storage-full");
		assertThat(Files.exists(second(missing))).isFalse();

		assertThat(copies.repair(good.key).outcome()).isEqualTo(StoredCopies.Outcome.NOTHING_TO_REPAIR);
		assertThat(Files.getLastModifiedTime(second(good))).isEqualTo(goodTime);

		sweepNow(custodian);
		assertThat(Files.readAllBytes(second(missing))).isEqualTo(missing.bytes);
		assertThat(jdbc.sql("select count(*) from fixity_finding where store_key = :key and closed_at is null")
			.param("key", missing.key).query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheCustodianAndTheAdministratorSweep() throws Exception {
		String officer = accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER));
		mvc.perform(post("/api/v1/fixity/sweeps").header("Authorization", officer)).andExpect(status().isForbidden());
		String sweep = sweepNow(accounts.administratorBearer(mvc));
		mvc.perform(get("/api/v1/fixity/sweeps/" + sweep).header("Authorization", officer))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/fixity/sweeps/" + UUID.randomUUID()).header("Authorization", accounts.administratorBearer(mvc)))
			.andExpect(status().isNotFound());
	}

	// --- helpers

	record Stored(UUID recording, String key, byte[] bytes) {
	}

	private Stored imported(UUID officer) throws Exception {
		Actor custodian = TestActor.of("fixity-custodian", AGENCY, Role.CUSTODIAN);
		String device = "FX-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, device, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		byte[] bytes = Files.readAllBytes(TestMedia.FOLDER.resolve("sample_mpeg4.mp4"));
		byte[] unique = java.util.Arrays.copyOf(bytes, bytes.length + 16);
		System.arraycopy(UUID.randomUUID().toString().getBytes(), 0, unique, bytes.length, 16);
		Files.write(card.resolve("fixity.mp4"), unique);
		UUID recording = imports.importFolder(custodian, AGENCY, device, officer, card).get(0).recordingId();
		String key = jdbc.sql("select blob_key from recording_recording where id = :id").param("id", recording)
			.query(String.class).single();
		return new Stored(recording, key, unique);
	}

	private Path primary(Stored stored) {
		return primaryRoot().resolve(stored.key);
	}

	private static Path second(Stored stored) {
		return SECOND.resolve(stored.key);
	}

	private static void writable(Path file) throws Exception {
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
	}

	private static void readOnly(Path file) throws Exception {
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
	}

	private static void flip(Path file, int at) throws Exception {
		writable(file);
		byte[] bytes = Files.readAllBytes(file);
		bytes[at] ^= 0x01;
		Files.write(file, bytes);
		readOnly(file);
	}

	private String activityType(String officerName) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/activities/types").header("Authorization", accounts.bearer(mvc, officerName)))
			.andReturn().getResponse().getContentAsString(), "$[0].code");
	}

	/** Starts a sweep through the API and waits for it to finish. */
	private String sweepNow(String bearer) throws Exception {
		String id = JsonPath.read(mvc.perform(post("/api/v1/fixity/sweeps").header("Authorization", bearer))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(), "$.id");
		for (int i = 0; i < 6000; i++) {
			String state = JsonPath.read(mvc.perform(get("/api/v1/fixity/sweeps/" + id).header("Authorization", bearer))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.state");
			if (!state.equals(Sweep.State.RUNNING.name())) {
				return id;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the sweep " + id + " did not finish");
	}

	private Map<String, Map<String, Object>> findings(String sweep, String bearer) throws Exception {
		List<Map<String, Object>> list = JsonPath.read(mvc.perform(get("/api/v1/fixity/sweeps/" + sweep)
			.header("Authorization", bearer)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8),
				"$.findings");
		Map<String, Map<String, Object>> byKey = new java.util.HashMap<>();
		list.forEach(finding -> byKey.put((String) finding.get("storeKey"), finding));
		return byKey;
	}

}
