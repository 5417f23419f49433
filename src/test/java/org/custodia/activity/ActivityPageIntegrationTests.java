package org.custodia.activity;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The activity page gathers what it shows around one activity loaded and authorised once, however
 * many parts of the page (recordings, suggestions, gaps, work records, statements, marks, case) need it.
 */
@CustodiaIntegrationTest
class ActivityPageIntegrationTests {

	static final String AGENCY = "neiqiu-health";

	@MockitoSpyBean
	ActivityRepository repository;

	@MockitoSpyBean
	PolicyDecisions decisions;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.custodia.ledger.Ledger ledger;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Test
	void loadsAndAuthorisesTheActivityOnceForItsWholePage() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, AGENCY, Role.OFFICER);
		UUID officerId = accounts.account(officer).userId();
		String number = "内卫罚〔2026〕" + System.nanoTime() % 100000 + "号";
		mvc.perform(post("/cases").session(officer).with(csrf()).param("number", number).param("name", "某诊所案"))
			.andExpect(status().is3xxRedirection());
		UUID caseId = repository.caseByNumber(AGENCY, number).orElseThrow().id();
		String page = mvc.perform(post("/activities").session(officer).with(csrf()).param("type", "unlisted")
			.param("place", "某诊所").param("start", "2026-11-12T09:00").param("end", "2026-11-12T11:00")
			.param("officers", officerId.toString()).param("caseId", caseId.toString()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		UUID activity = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));
		UUID device = ActivityFixtures.device(devices, AGENCY);
		UUID confirmed = ActivityFixtures.recording(new ActivityFixtures.Registers(jdbc, ledger, transactions), AGENCY, device, officerId, Instant.parse("2026-11-12T01:00:00Z"),
				Instant.parse("2026-11-12T01:20:00Z"), null);
		UUID suggested = ActivityFixtures.recording(new ActivityFixtures.Registers(jdbc, ledger, transactions), AGENCY, device, officerId, Instant.parse("2026-11-12T02:00:00Z"),
				Instant.parse("2026-11-12T02:30:00Z"), null);
		mvc.perform(post(page + "/recordings").session(officer).with(csrf()).param("recordingId", confirmed.toString()))
			.andExpect(status().is3xxRedirection());

		// the officer may not watch yet: no player, an access request offered for it and for the whole activity
		mvc.perform(get(page).session(officer))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<video"))))
			.andExpect(content().string(containsString("/access-requests/new?recording=" + confirmed)))
			.andExpect(content().string(containsString("id=\"request-activity-recordings\"")));
		org.custodia.access.Approvals.approved(mvc, accounts, AGENCY, officer, java.util.List.of(confirmed), "WATCH");

		clearInvocations(repository, decisions);
		mvc.perform(get(page).session(officer))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<video")))
			.andExpect(content().string(containsString("某诊所案")))
			.andExpect(content().string(containsString(confirmed.toString())))
			.andExpect(content().string(containsString(suggested.toString())));

		then(repository).should(times(1)).find(activity);
		then(decisions).should(times(1)).decide(any(), eq(Action.SEE_ACTIVITIES), eq(AGENCY));
	}
}
