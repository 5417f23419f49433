package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.custodia.TestMedia;
import org.custodia.device.DeviceRegister;
import org.custodia.ledger.Ledger;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.CustodiaModuleTest;
import org.custodia.shared.ModuleBeans;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The collection workstation on its own: started with the modules it builds on and without access or
 * activity, it imports a card into the store, hands each file to the recording register with its ledger
 * entry, and recognises the same card offered again.
 */
@CustodiaModuleTest
class IngestModuleTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister recordings;

	@Autowired
	DeviceRegister devices;

	@Autowired
	Ledger ledger;

	@Test
	void startsWithoutTheModulesAboveIt() {
		assertThat(ModuleBeans.of(context, "access", "activity")).isEmpty();
		assertThat(ModuleBeans.of(context, "ingest")).isNotEmpty();
	}

	@Test
	void importsACardIntoTheRegisterAndKnowsItWhenOfferedAgain() throws Exception {
		String device = ImportFixtures.newDevice(devices);
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		Files.copy(TestMedia.file("sample_mpeg4.mp4"), card.resolve("VID_0001.MP4"));
		Files.copy(TestMedia.file("yuan.amr"), card.resolve("REC_0002.AMR"));
		long entriesBefore = ledger.size();

		List<RecordingImports.Outcome> first = imports.importFolder(ImportFixtures.CUSTODIAN, ImportFixtures.AGENCY, device,
				null, card);

		assertThat(first).extracting(outcome -> String.valueOf(outcome.result())).containsOnly("STORED");
		assertThat(first).hasSize(2);
		for (RecordingImports.Outcome outcome : first) {
			Recording recording = recordings.keptBy(ImportFixtures.AGENCY, outcome.recordingId());
			assertThat(recording.sha256()).isEqualTo(outcome.sha256());
			assertThat(recordings.disagreementsWithLedger(recording)).isEmpty();
		}
		List<String> ids = first.stream().map(outcome -> outcome.recordingId().toString()).toList();
		assertThat(ledger.about(ImportFixtures.AGENCY, ids, 10)).extracting(entry -> entry.action())
			.containsExactly("recording.ingested", "recording.ingested");
		assertThat(ledger.size()).isGreaterThanOrEqualTo(entriesBefore + 2);

		List<RecordingImports.Outcome> again = imports.importFolder(ImportFixtures.CUSTODIAN, ImportFixtures.AGENCY, device,
				null, card);

		assertThat(again).extracting(outcome -> String.valueOf(outcome.result())).containsOnly("ALREADY_IMPORTED");
		assertThat(again).extracting(RecordingImports.Outcome::recordingId)
			.containsExactlyInAnyOrderElementsOf(first.stream().map(RecordingImports.Outcome::recordingId).toList());
	}
}
