package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.Device;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.ledger.Ledger;
import org.custodia.media.MediaFacts;
import org.custodia.media.MediaReading;
import org.custodia.policy.Action;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaModuleTest;
import org.custodia.shared.ModuleBeans;
import org.custodia.shared.EventDeliveries;
import org.custodia.shared.RecordingIngested;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The recording module on its own: started with only the modules it builds on (no ingest, access or
 * activity), it registers an original with its ledger entry, lists it, and answers who may see it.
 */
@CustodiaModuleTest
class RecordingModuleTests {

	static final String AGENCY = "zhanhe-health";

	@Autowired
	ApplicationContext context;

	@Autowired
	RecordingRegister register;

	@Autowired
	BlobStore store;

	@Autowired
	MediaReading media;

	@Autowired
	DeviceRegister devices;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	EventPublicationRegistry registry;

	final TestActor custodian = TestActor.of("module-custodian", AGENCY, Role.CUSTODIAN);

	@Test
	void startsWithoutTheModulesAboveIt() {
		assertThat(ModuleBeans.of(context, "ingest", "access", "activity")).isEmpty();
		assertThat(ModuleBeans.of(context, "recording")).isNotEmpty();
		assertThat(context.getBeansOfType(RecordingRegister.class)).hasSize(1);
	}

	@Test
	void registersAnOriginalWithItsLedgerEntryAndAnswersWhoMaySeeIt(PublishedEvents events) throws Exception {
		Device device = devices.register(custodian, new NewDevice(AGENCY, "RM-" + UUID.randomUUID().toString().substring(0, 8),
				DeviceKind.BODY_CAMERA, "海康威视", "DS-MH2311", null, null, null, null, null, null, null, null));
		Path file = TestMedia.file("sample_mpeg4.mp4");
		StoredBlob blob;
		try (InputStream content = Files.newInputStream(file)) {
			blob = store.put(AGENCY, LocalDate.of(2026, 11, 23), file.getFileName().toString(), content);
		}
		MediaFacts facts = media.probe(file);
		Recording recording = new Recording(UUID.randomUUID(), AGENCY, device.id(), null, blob.key(), blob.sha256(),
				blob.sm3(), blob.size(), "sample_mpeg4.mp4", "video/mp4", null, null, null,
				Instant.parse("2026-11-23T08:00:00Z"), custodian.username(), null, null, null, facts.readable(),
				facts.problem(), facts, NameFacts.NOTHING, null, false, null);
		long entriesBefore = ledger.size();

		transactions.executeWithoutResult(status -> register.imported(custodian, recording, device.number()));

		assertThat(events.ofType(RecordingIngested.class).matching(RecordingIngested::recordingId, recording.id()))
			.singleElement()
			.satisfies(ingested -> {
				assertThat(ingested.storeKey()).isEqualTo(blob.key());
				assertThat(ingested.videoCodec()).isEqualTo("mpeg4");
				assertThat(ingested.importer().username()).isEqualTo(custodian.username());
			});
		// media, below, hears it after the commit and asks for the proxy browsers need (MPEG-4 Part 2) in an entry of its own
		EventDeliveries.awaitAll(registry);
		assertThat(ledger.size()).isEqualTo(entriesBefore + 2);
		assertThat(ledger.about(AGENCY, List.of(recording.id().toString()), 10))
			.singleElement()
			.satisfies(entry -> assertThat(entry.action()).isEqualTo("recording.ingested"));
		assertThat(register.disagreementsWithLedger(register.keptBy(AGENCY, recording.id()))).isEmpty();
		assertThat(register.withSha256(AGENCY, blob.sha256())).map(Recording::id).contains(recording.id());

		assertThat(register.visibleTo(TestActor.of("module-officer", AGENCY, Role.OFFICER), recording.id(),
				Action.SEE_RECORDINGS).sha256()).isEqualTo(blob.sha256());
		CustodiaException stranger = catchThrowableOfType(CustodiaException.class,
				() -> register.visibleTo(TestActor.of("module-stranger", "kaifeng-audit", Role.LEGAL_HEAD), recording.id(),
						Action.SEE_RECORDINGS));
		assertThat(stranger.status()).isEqualTo(HttpStatus.NOT_FOUND);
		CustodiaException administrator = catchThrowableOfType(CustodiaException.class,
				() -> register.visibleTo(TestActor.of("module-admin", AGENCY, Role.ADMINISTRATOR), recording.id(),
						Action.PLAY_BACK));
		assertThat(administrator.status()).isEqualTo(HttpStatus.FORBIDDEN);
	}
}
