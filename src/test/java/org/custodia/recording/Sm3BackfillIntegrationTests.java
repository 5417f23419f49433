package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Originals imported with SHA-256 alone get their SM3 from the background job, once, each with its ledger entry. */
@CustodiaIntegrationTest
class Sm3BackfillIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Autowired
	RecordingImports imports;

	@Autowired
	Sm3Backfill backfill;

	@Autowired
	Ledger ledger;

	@Test
	void theJobAddsTheSm3OfWhatTheStoreHolds() throws Exception {
		var session = accounts.signedIn(mvc, "pingdingshan-culture", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "PD-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("pingdingshan-culture", number, DeviceKind.AUDIO_RECORDER, null, null,
				null, null, null, null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("REC");
		Files.createDirectories(folder);
		// a real recording made unique: other tests import the shared media into the same database
		Path original = folder.resolve("rec.wav");
		Files.copy(TestMedia.FOLDER.resolve("16bit-8khz-bext-mono.wav"), original);
		Files.write(original, Long.toString(System.nanoTime()).getBytes(), java.nio.file.StandardOpenOption.APPEND);
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, "pingdingshan-culture", number, null, folder);
		String id = outcomes.get(0).recordingId().toString();
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.sm3").doesNotExist());

		assertThat(backfill.computeMissing()).isPositive();

		String expected = sm3(Files.readAllBytes(original));
		mvc.perform(get("/api/v1/recordings/" + id).header("Authorization", bearer))
			.andExpect(jsonPath("$.recording.sm3").value(expected));
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.action().equals("recording.hash-added")
				&& entry.subjectId().equals(id))
			.singleElement()
			.satisfies(entry -> assertThat(entry.payloadJson()).contains(expected));
		assertThat(backfill.computeMissing()).as("nothing left to compute").isZero();
	}

	private static String sm3(byte[] content) {
		SM3Digest digest = new SM3Digest();
		digest.update(content, 0, content.length);
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
