package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Files leave the device only when allowed and asked for, and only once their stored copy is verified. */
@CustodiaIntegrationTest
class DeviceCleanupIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Autowired
	RecordingImports imports;

	@Autowired
	BlobStore store;

	@Autowired
	RecordingRegister recordings;

	@Autowired
	PolicyDecisions decisions;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ImportRoots roots;

	@Test
	void byDefaultTheWorkstationRefusesBeforeImportingAnything() throws Exception {
		String bearer = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CUSTODIAN));
		Path folder = TestDatabases.newDataDirectory().resolve("CARD");
		Files.createDirectories(folder);
		String name = "refused-" + System.nanoTime() + ".amr";
		Files.copy(RecordingImportIntegrationTests.MEDIA.resolve("yuan.amr"), folder.resolve(name));
		mvc.perform(post("/api/v1/recordings/import").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"folder\":\"%s\",\"device\":\"ANY\",\"removeFromDevice\":true}".formatted(folder)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不允许导入后从设备上删除")))
			.andExpect(jsonPath("$.rule").value(org.hamcrest.Matchers.containsString("003 art. 7")));
		assertThat(folder.resolve(name)).exists();
		assertThat(ledger.entries(0, 100_000)).noneMatch(entry -> entry.payloadJson().contains(name));
	}

	@Test
	void whereAllowedOnlyVerifiedCopiesLeaveTheDevice() throws Exception {
		var session = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String number = "NQ-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("neiqiu-health", number, DeviceKind.BODY_CAMERA, null, null, null, null,
				null, null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		// content of its own: other tests import the shared media into the same database
		for (String file : List.of("one.mp4", "two.amr", "three.mp3")) {
			Files.write(folder.resolve(file), (file + System.nanoTime()).repeat(500).getBytes());
		}
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, "neiqiu-health", number, null, folder);
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsOnly(ImportResult.STORED);
		// the device wrote to one file after the copy: it no longer matches what was stored
		Files.write(folder.resolve("three.mp3"), new byte[] { 1, 2, 3 }, java.nio.file.StandardOpenOption.APPEND);

		DeviceCleanup cleanup = new DeviceCleanup(true, store, recordings, decisions, ledger, transactions, roots);
		List<DeviceCleanup.Removal> removals = cleanup.removeImported(custodian, "neiqiu-health", folder, outcomes);

		assertThat(removals).filteredOn(DeviceCleanup.Removal::removed)
			.extracting(DeviceCleanup.Removal::file)
			.containsExactlyInAnyOrder("one.mp4", "two.amr");
		assertThat(removals).filteredOn(removal -> removal.file().equals("three.mp3"))
			.singleElement()
			.satisfies(removal -> assertThat(removal.reason()).isEqualTo("copy-differs"));
		assertThat(folder.resolve("one.mp4")).doesNotExist();
		assertThat(folder.resolve("three.mp3")).exists();
		java.util.Set<String> imported = outcomes.stream().map(outcome -> outcome.recordingId().toString())
			.collect(java.util.stream.Collectors.toSet());
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("recording.removed-from-device")
				&& imported.contains(entry.subjectId())).hasSize(2);

		Actor notCustodian = accounts.account(accounts.signedIn(mvc, "neiqiu-health", Role.OFFICER));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> cleanup.removeImported(notCustodian, "neiqiu-health",
				folder, outcomes)).isInstanceOf(org.custodia.shared.CustodiaException.class);
	}

	@Test
	void aFileNotReadAgainLeavesTheDeviceOnlyWhenItsBytesAreThoseStored() throws Exception {
		var session = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String number = "NQ-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("neiqiu-health", number, DeviceKind.BODY_CAMERA, null, null, null, null,
				null, null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		for (String file : List.of("kept.mp4", "same.mp4")) {
			Files.write(folder.resolve(file), (file + System.nanoTime()).repeat(500).getBytes());
		}
		imports.importFolder(custodian, "neiqiu-health", number, null, folder);
		// Bytes changed in place, size and time as they were: the import knows it by path, size and time only.
		java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(folder.resolve("kept.mp4"));
		byte[] bytes = Files.readAllBytes(folder.resolve("kept.mp4"));
		bytes[0] ^= 1;
		Files.write(folder.resolve("kept.mp4"), bytes);
		Files.setLastModifiedTime(folder.resolve("kept.mp4"), time);
		List<RecordingImports.Outcome> again = imports.importFolder(custodian, "neiqiu-health", number, null, folder);
		assertThat(again).extracting(RecordingImports.Outcome::result).containsOnly(ImportResult.ALREADY_IMPORTED);

		DeviceCleanup cleanup = new DeviceCleanup(true, store, recordings, decisions, ledger, transactions, roots);
		List<DeviceCleanup.Removal> removals = cleanup.removeImported(custodian, "neiqiu-health", folder, again);

		assertThat(removals).filteredOn(DeviceCleanup.Removal::removed).extracting(DeviceCleanup.Removal::file)
			.containsExactly("same.mp4");
		assertThat(removals).filteredOn(removal -> removal.file().equals("kept.mp4")).singleElement()
			.satisfies(removal -> assertThat(removal.reason()).isEqualTo("copy-differs"));
		assertThat(folder.resolve("kept.mp4")).exists();
		assertThat(folder.resolve("same.mp4")).doesNotExist();
	}
}
