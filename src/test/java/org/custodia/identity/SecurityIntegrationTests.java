package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@CustodiaIntegrationTest
class SecurityIntegrationTests {

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
	void anonymousPageRequestsGetTheLoginPage() throws Exception {
		mvc.perform(get("/policies")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("执法音像记录管理系统")));
	}

	@Test
	void theIconEveryPageNamesIsServedToAnyoneFromTheJar() throws Exception {
		String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
		assertThat(login).contains("href=\"/favicon.svg\"").contains("href=\"/favicon.ico\"");
		byte[] ico = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(ico).as("an ICO header naming one image").startsWith(0, 0, 1, 0, 1, 0);
		mvc.perform(get("/favicon.svg")).andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("<svg")));
	}

	@Test
	void anonymousApiCallsGet401ProblemDetails() throws Exception {
		for (String path : List.of("/api/v1/agencies", "/api/v1/users", "/api/v1/recordings",
				"/api/v1/agencies/neiqiu-health/policy")) {
			mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")))
				.andExpect(jsonPath("$.status").value(401))
				.andExpect(jsonPath("$.detail").value(containsString("登录")));
		}
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("http"))))
			.andExpect(header().string("Referrer-Policy", "no-referrer"))
			.andExpect(header().string("X-Frame-Options", "DENY"));
	}

	@Test
	void loginFormRequiresCsrfToken() throws Exception {
		mvc.perform(post("/login").param("username", "admin").param("password", CustodiaIntegrationTest.ADMIN_PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void oneTimePasswordLeadsToThePasswordPageUntilChanged() throws Exception {
		String username = accounts.createWithOneTimePassword("neiqiu-health", Role.OFFICER);
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).with(csrf()).param("username", username)
			.param("password", TestAccounts.PASSWORD)).andExpect(redirectedUrl("/account/password"));
		assertThat(session.getMaxInactiveInterval()).as("neiqiu-health's policy: 30 minutes").isEqualTo(30 * 60);
		mvc.perform(get("/policies").session(session)).andExpect(redirectedUrl("/account/password"));

		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "short1")
			.param("confirmPassword", "short1"))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(containsString("密码至少需要 10 位")));
		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", TestAccounts.PASSWORD)
			.param("newPassword", "Changed-Password-7")
			.param("confirmPassword", "Changed-Password-7")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/policies").session(session)).andExpect(status().isOk());

		assertThat(actionsFor(username)).contains("auth.login", "auth.password-changed");
	}

	@Test
	void apiTokensAreListedRevocableAndExpire() throws Exception {
		String username = accounts.create("fengnan-medins", Role.SUPERVISOR);
		String bearer = accounts.bearer(mvc, username);
		mvc.perform(get("/api/v1/me").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(username))
			.andExpect(jsonPath("$.roles[0]").value("supervisor"));
		mvc.perform(get("/api/v1/auth/tokens").header("Authorization", bearer))
			.andExpect(jsonPath("$[*].prefix", hasItem(bearer.substring(7, 19))))
			.andExpect(jsonPath("$[0].token").doesNotExist());

		String second = accounts.bearer(mvc, username);
		List<String> secondIds = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/auth/tokens").header("Authorization", second))
			.andReturn().getResponse().getContentAsString(), "$[?(@.prefix == '" + second.substring(7, 19) + "')].id");
		String secondId = secondIds.get(0);
		mvc.perform(delete("/api/v1/auth/tokens/" + secondId).header("Authorization", bearer)).andExpect(status().isNoContent());
		mvc.perform(get("/api/v1/me").header("Authorization", second))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(containsString("令牌")));

		clock.advance(Duration.ofDays(31));
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(status().isUnauthorized());
		assertThat(actionsFor(username)).contains("auth.token-created", "auth.token-revoked");
	}

	@Test
	void aRoleTakenAwayAppliesToTheVeryNextTokenRequest() throws Exception {
		String admin = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.ADMINISTRATOR));
		String username = accounts.create("kaifeng-audit", Role.SUPERVISOR);
		String supervisor = accounts.bearer(mvc, username);
		mvc.perform(get("/api/v1/ledger/entries").header("Authorization", supervisor)).andExpect(status().isOk());

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/users/" + accounts.idOf(username) + "/roles")
			.header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"officer\"]}"))
			.andExpect(status().isOk());

		mvc.perform(get("/api/v1/ledger/entries").header("Authorization", supervisor)).andExpect(status().isForbidden());
	}

	@Test
	void tokensAreStoredOnlyAsHashes() throws Exception {
		String username = accounts.create("neiqiu-health", Role.OFFICER);
		String bearer = accounts.bearer(mvc, username);
		assertThat(ApiTokens.hash(bearer.substring(7))).hasSize(64).doesNotContain(bearer.substring(7));
		List<LedgerEntry> entries = ledger.entries(0, 10_000);
		assertThat(entries).noneMatch(entry -> entry.payloadJson().contains(bearer.substring(11)));
	}

	@Test
	void aUserOfOneAgencyCannotReadAnotherAgencysUsersOrPolicy() throws Exception {
		String bearer = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.ADMINISTRATOR));
		mvc.perform(get("/api/v1/users").param("agency", "kaifeng-audit").header("Authorization", bearer))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("tenant isolation")));
		mvc.perform(get("/api/v1/agencies/kaifeng-audit/policy").header("Authorization", bearer))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/agencies/kaifeng-audit/units").header("Authorization", bearer))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/agencies").header("Authorization", bearer))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].code").value("neiqiu-health"));
		mvc.perform(get("/api/v1/users").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].agency", not(hasItem("kaifeng-audit"))));
	}

	@Test
	void theAdministratorIsRefusedFootageWithTheRule() throws Exception {
		String admin = accounts.administratorBearer(mvc);
		mvc.perform(get("/api/v1/recordings").header("Authorization", admin))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")))
			.andExpect(jsonPath("$.detail").value(containsString("不能查看音像资料")));
		String agencyAdmin = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.ADMINISTRATOR));
		mvc.perform(get("/api/v1/recordings").header("Authorization", agencyAdmin)).andExpect(status().isForbidden());

		String officer = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.OFFICER));
		mvc.perform(get("/api/v1/recordings").header("Authorization", officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isArray());
		mvc.perform(get("/api/v1/recordings").param("agency", "neiqiu-health").header("Authorization", officer))
			.andExpect(status().isForbidden());
	}

	@Test
	void administratorCreatesUsersAndChangesRolesOthersCannot() throws Exception {
		String admin = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.ADMINISTRATOR));
		String unit = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/agencies/pingdingshan-culture/units")
			.header("Authorization", admin)).andReturn().getResponse().getContentAsString(), "$[0].id");
		String body = """
				{"username":"wang.wei","displayName":"王伟","agency":"pingdingshan-culture","unitId":"%s",
				 "roles":["custodian"],"initialPassword":"Initial-Pass-2026"}""".formatted(unit);
		String created = mvc.perform(post("/api/v1/users").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mustChangePassword").value(true))
			.andExpect(jsonPath("$.roles[0]").value("custodian"))
			.andReturn().getResponse().getContentAsString();
		String id = com.jayway.jsonpath.JsonPath.read(created, "$.id");

		// No token on the initial password; the user replaces it first.
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic("wang.wei", "Initial-Pass-2026")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("请先修改密码")));
		mvc.perform(post("/api/v1/auth/password").header("Authorization", TestAccounts.basic("wang.wei", "Initial-Pass-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"Initial-Pass-2026\",\"newPassword\":\"Wang-Wei-Chose-7\"}"))
			.andExpect(status().isNoContent());
		String wang = accounts.bearer(mvc, "wang.wei", "Wang-Wei-Chose-7");
		mvc.perform(post("/api/v1/users").header("Authorization", wang).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("wang.wei", "li.na"))).andExpect(status().isForbidden());

		// A role that sees footage waits for the chief; the user does not hold it meanwhile.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/" + id + "/roles")
			.header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"legal-head\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles").isEmpty())
			.andExpect(jsonPath("$.pendingRoles[0]").value("legal-head"));
		mvc.perform(get("/api/v1/me").header("Authorization", wang)).andExpect(jsonPath("$.roles").isEmpty());

		mvc.perform(post("/api/v1/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("wang.wei", "../etc"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.username").exists());
		mvc.perform(post("/api/v1/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("wang.wei", "zhao.li").replace("\"custodian\"", "\"administrator\",\"officer\"")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		assertThat(ledger.entries(0, 100_000).stream().filter(entry -> entry.subjectId().equals(id))
			.map(LedgerEntry::action).filter(action -> action.startsWith("user."))).containsExactly("user.created",
					"user.roles-requested", "user.roles-changed");
	}

	@Test
	void administratorAddsUnitsToHisAgencyOnly() throws Exception {
		String admin = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.ADMINISTRATOR));
		mvc.perform(post("/api/v1/agencies/kaifeng-audit/units").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"nameZh\":\"财政审计科\",\"kind\":\"section\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.nameZh").value("财政审计科"));
		mvc.perform(post("/api/v1/agencies/kaifeng-audit/units").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"nameZh\":\"财政审计科\",\"kind\":\"section\"}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/agencies/kaifeng-audit/units").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"nameZh\":\"某科\",\"kind\":\"spaceship\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/agencies/neiqiu-health/units").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"nameZh\":\"某科\"}"))
			.andExpect(status().isForbidden());
		String officer = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.OFFICER));
		mvc.perform(post("/api/v1/agencies/kaifeng-audit/units").header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"nameZh\":\"另一科\"}"))
			.andExpect(status().isForbidden());
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("unit.created")
				&& entry.payloadJson().contains("财政审计科"));
	}

	@Test
	void prometheusIsForAdministratorsOnly() throws Exception {
		String officer = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.OFFICER));
		mvc.perform(get("/actuator/prometheus").header("Authorization", officer)).andExpect(status().isForbidden());
		String admin = accounts.administratorBearer(mvc);
		mvc.perform(get("/actuator/prometheus").header("Authorization", admin)).andExpect(status().isOk());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void openApiIsServedToSignedInUsers() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
		String officer = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.OFFICER));
		mvc.perform(get("/v3/api-docs").header("Authorization", officer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/users']").exists());
	}

	private List<String> actionsFor(String username) {
		return ledger.entries(0, 100_000).stream().filter(entry -> entry.actor().equals(username))
			.map(LedgerEntry::action).toList();
	}
}
