package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Wrong passwords: the account locks after the agency's threshold, but no single address can lock
 * anybody out; a locked account is answered like a wrong password. Each test comes from its own
 * addresses, as the throttle remembers them for the context's life.
 */
@CustodiaIntegrationTest
class LoginLockoutIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Ledger ledger;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.set(CustodiaIntegrationTest.START);
	}

	@Test
	void oneAddressCannotLockAnAccountOut() throws Exception {
		String username = accounts.create("neiqiu-health", Role.OFFICER);
		for (int i = 0; i < 6; i++) {
			token(username, "wrong-" + i, "10.21.0.1").andExpect(status().isUnauthorized());
		}
		token(username, TestAccounts.PASSWORD, "10.21.0.1").andExpect(status().isUnauthorized());
		token(username, TestAccounts.PASSWORD, "10.21.0.2").andExpect(status().isCreated());

		List<String> actions = actionsFor(username);
		assertThat(actions).doesNotContain("auth.locked-out");
		assertThat(actions.stream().filter("auth.login-failed"::equals)).as("refused attempts are not counted").hasSize(3);
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("auth.address-throttled")
				&& entry.subjectId().equals("10.21.0.1") && entry.payloadJson().contains(username));

		clock.advance(LoginThrottle.WINDOW.plusMinutes(1));
		token(username, TestAccounts.PASSWORD, "10.21.0.1").andExpect(status().isCreated());
	}

	@Test
	void forwardedForIsNotTrustedUnlessAProxyIsConfigured() throws Exception {
		String username = accounts.create("fengnan-medins", Role.CUSTODIAN);
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, "wrong"))
				.header("X-Forwarded-For", "198.51.100." + i).with(from("10.21.1.1")))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, TestAccounts.PASSWORD))
			.header("X-Forwarded-For", "198.51.100.99").with(from("10.21.1.1")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void anAddressTryingManyNamesIsRefusedForEveryName() throws Exception {
		String username = accounts.create("kaifeng-audit", Role.CUSTODIAN);
		for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
			token("nobody-" + i, "guess-1", "10.21.2.1").andExpect(status().isUnauthorized());
		}
		token(username, TestAccounts.PASSWORD, "10.21.2.1").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("用户名或密码不正确")));
		token(username, TestAccounts.PASSWORD, "10.21.2.2").andExpect(status().isCreated());
	}

	@Test
	void fiveWrongPasswordsFromTwoAddressesLockTheAccountForTheAgencysPeriod() throws Exception {
		String username = accounts.create("zhanhe-health", Role.CUSTODIAN);
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, "wrong-" + i))
				.with(from(i < 3 ? "10.22.0.1" : "10.22.0.2")))
				.andExpect(status().isUnauthorized());
		}
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, TestAccounts.PASSWORD))
			.with(from("10.22.0.3")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("锁定")));

		clock.advance(Duration.ofMinutes(16));
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, TestAccounts.PASSWORD))
			.with(from("10.22.0.3")))
			.andExpect(status().isCreated());
		assertThat(actionsFor(username)).containsSubsequence("auth.login-failed", "auth.locked-out", "auth.login");
	}

	@Test
	void aLockedAccountIsAnsweredLikeAWrongPassword() throws Exception {
		String username = accounts.create("kaifeng-audit", Role.OFFICER);
		String wrongPassword = mvc.perform(post("/api/v1/auth/token")
			.header("Authorization", TestAccounts.basic(username, "nope-0")).with(from("10.22.1.1")))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		for (int i = 1; i < 5; i++) {
			mvc.perform(post("/login").with(csrf()).with(from(i < 3 ? "10.22.1.1" : "10.22.1.2")).param("username", username)
				.param("password", "nope-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		assertThat(actionsFor(username)).contains("auth.locked-out");

		mvc.perform(post("/login").with(csrf()).with(from("10.22.1.3")).param("username", username)
			.param("password", TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		String locked = mvc.perform(post("/api/v1/auth/token")
			.header("Authorization", TestAccounts.basic(username, TestAccounts.PASSWORD)).with(from("10.22.1.3")))
			.andExpect(status().isUnauthorized()).andReturn().getResponse().getContentAsString();
		assertThat(locked).isEqualTo(wrongPassword);
	}

	/** A request from another client address (MockMvc's own is 127.0.0.1). */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private org.springframework.test.web.servlet.ResultActions token(String username, String password, String address)
			throws Exception {
		return mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, password))
			.with(from(address)));
	}

	private List<String> actionsFor(String username) {
		return ledger.entries(0, 100_000).stream().filter(entry -> entry.actor().equals(username))
			.map(LedgerEntry::action).toList();
	}
}
