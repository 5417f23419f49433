package org.custodia.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Duration;
import java.util.UUID;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** After the collection time the custodian and the holder are reminded, once a day, on their home page. */
@CustodiaIntegrationTest
class CollectionRemindersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	CollectionReminders reminders;

	@Autowired
	DeviceRegister register;

	@Autowired
	DeviceCustody custody;

	@Autowired
	Ledger ledger;

	@AfterEach
	void resetClock() {
		clock.set(CustodiaIntegrationTest.START);
	}

	@Test
	void remindsTheCustodianAndTheHolderOnceAfterTheCollectionTime() throws Exception {
		MockHttpSession custodianSession = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		var custodian = accounts.account(custodianSession);
		String officerName = accounts.create("neiqiu-health", Role.OFFICER);
		UUID officer = accounts.idOf(officerName);
		String number = "NQR-" + System.nanoTime() % 100000;
		Device device = register.register(custodian, new NewDevice("neiqiu-health", number, DeviceKind.BODY_CAMERA, null,
				null, null, null, null, null, null, null, null, null));
		custody.issue(custodian, device.id(), officer, new DeviceCustody.PreUseCheck(true, true, true), null);

		// 16:00 in Beijing: before the collection time.
		assertThat(reminders.remind()).isZero();
		mvc.perform(get("/").session(custodianSession)).andExpect(content().string(not(containsString(number))));

		clock.advance(Duration.ofHours(3));
		assertThat(reminders.remind()).isPositive();
		assertThat(reminders.remind()).isZero();
		mvc.perform(get("/").session(custodianSession))
			.andExpect(content().string(containsString("仍有")))
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("000 art. 16")));
		assertThat(ledger.entries(0, 100_000)).filteredOn(entry -> entry.subjectId().equals(device.id().toString()))
			.extracting(entry -> entry.action())
			.contains("device.collection-reminder");

		custody.collect(custodian, device.id(), officer, null);
		mvc.perform(get("/").session(custodianSession)).andExpect(content().string(not(containsString(number))));
	}
}
