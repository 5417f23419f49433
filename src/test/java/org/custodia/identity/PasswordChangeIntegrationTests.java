package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** No token while a password change is due; a change ends the user's other sessions and revokes his tokens. */
@CustodiaIntegrationTest
class PasswordChangeIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Ledger ledger;

	@Test
	void aNewUserGetsNoTokenUntilHeChangesHisOneTimePassword() throws Exception {
		String username = accounts.createWithOneTimePassword("pingdingshan-culture", Role.CUSTODIAN);
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, TestAccounts.PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("请先修改密码")))
			.andExpect(jsonPath("$.rule").value(containsString("one-time password")));
		MockHttpSession session = signIn(username, TestAccounts.PASSWORD);
		mvc.perform(post("/account/tokens").session(session).with(csrf())).andExpect(redirectedUrl("/account/password"));

		mvc.perform(post("/api/v1/auth/password").header("Authorization", TestAccounts.basic(username, TestAccounts.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + TestAccounts.PASSWORD + "\",\"newPassword\":\"Chosen-By-Him-9\"}"))
			.andExpect(status().isNoContent());
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, "Chosen-By-Him-9")))
			.andExpect(status().isCreated());
	}

	@Test
	void aPasswordChangeEndsTheUsersOtherSessionsAndRevokesHisTokens() throws Exception {
		String username = accounts.create("pingdingshan-culture", Role.OFFICER);
		MockHttpSession here = signIn(username, TestAccounts.PASSWORD);
		MockHttpSession elsewhere = signIn(username, TestAccounts.PASSWORD);
		String token = accounts.bearer(mvc, username);
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());

		mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "Changed-Here-2026").param("confirmPassword", "Changed-Here-2026"))
			.andExpect(redirectedUrl("/"));

		mvc.perform(get("/policies").session(here)).andExpect(status().isOk());
		mvc.perform(get("/policies").session(elsewhere)).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized());
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("auth.password-changed")
				&& entry.actor().equals(username) && entry.payloadJson().contains("\"tokensRevoked\":1"));
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", username).param("password", password));
		return session;
	}
}
