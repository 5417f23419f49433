package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real Tomcat behind a reverse proxy the operator configured ({@code server.forward-headers-strategy=native};
 * the proxy here is this machine, one of Tomcat's default internal proxies): the proxy's
 * {@code X-Forwarded-Proto: https} makes the session cookie {@code Secure} and brings HSTS, and its
 * {@code X-Forwarded-For} is the client address the login throttle counts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class BehindAProxyTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void httpsAtTheProxyMarksTheSessionCookieSecureAndSendsStrictTransportSecurity() throws Exception {
		HttpResponse<String> secure = http.send(request("/login").header("X-Forwarded-Proto", "https").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(secure.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=").contains("; Secure").contains("; HttpOnly").contains("SameSite=Strict"));
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000 ; includeSubDomains");

		HttpResponse<String> plain = http.send(request("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
			.startsWith("JSESSIONID=").doesNotContain("Secure"));
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void theConfiguredProxysForwardedAddressIsTheOneTheThrottleCounts() throws Exception {
		String username = accounts.create("zhanhe-health", Role.OFFICER);
		for (int i = 0; i < LoginThrottle.PER_NAME; i++) {
			assertThat(token(username, "wrong-" + i, "203.0.113.7")).isEqualTo(401);
		}
		assertThat(token(username, TestAccounts.PASSWORD, "203.0.113.7")).isEqualTo(401);
		assertThat(token(username, TestAccounts.PASSWORD, "203.0.113.8")).isEqualTo(201);
	}

	private int token(String username, String password, String client) throws Exception {
		return http.send(request("/api/v1/auth/token").header("Authorization", TestAccounts.basic(username, password))
			.header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}
}
