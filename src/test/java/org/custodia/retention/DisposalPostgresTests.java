package org.custodia.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A disposal on PostgreSQL: numbered, proposed, approved by another, carried out after the wait with a crash between
 * the commit and the removal, and finished by the recovery: the tombstone stays, the file is gone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = CustodiaIntegrationTest.PostgresDataDirectory.class)
@Import(CustodiaIntegrationTest.TestClock.class)
class DisposalPostgresTests {

	static final String AGENCY = "zhanhe-health";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Disposals disposals;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister register;

	@Autowired
	Ledger ledger;

	@Autowired
	MutableClock clock;

	@Autowired
	CustodiaProperties custodia;

	@AfterEach
	void reset() {
		clock.set(CustodiaIntegrationTest.START);
		disposals.afterCommit(null);
	}

	@Test
	void aDisposalInterruptedAfterItsCommitIsFinishedByTheRecovery() throws Exception {
		assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		Actor custodian = TestActor.of("pg-disposal-custodian", AGENCY, Role.CUSTODIAN);
		Actor legalHead = TestActor.of("pg-disposal-legal-head", AGENCY, Role.LEGAL_HEAD);
		UUID recording = imported(accounts.idOf(accounts.create(AGENCY, Role.OFFICER)));
		assertThat(disposals.expired(custodian)).extracting(expired -> expired.recording().id()).contains(recording);

		Disposal proposed = disposals.propose(custodian, new Disposals.NewDisposal(List.of(recording), "保存期限届满，无保存价值"));
		Disposal second = disposals.propose(custodian, new Disposals.NewDisposal(List.of(imported(accounts.idOf(
				accounts.create(AGENCY, Role.OFFICER)))), "保存期限届满，无保存价值"));
		assertThat(proposed.number()).matches("2026-\\d{4}");
		assertThat(Integer.parseInt(second.number().substring(5))).isEqualTo(Integer.parseInt(proposed.number().substring(5)) + 1);
		assertThatThrownBy(() -> disposals.approve(custodian, proposed.id(), new Disposals.Approval(List.of(), null)))
			.hasMessageContaining("rule.disposal-not-own");
		assertThat(disposals.approve(legalHead, proposed.id(), new Disposals.Approval(List.of(), null)).state())
			.isEqualTo(Disposal.State.APPROVED);
		assertThat(disposals.executeDue()).isZero();

		clock.advance(Duration.ofDays(7).plusMinutes(1));
		disposals.afterCommit(id -> {
			throw new IllegalStateException("killed after the commit");
		});
		assertThatThrownBy(disposals::executeDue).isInstanceOf(IllegalStateException.class);
		Recording tombstone = register.find(recording).orElseThrow();
		Path file = custodia.dataDir().resolve("store").resolve(tombstone.blobKey());
		assertThat(tombstone.disposed()).isTrue();
		assertThat(file).exists();
		disposals.afterCommit(null);

		assertThat(disposals.finishRemovals()).isOne();
		assertThat(file).doesNotExist();
		assertThat(register.find(recording).orElseThrow().sha256()).isEqualTo(tombstone.sha256());
		assertThat(ledger.about(AGENCY, List.of(proposed.id().toString()), 20)).extracting(LedgerEntry::action)
			.containsSubsequence("retention.disposal-proposed", "retention.disposal-approved", "retention.disposal-executed",
					"retention.files-removed");
	}

	private UUID imported(UUID officer) throws Exception {
		Actor custodian = TestActor.of("disposal-custodian", AGENCY, Role.CUSTODIAN);
		String device = "DP-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, device, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		byte[] bytes = Files.readAllBytes(TestMedia.FOLDER.resolve("sample_mpeg4.mp4"));
		byte[] unique = java.util.Arrays.copyOf(bytes, bytes.length + 16);
		System.arraycopy(UUID.randomUUID().toString().getBytes(), 0, unique, bytes.length, 16);
		Files.write(card.resolve("keep.mp4"), unique);
		return imports.importFolder(custodian, AGENCY, device, officer, card).get(0).recordingId();
	}
}
