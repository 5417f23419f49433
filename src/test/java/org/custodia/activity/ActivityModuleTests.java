package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaModuleTest;
import org.custodia.shared.ModuleBeans;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The activity module on its own: started with the modules it builds on and without ingest or access,
 * an activity is planned, the register's recordings of its time are suggested, one is confirmed and the
 * activity counts as recorded; another agency's recording is refused.
 */
@CustodiaModuleTest
class ActivityModuleTests {

	static final String AGENCY = "fengnan-medins";

	@Autowired
	ApplicationContext context;

	@Autowired
	Activities activities;

	@Autowired
	ActivityRecordings recordings;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void startsWithoutTheModulesAboveIt() {
		assertThat(ModuleBeans.of(context, "ingest", "access")).isEmpty();
		assertThat(ModuleBeans.of(context, "activity")).isNotEmpty();
	}

	@Test
	void aRecordingOfTheActivitysTimeIsSuggestedConfirmedAndMakesItRecorded() {
		String username = accounts.create(AGENCY, Role.OFFICER);
		UUID officerId = accounts.idOf(username);
		TestActor officer = new TestActor(officerId, username, Optional.of(AGENCY), Set.of(Role.OFFICER));
		UUID device = ActivityFixtures.device(devices, AGENCY);
		var registers = new ActivityFixtures.Registers(jdbc, ledger, transactions);
		UUID activity = activities.create(officer, new NewActivity(AGENCY, "routine-inspection", null, null, "某诊所",
				Instant.parse("2026-11-23T01:00:00Z"), Instant.parse("2026-11-23T02:00:00Z"), List.of(officerId), null))
			.activity()
			.id();
		UUID during = ActivityFixtures.recording(registers, AGENCY, device, officerId, Instant.parse("2026-11-23T01:05:00Z"),
				Instant.parse("2026-11-23T01:40:00Z"), null);
		ActivityFixtures.recording(registers, AGENCY, device, officerId, Instant.parse("2026-11-23T06:00:00Z"),
				Instant.parse("2026-11-23T06:30:00Z"), null);

		assertThat(recordings.suggest(officer, activity)).extracting(ActivityRecordings.Suggestion::recordingId)
			.containsExactly(during);
		recordings.confirm(officer, activity, during);

		assertThat(activities.view(officer, activity).compliance().state()).isEqualTo(Compliance.State.RECORDED);
		UUID foreignDevice = ActivityFixtures.device(devices, "kaifeng-audit");
		UUID foreign = ActivityFixtures.recording(registers, "kaifeng-audit", foreignDevice, null,
				Instant.parse("2026-11-23T01:10:00Z"), Instant.parse("2026-11-23T01:20:00Z"), null);
		CustodiaException refused = catchThrowableOfType(CustodiaException.class,
				() -> recordings.confirm(officer, activity, foreign));
		assertThat(refused.status()).isEqualTo(HttpStatus.FORBIDDEN);
	}
}
