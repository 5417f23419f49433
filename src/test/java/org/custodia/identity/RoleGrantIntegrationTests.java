package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.ingest.ImportResult;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEntry;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * A role that sees footage takes effect only when the agency's confirming role confirms it: the
 * administrator's two-call back door to footage, refusals, who may decide, and what the agency sees.
 * Every agency here already has a confirmed chief (made by {@link TestAccounts}), so grants wait.
 */
@CustodiaIntegrationTest
class RoleGrantIntegrationTests {

	static final String AGENCY = "zhanhe-health";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	Ledger ledger;

	@Test
	void anAdministratorCannotWatchFootageThroughAUserHeJustMadeLegalHead() throws Exception {
		String chief = accounts.bearer(mvc, accounts.create(AGENCY, Role.CHIEF));
		UUID recording = aRecordingOf(AGENCY);
		String content = "/api/v1/recordings/" + recording + "/content";
		String admin = accounts.bearer(mvc, accounts.create(AGENCY, Role.ADMINISTRATOR));

		// The reproduction: the administrator creates a legal head, then takes a token with his password.
		String name = "lh-" + UUID.randomUUID().toString().substring(0, 8);
		String id = JsonPath.read(mvc.perform(post("/api/v1/users").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content(newUser(name, "legal-head")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.roles").isEmpty())
			.andExpect(jsonPath("$.pendingRoles[0]").value("legal-head"))
			.andReturn().getResponse().getContentAsString(), "$.id");
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(name, "Initial-Pass-2026")))
			.andExpect(status().isForbidden());
		// Knowing the one-time password, he replaces it and takes the token: still no footage.
		changePassword(name, "Initial-Pass-2026", "Puppet-Pass-2026");
		String puppet = accounts.bearer(mvc, name, "Puppet-Pass-2026");
		mvc.perform(get(content).header("Authorization", puppet).header("Range", "bytes=0-99"))
			.andExpect(status().isForbidden());

		String grant = openGrantOf(chief, name);
		mvc.perform(post("/api/v1/role-grants/" + grant + "/confirm").header("Authorization", chief)
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"本人到场核实\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("CONFIRMED"))
			.andExpect(jsonPath("$.decidedBy").exists());
		// a confirmed legal head still watches only what an approved request lets him watch
		mvc.perform(get(content).header("Authorization", puppet).header("Range", "bytes=0-99"))
			.andExpect(status().isForbidden());
		org.custodia.access.Approvals.toWatch(mvc, accounts, AGENCY, puppet, recording);
		mvc.perform(get(content).header("Authorization", puppet).header("Range", "bytes=0-99"))
			.andExpect(status().isPartialContent());

		assertThat(actionsAbout(id)).containsSubsequence("user.created", "user.roles-requested", "auth.password-changed",
				"user.roles-confirmed");
		LedgerEntry confirmed = entriesAbout(id).stream().filter(entry -> entry.action().equals("user.roles-confirmed"))
			.findFirst().orElseThrow();
		assertThat(confirmed.actorRoles()).isEqualTo("chief");
		assertThat(confirmed.payloadJson()).contains("本人到场核实", "\"as\":\"chief\"", "legal-head");
	}

	@Test
	void neitherTheAdministratorWhoAskedNorTheUserNorAnotherAgencyDecidesAndTheChiefRefuses() throws Exception {
		String chief = accounts.bearer(mvc, accounts.create(AGENCY, Role.CHIEF));
		String admin = accounts.bearer(mvc, accounts.create(AGENCY, Role.ADMINISTRATOR));
		String otherAdmin = accounts.bearer(mvc, accounts.create(AGENCY, Role.ADMINISTRATOR));
		String officer = accounts.bearer(mvc, accounts.create(AGENCY, Role.OFFICER));
		String foreignChief = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CHIEF));
		String name = "of-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/users").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content(newUser(name, "officer"))).andExpect(status().isCreated());
		changePassword(name, "Initial-Pass-2026", "Himself-Pass-2026");
		String himself = accounts.bearer(mvc, name, "Himself-Pass-2026");
		String grant = openGrantOf(chief, name);

		for (String notAllowed : List.of(admin, otherAdmin, himself, officer)) {
			mvc.perform(post("/api/v1/role-grants/" + grant + "/confirm").header("Authorization", notAllowed))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.rule").value(containsString("second person")));
		}
		mvc.perform(post("/api/v1/role-grants/" + grant + "/confirm").header("Authorization", foreignChief))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/role-grants").header("Authorization", officer))
			.andExpect(jsonPath("$[?(@.id == '" + grant + "')].mayDecide").value(hasItem(false)));
		mvc.perform(get("/api/v1/role-grants").header("Authorization", foreignChief))
			.andExpect(jsonPath("$[*].id", not(hasItem(grant))));

		mvc.perform(post("/api/v1/role-grants/" + grant + "/refuse").header("Authorization", chief)
			.contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"不是本局人员\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("REFUSED"));
		mvc.perform(get("/api/v1/me").header("Authorization", himself)).andExpect(jsonPath("$.roles").isEmpty())
			.andExpect(jsonPath("$.pendingRoles").isEmpty());
		mvc.perform(post("/api/v1/role-grants/" + grant + "/confirm").header("Authorization", chief))
			.andExpect(status().isConflict());
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("user.roles-refused")
				&& entry.payloadJson().contains("不是本局人员"));
	}

	@Test
	void takingARoleAwayIsImmediateAndAFootageRoleAddedWaits() throws Exception {
		accounts.create(AGENCY, Role.CHIEF);
		String admin = accounts.bearer(mvc, accounts.create(AGENCY, Role.ADMINISTRATOR));
		String username = accounts.create(AGENCY, Role.OFFICER, Role.CUSTODIAN);
		String bearer = accounts.bearer(mvc, username);
		UUID id = accounts.idOf(username);

		roles(admin, id, "{\"roles\":[\"custodian\",\"unit-head\"]}")
			.andExpect(jsonPath("$.roles.length()").value(1))
			.andExpect(jsonPath("$.roles[0]").value("custodian"))
			.andExpect(jsonPath("$.pendingRoles[0]").value("unit-head"));
		mvc.perform(get("/api/v1/me").header("Authorization", bearer)).andExpect(jsonPath("$.roles[0]").value("custodian"));

		roles(admin, id, "{\"roles\":[\"custodian\"]}").andExpect(jsonPath("$.pendingRoles").isEmpty());
		mvc.perform(get("/api/v1/role-grants").param("all", "true").header("Authorization", bearer))
			.andExpect(jsonPath("$[?(@.username == '" + username + "')].state").value(hasItem("SUPERSEDED")));
		assertThat(actionsAbout(id.toString())).containsSubsequence("user.roles-requested", "user.roles-changed",
				"user.roles-changed");
	}

	@Test
	void aPasswordResetEndsSessionsRevokesTokensAndAsksAgainForFootageRoles() throws Exception {
		String chief = accounts.bearer(mvc, accounts.create(AGENCY, Role.CHIEF));
		String admin = accounts.bearer(mvc, accounts.create(AGENCY, Role.ADMINISTRATOR));
		MockHttpSession session = accounts.signedIn(mvc, AGENCY, Role.LEGAL_HEAD);
		String username = accounts.account(session).username();
		String token = accounts.bearer(mvc, username, TestAccounts.PASSWORD + "-new");
		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isOk());

		mvc.perform(post("/api/v1/users/" + accounts.idOf(username) + "/password-reset").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content("{\"initialPassword\":\"Reset-Pass-2026\"}"))
			.andExpect(status().isNoContent());

		mvc.perform(get("/api/v1/me").header("Authorization", token)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, "Reset-Pass-2026")))
			.andExpect(status().isForbidden());
		changePassword(username, "Reset-Pass-2026", "After-Reset-2026");
		String again = accounts.bearer(mvc, username, "After-Reset-2026");
		mvc.perform(get("/api/v1/me").header("Authorization", again))
			.andExpect(jsonPath("$.roles").isEmpty())
			.andExpect(jsonPath("$.pendingRoles[0]").value("legal-head"));

		mvc.perform(post("/api/v1/role-grants/" + openGrantOf(chief, username) + "/confirm").header("Authorization", chief))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/me").header("Authorization", again)).andExpect(jsonPath("$.roles[0]").value("legal-head"));
		assertThat(ledger.entries(0, 100_000)).anyMatch(entry -> entry.action().equals("auth.password-reset")
				&& entry.payloadJson().contains("\"tokensRevoked\":1"));
	}

	@Test
	void theChiefSeesWhatWaitsOnHisHomePageAndTheAdministratorOnTheUsersPage() throws Exception {
		MockHttpSession chief = accounts.signedIn(mvc, AGENCY, Role.CHIEF);
		MockHttpSession admin = accounts.signedIn(mvc, AGENCY, Role.ADMINISTRATOR);
		String name = "sv-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/v1/users").header("Authorization", accounts.bearer(mvc, accounts.account(admin).username(),
				TestAccounts.PASSWORD + "-new")).contentType(MediaType.APPLICATION_JSON).content(newUser(name, "supervisor")))
			.andExpect(status().isCreated());

		mvc.perform(get("/").session(chief)).andExpect(status().isOk())
			.andExpect(content().string(containsString("项角色授予等待您确认或拒绝")));
		mvc.perform(get("/role-grants").session(chief)).andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("class=\"confirm-grant\"")));
		mvc.perform(get("/admin/users").param("agency", AGENCY).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("待确认：监督人员")));
	}

	private org.springframework.test.web.servlet.ResultActions roles(String admin, UUID id, String body) throws Exception {
		return mvc.perform(put("/api/v1/users/" + id + "/roles").header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
	}

	private String newUser(String username, String role) {
		UUID unit = accounts.unitOf(AGENCY);
		return """
				{"username":"%s","displayName":"新用户","agency":"%s","unitId":"%s","roles":["%s"],
				 "initialPassword":"Initial-Pass-2026"}""".formatted(username, AGENCY, unit, role);
	}

	private void changePassword(String username, String current, String chosen) throws Exception {
		mvc.perform(post("/api/v1/auth/password").header("Authorization", TestAccounts.basic(username, current))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + chosen + "\"}"))
			.andExpect(status().isNoContent());
	}

	private String openGrantOf(String bearer, String username) throws Exception {
		List<String> ids = JsonPath.read(mvc.perform(get("/api/v1/role-grants").header("Authorization", bearer))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$[?(@.username == '" + username + "')].id");
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private List<LedgerEntry> entriesAbout(String userId) {
		return ledger.entries(0, 100_000).stream().filter(entry -> entry.subjectId().equals(userId)).toList();
	}

	private List<String> actionsAbout(String userId) {
		return entriesAbout(userId).stream().map(LedgerEntry::action).toList();
	}

	/** One real recording of an officer of the agency, imported by its custodian, made unique by a random tail. */
	private UUID aRecordingOf(String agency) throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, agency, Role.CUSTODIAN));
		Actor officer = accounts.account(accounts.signedIn(mvc, agency, Role.OFFICER));
		String device = "RG-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(agency, device, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		byte[] sample = Files.readAllBytes(TestMedia.file("sample_mpeg4.mp4"));
		byte[] tail = new byte[16];
		new Random().nextBytes(tail);
		byte[] unique = Arrays.copyOf(sample, sample.length + tail.length);
		System.arraycopy(tail, 0, unique, sample.length, tail.length);
		Files.write(folder.resolve("clip.mp4"), unique);
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, agency, device, officer.userId(), folder);
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED);
		return outcomes.get(0).recordingId();
	}
}
