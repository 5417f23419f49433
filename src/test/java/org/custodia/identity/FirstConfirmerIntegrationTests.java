package org.custodia.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * An agency's first holder of the confirming role, whom nobody there can confirm: he holds it at once,
 * every page of the agency shows him unconfirmed, and another administrator account or the agency's
 * confirmed legal head confirms him. A fresh context, so that no agency has a chief yet; each test
 * uses its own agency.
 */
@CustodiaIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class FirstConfirmerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theFirstChiefIsUnconfirmedOnEveryPageUntilAnotherAdministratorConfirmsHim() throws Exception {
		String agency = "kaifeng-audit";
		String admin = accounts.bearer(mvc, accounts.create(agency, Role.ADMINISTRATOR));
		String secondAdmin = accounts.bearer(mvc, accounts.create(agency, Role.ADMINISTRATOR));
		MockHttpSession officer = accounts.signedIn(mvc, agency, Role.OFFICER);
		MockHttpSession elsewhere = accounts.signedIn(mvc, "zhanhe-health", Role.OFFICER);
		mvc.perform(get("/").session(officer)).andExpect(content().string(not(containsString("unconfirmed-banner"))));

		String chiefName = create(admin, agency, "chief");
		mvc.perform(get("/api/v1/users/" + accounts.idOf(chiefName)).header("Authorization", admin))
			.andExpect(jsonPath("$.roles[0]").value("chief"))
			.andExpect(jsonPath("$.unconfirmedRoles[0]").value("chief"));
		for (String page : List.of("/", "/policies", "/account")) {
			mvc.perform(get(page).session(officer)).andExpect(status().isOk())
				.andExpect(content().string(containsString("id=\"unconfirmed-banner\"")))
				.andExpect(content().string(containsString(chiefName)));
		}
		mvc.perform(get("/").session(elsewhere)).andExpect(content().string(not(containsString(chiefName))));

		// Unconfirmed, the chief confirms nobody; an officer asked for meanwhile waits.
		String chief = readyBearer(chiefName);
		String officerName = create(admin, agency, "officer");
		String officerGrant = openGrantOf(admin, officerName);
		confirm(chief, officerGrant).andExpect(status().isForbidden());

		String chiefGrant = openGrantOf(admin, chiefName);
		confirm(admin, chiefGrant).andExpect(status().isForbidden());
		confirm(secondAdmin, chiefGrant).andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CONFIRMED"));
		mvc.perform(get("/").session(officer)).andExpect(content().string(not(containsString("unconfirmed-banner"))));

		confirm(chief, officerGrant).andExpect(status().isOk());
	}

	@Test
	void aConfirmedLegalHeadConfirmsTheNewChiefWhenTheOldOneLeaves() throws Exception {
		String agency = "neiqiu-health";
		String admin = accounts.bearer(mvc, accounts.create(agency, Role.ADMINISTRATOR));
		String legalHead = accounts.bearer(mvc, accounts.create(agency, Role.LEGAL_HEAD));
		String oldChief = accounts.create(agency, Role.CHIEF);
		mvc.perform(put("/api/v1/users/" + accounts.idOf(oldChief) + "/roles").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"roles\":[\"custodian\"]}")).andExpect(status().isOk());

		String newChief = create(admin, agency, "chief");
		String grant = openGrantOf(legalHead, newChief);
		mvc.perform(get("/api/v1/role-grants").header("Authorization", legalHead))
			.andExpect(jsonPath("$[0].state").value("UNCONFIRMED"))
			.andExpect(jsonPath("$[0].mayDecide").value(true));
		confirm(legalHead, grant).andExpect(status().isOk());
		String legalHeadName = JsonPath.read(mvc.perform(get("/api/v1/me").header("Authorization", legalHead))
			.andReturn().getResponse().getContentAsString(), "$.username");
		mvc.perform(get("/api/v1/role-grants").param("all", "true").header("Authorization", admin))
			.andExpect(jsonPath("$[0].state").value("CONFIRMED"))
			.andExpect(jsonPath("$[0].decidedBy").value(legalHeadName));
	}

	@Test
	void theRoleThePolicyNamesConfirmsInItsAgency() throws Exception {
		String agency = "fengnan-medins";
		String admin = accounts.bearer(mvc, accounts.create(agency, Role.ADMINISTRATOR));
		String chiefName = create(admin, agency, "chief");
		mvc.perform(get("/api/v1/users/" + accounts.idOf(chiefName)).header("Authorization", admin))
			.andExpect(jsonPath("$.roles").isEmpty())
			.andExpect(jsonPath("$.pendingRoles[0]").value("chief"));
		String leaderName = create(admin, agency, "leader-in-charge");
		String anotherAdmin = accounts.bearer(mvc, accounts.create(agency, Role.ADMINISTRATOR));
		confirm(anotherAdmin, openGrantOf(admin, leaderName)).andExpect(status().isOk());

		String leader = readyBearer(leaderName);
		confirm(leader, openGrantOf(admin, chiefName)).andExpect(status().isOk())
			.andExpect(jsonPath("$.confirmedBy").value("leader-in-charge"));
	}

	@Test
	void theBootstrapAdministratorGetsNoTokenUntilHeChangesHisOneTimePassword() throws Exception {
		mvc.perform(post("/api/v1/auth/token")
			.header("Authorization", TestAccounts.basic("admin", CustodiaIntegrationTest.ADMIN_PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("请先修改密码")))
			.andExpect(jsonPath("$.rule").value(containsString("one-time password")));
		mvc.perform(post("/api/v1/auth/token").header("Accept-Language", "en")
			.header("Authorization", TestAccounts.basic("admin", CustodiaIntegrationTest.ADMIN_PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("Change your password")));
		mvc.perform(get("/api/v1/me").header("Authorization", accounts.administratorBearer(mvc)))
			.andExpect(jsonPath("$.username").value("admin"));
	}

	private String create(String admin, String agency, String role) throws Exception {
		String name = role.substring(0, 2) + "-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username":"%s","displayName":"新用户","agency":"%s","unitId":"%s","roles":["%s"],
					 "initialPassword":"Initial-Pass-2026"}""".formatted(name, agency, accounts.unitOf(agency), role)))
			.andExpect(status().isCreated());
		return name;
	}

	/** A token for a user created through the API, after he replaced his one-time password. */
	private String readyBearer(String username) throws Exception {
		mvc.perform(post("/api/v1/auth/password").header("Authorization", TestAccounts.basic(username, "Initial-Pass-2026"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"Initial-Pass-2026\",\"newPassword\":\"Chosen-Pass-2026\"}"))
			.andExpect(status().isNoContent());
		return accounts.bearer(mvc, username, "Chosen-Pass-2026");
	}

	private org.springframework.test.web.servlet.ResultActions confirm(String bearer, String grant) throws Exception {
		return mvc.perform(post("/api/v1/role-grants/" + grant + "/confirm").header("Authorization", bearer));
	}

	private String openGrantOf(String bearer, String username) throws Exception {
		List<String> ids = JsonPath.read(mvc.perform(get("/api/v1/role-grants").header("Authorization", bearer))
			.andReturn().getResponse().getContentAsString(), "$[?(@.username == '" + username + "')].id");
		return ids.get(0);
	}
}
