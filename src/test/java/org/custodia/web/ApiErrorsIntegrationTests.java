package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the API is a problem detail in the caller's language, through a real server (the
 * servlet container's error dispatch included): unknown paths, refusals of controllers that also
 * serve pages, bodies that are not numbers or are too large.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class ApiErrorsIntegrationTests {

	private static final String AGENCY = "fengnan-medins";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void anUnknownApiPathIsAProblemDetailInChinese() throws Exception {
		HttpResponse<String> response = send(get("/api/v1/no-such-thing").header("Authorization", bearer(Role.OFFICER)));

		assertThat(response.statusCode()).isEqualTo(404);
		assertProblem(response, 404).contains("没有这个地址", "/api/v1/no-such-thing");
	}

	@Test
	void aRefusalOfTheDockIsAProblemDetailNotAPage() throws Exception {
		HttpResponse<String> response = send(get("/api/v1/dock").header("Authorization", bearer(Role.OFFICER)));

		assertThat(response.statusCode()).isEqualTo(403);
		assertProblem(response, 403).isNotBlank();
	}

	@Test
	void numbersThatAreNotFiniteOrTooLargeAreBadInputNamingTheField() throws Exception {
		String officer = bearer(Role.OFFICER);
		String clips = "/api/v1/recordings/" + UUID.randomUUID() + "/clips";
		for (String body : List.of("{\"fromSeconds\": 1e400, \"toSeconds\": 2}", "{\"fromSeconds\": \"NaN\", \"toSeconds\": 2}",
				"{\"fromSeconds\": \"-Infinity\", \"toSeconds\": 2}", "{\"fromSeconds\": 123456789012345678901234567890, \"toSeconds\": 2}")) {
			HttpResponse<String> response = send(json(clips, BodyPublishers.ofString(body)).header("Authorization", officer));
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertProblem(response, 400).as(body).contains("fromSeconds");
		}
		HttpResponse<String> bareNaN = send(json(clips, BodyPublishers.ofString("{\"fromSeconds\": NaN}"))
			.header("Authorization", officer));
		assertThat(bareNaN.statusCode()).isEqualTo(400);
		assertProblem(bareNaN, 400).contains("JSON");

		String user = accounts.create(AGENCY, Role.OFFICER);
		HttpResponse<String> days = send(json("/api/v1/auth/token", BodyPublishers.ofString("{\"days\": 1e30}"))
			.header("Authorization", TestAccounts.basic(user, TestAccounts.PASSWORD)));
		assertThat(days.statusCode()).isEqualTo(400);
		assertProblem(days, 400).contains("days");
	}

	@Test
	void aBodyLargerThanTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
		byte[] large = ("{\"note\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> declared = send(json("/api/v1/activities", BodyPublishers.ofByteArray(large)));
		HttpResponse<String> streamed = send(json("/api/v1/activities",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).header("Authorization", bearer(Role.OFFICER)));

		assertThat(declared.statusCode()).isEqualTo(413);
		assertProblem(declared, 413).contains("超过允许的大小");
		assertThat(streamed.statusCode()).isEqualTo(413);
		assertProblem(streamed, 413).contains("超过允许的大小");
	}

	@Test
	void aRequestTomcatRefusesItselfIsAProblemDetailOrAPageInChineseNotTomcatsOwn() throws Exception {
		String api = raw("GET /api/v1/recordings/" + UUID.randomUUID() + "/content HTTP/1.1\r\nHost: localhost\r\n"
				+ "Range: bytes=0-\u0001\r\nConnection: close\r\n\r\n");
		String page = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n");

		assertThat(api).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"status\":400", "请求有误").doesNotContain("Apache Tomcat", "<html");
		assertThat(page).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: text/html")
			.contains("请求有误").doesNotContain("Apache Tomcat", "Bad Request");
	}

	private String raw(String request) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void everyApiEndpointIsOnARestControllerSoItsRefusalsAreProblemDetails() {
		mappings.getHandlerMethods().forEach((mapping, handler) -> {
			boolean api = mapping.getPatternValues().stream().anyMatch(pattern -> pattern.startsWith("/api/"));
			if (api) {
				assertThat(handler.getBeanType().isAnnotationPresent(RestController.class))
					.as(handler.getBeanType().getSimpleName() + " " + mapping).isTrue();
			}
		});
	}

	private org.assertj.core.api.AbstractStringAssert<?> assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).matches(".*\\p{IsHan}.*");
		return assertThat(problem.get("detail").asString() + " " + problem.path("fields"));
	}

	private String bearer(Role role) throws Exception {
		String user = accounts.create(AGENCY, role);
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
			.header("Authorization", TestAccounts.basic(user, TestAccounts.PASSWORD))
			.POST(BodyPublishers.noBody()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return "Bearer " + json.readTree(response.body()).get("token").asString();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(uri(path)).GET();
	}

	private HttpRequest.Builder json(String path, BodyPublisher body) {
		return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").POST(body);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}
}
