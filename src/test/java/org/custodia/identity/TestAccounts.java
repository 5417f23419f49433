package org.custodia.identity;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Creates real users through the real services and gets them real API tokens, for integration tests.
 * Like the demo accounts, they are created with their roles confirmed by the system ({@code system:test}
 * in the ledger), through a path no page or API reaches; the confirmation itself is tested through the API.
 */
@Component
public class TestAccounts {

	public static final String PASSWORD = "Test-Password-42";

	/** The bootstrap administrator's password once {@link #administratorBearer} has replaced the one-time one. */
	public static final String ADMIN_CHANGED_PASSWORD = "Bootstrap-Changed-2026";

	private final Users users;

	private final UserRepository repository;

	private final AgencyRepository agencies;

	private final JsonMapper json = JsonMapper.builder().build();

	TestAccounts(Users users, UserRepository repository, AgencyRepository agencies) {
		this.users = users;
		this.repository = repository;
		this.agencies = agencies;
	}

	/**
	 * A new user of the agency's first unit with the given roles, confirmed, and {@link #PASSWORD}, already
	 * his own (no change due); returns the user name.
	 */
	public String create(String agency, Role... roles) {
		return createInUnit(agency, 0, roles);
	}

	/** The same in the agency's unit of that index (its units in their listed order). */
	public String createInUnit(String agency, int unitIndex, Role... roles) {
		return created(agency, unitIndex, false, roles);
	}

	/** A new user whose {@link #PASSWORD} is a one-time password, to be changed at the first login. */
	public String createWithOneTimePassword(String agency, Role... roles) {
		return created(agency, 0, true, roles);
	}

	private String created(String agency, int unitIndex, boolean oneTimePassword, Role... roles) {
		String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
		UUID unit = agencies.units(agency).get(unitIndex).id();
		users.createConfirmedBySystem("test", new NewUser(username, "测试用户", agency, unit,
				List.of(roles).stream().map(Role::code).toList(), PASSWORD), oneTimePassword);
		return username;
	}

	/**
	 * A Bearer header of the bootstrap administrator {@code admin}. No token is issued while his
	 * one-time password stands, so the first call replaces it through {@code POST /api/v1/auth/password}.
	 */
	public synchronized String administratorBearer(MockMvc mvc) throws Exception {
		if (installationAdministrator().mustChangePassword()) {
			String oneTime = org.custodia.shared.CustodiaIntegrationTest.ADMIN_PASSWORD;
			int status = mvc.perform(post("/api/v1/auth/password")
				.header("Authorization", basic(InstallationBootstrap.ADMIN, oneTime))
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("currentPassword", oneTime, "newPassword", ADMIN_CHANGED_PASSWORD))))
				.andReturn().getResponse().getStatus();
			if (status != 204) {
				throw new IllegalStateException("the bootstrap password was not replaced: " + status);
			}
		}
		return bearer(mvc, InstallationBootstrap.ADMIN, ADMIN_CHANGED_PASSWORD);
	}

	/** The agency's first unit, where {@link #create} puts its users. */
	public UUID unitOf(String agency) {
		return agencies.units(agency).get(0).id();
	}

	public UUID idOf(String username) {
		return repository.findByUsername(username).orElseThrow().userId();
	}

	/** A Bearer header value for the user, through {@code POST /api/v1/auth/token} with HTTP Basic. */
	public String bearer(MockMvc mvc, String username, String password) throws Exception {
		String body = mvc.perform(post("/api/v1/auth/token").header("Authorization", basic(username, password)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		Map<?, ?> token = json.readValue(body, Map.class);
		if (token.get("token") == null) {
			throw new IllegalStateException("no token for " + username + ": " + body);
		}
		return "Bearer " + token.get("token");
	}

	public String bearer(MockMvc mvc, String username) throws Exception {
		return bearer(mvc, username, PASSWORD);
	}

	/** A browser session of a new user who signed in and replaced the one-time password. */
	public org.springframework.mock.web.MockHttpSession signedIn(MockMvc mvc, String agency, Role... roles) throws Exception {
		String username = create(agency, roles);
		org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
		mvc.perform(post("/login").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", username).param("password", PASSWORD));
		mvc.perform(post("/account/password").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("currentPassword", PASSWORD).param("newPassword", PASSWORD + "-new").param("confirmPassword", PASSWORD + "-new"));
		return session;
	}

	/** The signed-in account of a browser session, to call services as that user. */
	public org.custodia.shared.Actor account(org.springframework.mock.web.MockHttpSession session) {
		var context = (org.springframework.security.core.context.SecurityContext) session
			.getAttribute("SPRING_SECURITY_CONTEXT");
		return (org.custodia.shared.Actor) context.getAuthentication().getPrincipal();
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	UserAccount installationAdministrator() {
		return repository.findByUsername(InstallationBootstrap.ADMIN).orElseThrow();
	}
}
