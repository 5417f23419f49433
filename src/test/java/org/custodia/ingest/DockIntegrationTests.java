package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.custodia.TestMedia;
import org.custodia.device.Device;
import org.custodia.device.DeviceCustody;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Body cameras docked at the workstation: registered ones are imported by themselves, unknown ones refused. */
@CustodiaIntegrationTest
class DockIntegrationTests {

	static final Path MEDIA = TestMedia.FOLDER;

	static final Path ROOT = TestDatabases.newDataDirectory().resolve("media");

	/** Where volumes are prepared before they "appear" under the root in one rename, as a mount does. */
	static final Path BENCH = TestDatabases.newDataDirectory().resolve("bench");

	static final Duration PATIENCE = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void dock(DynamicPropertyRegistry registry) throws Exception {
		Files.createDirectories(ROOT);
		Files.createDirectories(BENCH);
		registry.add("custodia.dock.roots", ROOT::toString);
		registry.add("custodia.dock.poll-interval", () -> "100ms");
		registry.add("custodia.dock.settle-time", () -> "200ms");
	}

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

	@Autowired
	CustodiaProperties custodia;

	@Test
	void importsARegisteredVolumeWhenDockedAndOnlyItsNewFileWhenDockedAgain() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		UUID officer = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER));
		String label = "KFCAM" + unique();
		Device device = register.register(custodian, device("kaifeng-audit", "D-" + unique(), label));
		custody.issue(custodian, device.id(), officer, new DeviceCustody.PreUseCheck(true, true, true), null);

		Path prepared = volume(label);
		Files.createDirectories(prepared.resolve("DCIM/100MEDIA"));
		copy("sample_mpeg4.mp4", prepared.resolve("DCIM/100MEDIA/0001.MP4"));
		copy("yuan.amr", prepared.resolve("DCIM/0002.AMR"));
		Path docked = dock(prepared, ROOT.resolve(label));

		await().atMost(PATIENCE).until(() -> deviceRecordings.of(custodian, device.id()).size() == 2);
		// the MP4 states it was recorded in 2005, long before the device was issued: nobody held it then
		assertThat(deviceRecordings.of(custodian, device.id())).extracting(link -> link.holderId())
			.containsExactlyInAnyOrder(officer, null);
		assertThat(entries("recording.ingested", label)).hasSize(2).allMatch(entry -> entry.actor().equals("dock:" + label));
		await().atMost(PATIENCE).until(() -> events(session, label).size() == 1
				&& "DONE".equals(events(session, label).get(0).get("state")));
		assertThat(events(session, label).get(0)).containsEntry("stored", 2).containsEntry("device", device.number());

		// Another volume docking proves the watcher looked again; the first, still mounted, is left alone.
		Path other = volume("OTHER" + unique());
		Files.writeString(other.resolve("x.txt"), "x");
		dock(other, ROOT.resolve(other.getFileName()));
		await().atMost(PATIENCE).until(() -> !events(session, other.getFileName().toString()).isEmpty());
		assertThat(events(session, label)).hasSize(1);

		Path undocked = dock(docked, BENCH.resolve(label + "-out"));
		copy("sample_mpeg4.mp4", undocked.resolve("DCIM/100MEDIA/0003.MP4"));
		dock(undocked, ROOT.resolve(label));

		await().atMost(PATIENCE).until(() -> deviceRecordings.of(custodian, device.id()).size() == 3);
		await().atMost(PATIENCE).until(() -> events(session, label).size() == 2
				&& "DONE".equals(events(session, label).get(0).get("state")));
		assertThat(events(session, label).get(0)).containsEntry("files", 1).containsEntry("stored", 1)
			.containsEntry("duplicate", 0);
		assertThat(entries("recording.duplicate-offered", label)).isEmpty();
		assertThat(Files.exists(ROOT.resolve(label).resolve("DCIM/0002.AMR"))).as("nothing is removed from the device")
			.isTrue();
	}

	@Test
	void importsAVolumeNamedByItsIdentityFileUnderAUsersFolder() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "zhanhe-health", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String number = "ZH-" + unique();
		Device device = register.register(custodian, device("zhanhe-health", number, null));
		Path prepared = volume("NO NAME");
		Files.writeString(prepared.resolve("CUSTODIA-DEVICE.txt"), "# 执法记录仪\nagency=zhanhe-health\ndevice=" + number + "\n");
		copy("yuan.amr", prepared.resolve("REC0001.AMR"));
		Path user = BENCH.resolve("user" + unique());
		Files.createDirectories(user);
		dock(prepared, user.resolve("NO NAME"));
		dock(user, ROOT.resolve(user.getFileName()));

		await().atMost(PATIENCE).until(() -> deviceRecordings.of(custodian, device.id()).size() == 1);
		assertThat(entries("recording.ingested", number)).singleElement()
			.satisfies(entry -> assertThat(entry.actor()).isEqualTo("dock:NO NAME"))
			.satisfies(entry -> assertThat(entry.payloadJson()).contains("REC0001.AMR").doesNotContain("CUSTODIA-DEVICE"));
	}

	@Test
	void showsALinkOnADockedVolumeAsSkippedAndNeverFollowsIt() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String label = "NQLINK" + unique();
		Device device = register.register(custodian, device("neiqiu-health", "L-" + unique(), label));
		Path prepared = volume(label);
		copy("yuan.amr", prepared.resolve("REC0001.AMR"));
		Files.createSymbolicLink(prepared.resolve("REC0002.AMR"), Path.of("/etc/passwd"));
		dock(prepared, ROOT.resolve(label));

		await().atMost(PATIENCE).until(() -> events(session, label).size() == 1
				&& "DONE".equals(events(session, label).get(0).get("state")));
		assertThat(deviceRecordings.of(custodian, device.id())).hasSize(1);
		assertThat(JsonPath.<List<String>>read(events(session, label).get(0), "$.flagged[?(@.problem == 'symlink')].file"))
			.containsExactly("REC0002.AMR");
		assertThat(entries("recording.ingested", label)).singleElement()
			.satisfies(entry -> assertThat(entry.payloadJson()).doesNotContain("REC0002"));
	}

	@Test
	void refusesAnUnknownVolumeStoresNothingAndTellsEveryCustodian() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		String label = "STRANGER" + unique();
		Path prepared = volume(label);
		byte[] content = Files.readAllBytes(copy("yuan.amr", prepared.resolve("REC.AMR")));
		dock(prepared, ROOT.resolve(label));

		await().atMost(PATIENCE).until(() -> !entries("dock.refused", label).isEmpty());
		LedgerEntry refused = entries("dock.refused", label).get(0);
		assertThat(refused.actor()).isEqualTo("system:dock");
		assertThat(refused.agency()).isNull();
		assertThat(refused.subjectId()).isEqualTo(label);
		assertThat(events(session, label)).singleElement().satisfies(event -> {
			assertThat(event).containsEntry("state", "REFUSED");
			assertThat((String) event.get("reason")).contains(label, "不是已登记的设备", "CUSTODIA-DEVICE.txt");
		});
		String page = mvc.perform(get("/dock").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(label, "已拒绝", "请在设备台账中登记该设备的卷标");
		MockHttpSession elsewhere = accounts.signedIn(mvc, "pingdingshan-culture", Role.CUSTODIAN);
		String home = mvc.perform(get("/").session(elsewhere)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).contains("采集站：卷“" + label + "”", "不是已登记的设备");

		String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
		try (Stream<Path> stored = Files.walk(custodia.dataDir())) {
			assertThat(stored.map(path -> path.getFileName().toString())).noneMatch(name -> name.contains(sha));
		}
		assertThat(ledger.entries(0, 100_000)).noneMatch(entry -> entry.payloadJson().contains(sha));
	}

	@Test
	void refusesARetiredDeviceAndAnIdentityFileTheRegisterContradicts() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String retiredLabel = "RETIRED" + unique();
		Device retired = register.register(custodian, device("kaifeng-audit", "D-" + unique(), retiredLabel));
		custody.retire(custodian, retired.id(), "屏幕损坏，无法修复");
		Path prepared = volume(retiredLabel);
		copy("yuan.amr", prepared.resolve("R.AMR"));
		dock(prepared, ROOT.resolve(retiredLabel));

		String claimedLabel = "CLAIMS" + unique();
		Device registeredForLabel = register.register(custodian, device("kaifeng-audit", "D-" + unique(), claimedLabel));
		Path claiming = volume(claimedLabel);
		Files.writeString(claiming.resolve("CUSTODIA-DEVICE.txt"), "agency=kaifeng-audit\ndevice=" + retired.number() + "\n");
		copy("yuan.amr", claiming.resolve("C.AMR"));
		dock(claiming, ROOT.resolve(claimedLabel));

		await().atMost(PATIENCE).until(() -> !entries("dock.refused", retiredLabel).isEmpty()
				&& !entries("dock.refused", claimedLabel).isEmpty());
		assertThat(entries("dock.refused", retiredLabel).get(0).agency()).isEqualTo("kaifeng-audit");
		assertThat(entries("dock.refused", claimedLabel).get(0).agency()).as("an unverified claim names no agency").isNull();
		assertThat(events(session, retiredLabel)).singleElement()
			.satisfies(event -> assertThat((String) event.get("reason")).contains(retired.number(), "已报废"));
		assertThat(events(session, claimedLabel)).singleElement()
			.satisfies(event -> assertThat((String) event.get("reason")).contains("与设备台账不符"));
		assertThat(deviceRecordings.of(custodian, retired.id())).isEmpty();
		assertThat(deviceRecordings.of(custodian, registeredForLabel.id())).isEmpty();
	}

	@Test
	void showsAnAgencysDockingsToItsOwnCustodiansOnly() throws Exception {
		MockHttpSession kaifeng = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		String label = "KFONLY" + unique();
		register.register(accounts.account(kaifeng), device("kaifeng-audit", "D-" + unique(), label));
		Path prepared = volume(label);
		copy("yuan.amr", prepared.resolve("A.AMR"));
		dock(prepared, ROOT.resolve(label));
		await().atMost(PATIENCE).until(() -> events(kaifeng, label).size() == 1);

		MockHttpSession fengnan = accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN);
		assertThat(events(fengnan, label)).isEmpty();
		assertThat(mvc.perform(get("/dock").session(fengnan)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(label);
		mvc.perform(get("/api/v1/dock").session(accounts.signedIn(mvc, "kaifeng-audit", Role.OFFICER)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/dock").session(accounts.signedIn(mvc, "kaifeng-audit", Role.ADMINISTRATOR)))
			.andExpect(status().isForbidden());
	}

	private List<Map<String, Object>> events(MockHttpSession session, String volume) throws Exception {
		String body = mvc.perform(get("/api/v1/dock").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		return JsonPath.read(body, "$.events[?(@.volume == '" + volume + "')]");
	}

	private List<LedgerEntry> entries(String action, String mention) {
		return ledger.entries(0, 100_000).stream()
			.filter(entry -> entry.action().equals(action) && (entry.payloadJson().contains(mention)
					|| entry.subjectId().equals(mention) || entry.actor().contains(mention)))
			.toList();
	}

	private static NewDevice device(String agency, String number, String volumeLabel) {
		return new NewDevice(agency, number, DeviceKind.BODY_CAMERA, null, null, null, null, null, null, null,
				null, volumeLabel, null);
	}

	/** A real media file made unique, so that no other test has stored the same bytes before. */
	private static Path copy(String media, Path target) throws Exception {
		Files.copy(MEDIA.resolve(media), target);
		return Files.write(target, unique().getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
	}

	private static Path volume(String label) throws Exception {
		return Files.createDirectories(BENCH.resolve(unique()).resolve(label));
	}

	private static Path dock(Path from, Path to) throws Exception {
		return Files.move(from, to);
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}
}
