package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
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

/** A custodian starts a folder import as a background job and follows it to the end; other agencies never see it. */
@CustodiaIntegrationTest
class ImportJobsIntegrationTests {

	static final Path MEDIA = TestMedia.FOLDER;

	static final List<String> FILES = List.of("sample_mpeg4.mp4", "yuan.amr", "empty.mp3", "Apple iPhone 4.jpg");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Test
	void runsAFolderImportInTheBackgroundUntilEveryFileAndByteIsCounted() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		Actor custodian = accounts.account(session);
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = device(custodian, "neiqiu-health", "NQJ-");
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		long bytes = 0;
		for (String file : FILES) {
			Files.copy(MEDIA.resolve(file), folder.resolve(file));
			bytes += Files.size(folder.resolve(file));
		}

		String started = mvc.perform(post("/api/v1/imports").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"folder\":\"%s\"}".formatted(number, folder)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.device").value(number))
			.andExpect(jsonPath("$.startedBy").value(custodian.username()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String id = JsonPath.read(started, "$.id");

		String done = finished(mvc, bearer, id);
		assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("DONE");
		assertThat(JsonPath.<Integer>read(done, "$.filesTotal")).isEqualTo(FILES.size());
		assertThat(JsonPath.<Integer>read(done, "$.filesDone")).isEqualTo(FILES.size());
		assertThat(JsonPath.<Number>read(done, "$.bytesTotal").longValue()).isEqualTo(bytes);
		assertThat(JsonPath.<Number>read(done, "$.bytesCopied").longValue()).isEqualTo(bytes);
		List<Map<String, Object>> outcomes = JsonPath.read(done, "$.outcomes");
		assertThat(outcomes).extracting(outcome -> outcome.get("file")).containsExactlyInAnyOrderElementsOf(FILES);
		assertThat(outcomes).allMatch(outcome -> outcome.get("result").equals("STORED"));
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[?(@.file == 'empty.mp3')].text"))
			.containsExactly("已存储；空文件");
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[?(@.file == 'yuan.amr')].sha256")).containsExactly(
				ManifestSums.of("yuan.amr"));

		mvc.perform(get("/api/v1/imports").header("Authorization", bearer))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id));

		String again = mvc.perform(post("/api/v1/imports").header("Authorization", bearer)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"folder\":\"%s\"}".formatted(number, folder)))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String repeated = finished(mvc, bearer, JsonPath.read(again, "$.id"));
		// The same folder of the same device again: every file known by path, size and time, none read again.
		assertThat(JsonPath.<List<String>>read(repeated, "$.outcomes[*].result")).hasSize(FILES.size())
			.containsOnly("ALREADY_IMPORTED");
		assertThat(JsonPath.<Integer>read(repeated, "$.filesDone")).isEqualTo(FILES.size());
		assertThat(JsonPath.<Number>read(repeated, "$.bytesTotal").longValue()).isZero();
		assertThat(JsonPath.<Number>read(repeated, "$.bytesCopied").longValue()).isZero();
		assertThat(JsonPath.<List<String>>read(repeated, "$.outcomes[?(@.file == 'yuan.amr')].text"))
			.containsExactly("已导入过（本设备的同一文件，未再读取）");
	}

	@Test
	void anotherAgencyNeverSeesTheJob() throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN));
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = device(custodian, "neiqiu-health", "NQJ-");
		Path folder = TestDatabases.newDataDirectory().resolve("CARD");
		Files.createDirectories(folder);
		Files.copy(MEDIA.resolve("yuan.amr"), folder.resolve("yuan.amr"));
		String started = mvc.perform(post("/api/v1/imports").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"folder\":\"%s\"}".formatted(number, folder)))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String id = JsonPath.read(started, "$.id");

		String stranger = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/imports/" + id).header("Authorization", stranger))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString(id)));
		mvc.perform(get("/api/v1/imports").header("Authorization", stranger))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '%s')]".formatted(id)).isEmpty());
		assertThat(JsonPath.<String>read(finished(mvc, bearer, id), "$.state")).isEqualTo("DONE");
	}

	@Test
	void refusesTheAdministratorUnknownDevicesAndMissingFoldersBeforeAnyJobStarts() throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN));
		String bearer = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = device(custodian, "neiqiu-health", "NQJ-");
		String folder = TestDatabases.newDataDirectory().toString();
		mvc.perform(post("/api/v1/imports").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"NO-SUCH-DEVICE\",\"folder\":\"%s\"}".formatted(folder)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("NO-SUCH-DEVICE")));
		mvc.perform(post("/api/v1/imports").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"folder\":\"%s/missing\"}".formatted(number, folder)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("找不到要导入的文件夹")));
		String admin = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.ADMINISTRATOR));
		mvc.perform(post("/api/v1/imports").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"folder\":\"%s\"}".formatted(number, folder)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		mvc.perform(get("/api/v1/imports").header("Authorization", bearer))
			.andExpect(jsonPath("$[?(@.device == 'NO-SUCH-DEVICE')]").isEmpty());
	}

	@Test
	void showsTheImportPageToTheCustodianWithTheAgencyDevicesAndRefusesTheAdministrator() throws Exception {
		MockHttpSession session = accounts.signedIn(mvc, "neiqiu-health", Role.CUSTODIAN);
		String number = device(accounts.account(session), "neiqiu-health", "NQP-");
		mvc.perform(get("/imports").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("从浏览器上传文件")))
			.andExpect(content().string(containsString("<option value=\"%s\">".formatted(number))))
			.andExpect(content().string(containsString("/vendor/tus-js-client/tus.min.js")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))));
		mvc.perform(get("/imports").session(accounts.signedIn(mvc, "neiqiu-health", Role.ADMINISTRATOR)))
			.andExpect(status().isForbidden());
	}

	/** The job once it has left RUNNING; the import runs on another thread, so the test waits for it, bounded. */
	static String finished(MockMvc mvc, String bearer, String id) throws Exception {
		for (int attempt = 0; attempt < 600; attempt++) {
			String body = mvc.perform(get("/api/v1/imports/" + id).header("Authorization", bearer))
				.andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			if (!"RUNNING".equals(JsonPath.read(body, "$.state"))) {
				return body;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import job " + id + " still running after a minute");
	}

	private String device(Actor custodian, String agency, String prefix) {
		String number = prefix + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice(agency, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		return number;
	}
}
