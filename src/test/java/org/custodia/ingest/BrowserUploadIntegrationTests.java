package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** A file from a phone arrives by resumable upload (tus), survives a dropped connection, and is imported intact. */
@CustodiaIntegrationTest
class BrowserUploadIntegrationTests {

	static final String MEDIA_FILE = "sample_mpeg4.mp4";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Autowired
	org.custodia.shared.ShownTimes times;

	@Test
	void resumesAfterADroppedConnectionAndImportsTheBytesTheManifestVouchesFor() throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN));
		String owner = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "FNU-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("fengnan-medins", number, DeviceKind.HANDHELD_TERMINAL, null, null,
				null, null, null, null, null, null, null, null));
		byte[] content = Files.readAllBytes(ImportJobsIntegrationTests.MEDIA.resolve(MEDIA_FILE));
		String hostileName = "../../etc/" + "长".repeat(300) + ".mp4";

		String location = mvc.perform(post("/api/v1/uploads").header("Authorization", owner)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", content.length)
			.header("Upload-Metadata", "filename " + base64(hostileName) + ",filetype " + base64("video/mp4")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		assertThat(location).contains("/api/v1/uploads/");
		String upload = location.substring(location.indexOf("/api/v1/uploads/"));

		int half = content.length / 2;
		append(owner, upload, 0, Arrays.copyOfRange(content, 0, half)).andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", String.valueOf(half)));
		// The connection drops: the client asks where the server stands before it goes on.
		mvc.perform(head(upload).header("Authorization", owner).header("Tus-Resumable", "1.0.0"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(header().string("Upload-Offset", String.valueOf(half)))
			.andExpect(header().string("Upload-Length", String.valueOf(content.length)));

		String stranger = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));
		mvc.perform(head(upload).header("Authorization", stranger).header("Tus-Resumable", "1.0.0"))
			.andExpect(status().isNotFound());
		append(stranger, upload, half, Arrays.copyOfRange(content, half, content.length)).andExpect(status().isNotFound());
		String officer = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.OFFICER));
		mvc.perform(post("/api/v1/uploads").header("Authorization", officer).header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", 10))
			.andExpect(status().isForbidden());
		String administrator = accounts.administratorBearer(mvc);
		mvc.perform(post("/api/v1/uploads").header("Authorization", administrator).header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", 10))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/imports/uploads").header("Authorization", owner).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"uploads\":[\"%s\"]}".formatted(number, location)))
			.andExpect(status().isConflict());

		append(owner, upload, half, Arrays.copyOfRange(content, half, content.length)).andExpect(status().isNoContent())
			.andExpect(header().string("Upload-Offset", String.valueOf(content.length)));
		mvc.perform(post("/api/v1/imports/uploads").header("Authorization", stranger).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"uploads\":[\"%s\"]}".formatted(number, location)))
			.andExpect(status().isNotFound());

		String started = mvc.perform(post("/api/v1/imports/uploads").header("Authorization", owner)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"uploads\":[\"%s\"]}".formatted(number, location)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.kind").value("UPLOAD"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String done = ImportJobsIntegrationTests.finished(mvc, owner, JsonPath.read(started, "$.id"));
		assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("DONE");
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[*].result")).containsExactly("STORED");
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[*].sha256")).containsExactly(ManifestSums.of(MEDIA_FILE));
		String label = JsonPath.<List<String>>read(done, "$.outcomes[*].file").get(0);
		assertThat(label).doesNotContain("/", "..").endsWith(".mp4").hasSizeLessThanOrEqualTo(BrowserUploads.MAX_LABEL)
			.startsWith("长长");

		mvc.perform(get("/api/v1/recordings").header("Authorization", owner))
			.andExpect(jsonPath("$.items[?(@.originalName == '%s')].contentType".formatted(label))
				.value(org.hamcrest.Matchers.contains("video/mp4")))
			.andExpect(jsonPath("$.items[?(@.originalName == '%s')].blobKey".formatted(label))
				.value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.endsWith(".mp4"))));
		mvc.perform(head(upload).header("Authorization", owner).header("Tus-Resumable", "1.0.0"))
			.andExpect(status().isNotFound());
	}

	/**
	 * An empty file among others is uploaded, stored and flagged, and an upload never finished fails alone
	 * with its reason: the rest of the batch is stored.
	 */
	@Test
	void anEmptyFileIsStoredAndFlaggedAndAnUnfinishedUploadFailsAlone() throws Exception {
		org.springframework.mock.web.MockHttpSession page = accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN);
		Actor custodian = accounts.account(page);
		String owner = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "FNE-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("fengnan-medins", number, DeviceKind.HANDHELD_TERMINAL, null, null,
				null, null, null, null, null, null, null, null));
		// Bytes of this test alone: a file another test stored would come out a duplicate.
		byte[] content = (number + " " + System.nanoTime() + " ").repeat(200).getBytes(StandardCharsets.UTF_8);

		// A length announced later would look like an empty file to the tus server: it is refused.
		mvc.perform(post("/api/v1/uploads").header("Authorization", owner).header("Tus-Resumable", "1.0.0")
			.header("Upload-Defer-Length", 1))
			.andExpect(status().isBadRequest());
		String empty = create(owner, "empty-" + number + ".mp4", 0);
		String media = create(owner, "whole-" + number + ".txt", content.length);
		append(owner, media, 0, content).andExpect(status().isNoContent());
		String unfinished = create(owner, "half-" + number + ".mp4", content.length);
		append(owner, unfinished, 0, Arrays.copyOf(content, 100)).andExpect(status().isNoContent());

		String started = mvc.perform(post("/api/v1/imports/uploads").header("Authorization", owner)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"uploads\":[\"%s\",\"%s\",\"%s\"]}".formatted(number, empty, unfinished, media)))
			.andExpect(status().isAccepted())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String done = ImportJobsIntegrationTests.finished(mvc, owner, JsonPath.read(started, "$.id"));
		assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("DONE");
		// Files are copied side by side: outcomes come in the order they finish.
		assertThat(JsonPath.<List<String>>read(done, "$.outcomes[*].file")).containsExactlyInAnyOrder(
				"half-" + number + ".mp4", "empty-" + number + ".mp4", "whole-" + number + ".txt");
		String half = "$.outcomes[?(@.file == 'half-%s.mp4')]".formatted(number);
		String emptyFile = "$.outcomes[?(@.file == 'empty-%s.mp4')]".formatted(number);
		String whole = "$.outcomes[?(@.file == 'whole-%s.txt')]".formatted(number);
		assertThat(JsonPath.<List<String>>read(done, half + ".result")).containsExactly("FAILED");
		assertThat(JsonPath.<List<String>>read(done, half + ".text")).singleElement().asString().contains("尚未上传完毕");
		assertThat(JsonPath.<List<String>>read(done, emptyFile + ".result")).containsExactly("STORED");
		assertThat(JsonPath.<List<String>>read(done, emptyFile + ".problem")).containsExactly("empty");
		assertThat(JsonPath.<List<String>>read(done, emptyFile + ".text")).singleElement().asString().contains("空文件");
		assertThat(JsonPath.<List<String>>read(done, emptyFile + ".sha256")).containsExactly(
				"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
		assertThat(JsonPath.<List<String>>read(done, whole + ".result")).containsExactly("STORED");
		assertThat(JsonPath.<List<String>>read(done, whole + ".sha256")).containsExactly(
				java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
		assertThat(JsonPath.<Integer>read(done, "$.filesTotal")).isEqualTo(3);
		// Stored uploads are removed; the unfinished one stays, to be finished and imported again.
		mvc.perform(head(empty).header("Authorization", owner).header("Tus-Resumable", "1.0.0"))
			.andExpect(status().isNotFound());
		mvc.perform(head(unfinished).header("Authorization", owner).header("Tus-Resumable", "1.0.0"))
			.andExpect(status().is2xxSuccessful())
			.andExpect(header().string("Upload-Offset", "100"));

		// The import page lists it among the agency's recent imports, with its counts and a way to its outcomes.
		String row = mvc.perform(get("/imports").session(page))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		row = java.util.Arrays.stream(row.split("<tr class=\"recent-import"))
			.skip(1)
			.filter(part -> part.contains(number))
			.map(part -> part.substring(0, part.indexOf("</tr>")))
			.findFirst()
			.orElseThrow();
		assertThat(row).contains(number, "浏览器上传", times.minute(java.time.Instant.parse(JsonPath.read(done, "$.startedAt"))),
				"data-job=\"%s\"".formatted(JsonPath.<String>read(done, "$.id")), "class=\"count-stored\">2<",
				"class=\"count-already\">0<", "class=\"count-duplicates\">0<", "class=\"count-failed\">1<");
	}

	private String create(String bearer, String name, long length) throws Exception {
		String location = mvc.perform(post("/api/v1/uploads").header("Authorization", bearer)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", length)
			.header("Upload-Metadata", "filename " + base64(name) + ",filetype " + base64("video/mp4")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getHeader("Location");
		return location.substring(location.indexOf("/api/v1/uploads/"));
	}

	@Test
	void refusesUnknownAndMalformedUploadReferences() throws Exception {
		Actor custodian = accounts.account(accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN));
		String owner = accounts.bearer(mvc, custodian.username(), TestAccounts.PASSWORD + "-new");
		String number = "FNV-" + System.nanoTime() % 100000;
		register.register(custodian, new NewDevice("fengnan-medins", number, DeviceKind.HANDHELD_TERMINAL, null, null,
				null, null, null, null, null, null, null, null));
		mvc.perform(post("/api/v1/imports/uploads").header("Authorization", owner).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"uploads\":[\"../../etc/passwd\"]}".formatted(number)))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/imports/uploads").header("Authorization", owner).contentType(MediaType.APPLICATION_JSON)
			.content("{\"device\":\"%s\",\"uploads\":[\"/api/v1/uploads/%s\"]}".formatted(number, java.util.UUID.randomUUID())))
			.andExpect(status().isNotFound());
	}

	private org.springframework.test.web.servlet.ResultActions append(String bearer, String upload, long offset,
			byte[] bytes) throws Exception {
		return mvc.perform(patch(upload).header("Authorization", bearer)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", offset)
			.header("Content-Type", "application/offset+octet-stream")
			.content(bytes));
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}
}
