package org.custodia.preservation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.TestMedia;
import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.ingest.RecordingImports;
import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Imports real media for the 四性检测 tests, places it in activities and cases, and reads a PDF's text. */
final class FourCheckTestSupport {

	private FourCheckTestSupport() {
	}

	/**
	 * Imports a test file under {@code name}, made unique by bytes after its end (an MP4 with them reads as
	 * truncated: those are imported as they are, {@link #importedAsIs}).
	 */
	static UUID imported(DeviceRegister devices, RecordingImports imports, String agency, UUID officer, String sample,
			String name) throws Exception {
		return imported(devices, imports, agency, officer, sample, name, true);
	}

	/** The file as it is: once per test context and agency, or it is a duplicate. */
	static UUID importedAsIs(DeviceRegister devices, RecordingImports imports, String agency, UUID officer, String sample,
			String name) throws Exception {
		return imported(devices, imports, agency, officer, sample, name, false);
	}

	private static UUID imported(DeviceRegister devices, RecordingImports imports, String agency, UUID officer,
			String sample, String name, boolean unique) throws Exception {
		Actor custodian = TestActor.of("four-custodian", agency, Role.CUSTODIAN);
		String device = "FC-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(agency, device, DeviceKind.BODY_CAMERA, null, null, null, null, null, null,
				null, null, null, null));
		Path card = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(card);
		byte[] bytes = Files.readAllBytes(TestMedia.file(sample));
		if (unique) {
			bytes = Arrays.copyOf(bytes, bytes.length + 16);
			System.arraycopy(UUID.randomUUID().toString().getBytes(), 0, bytes, bytes.length - 16, 16);
		}
		Files.write(card.resolve(name), bytes);
		return imports.importFolder(custodian, agency, device, officer, card).get(0).recordingId();
	}

	/** Confirms the recording for a new activity (in the case when one is given), as its officer does. */
	static void placeInActivity(MockMvc mvc, String officer, UUID recording, String caseId) throws Exception {
		String type = JsonPath.read(mvc.perform(get("/api/v1/activities/types").header("Authorization", officer))
			.andReturn().getResponse().getContentAsString(), "$[0].code");
		String body = caseId == null ? """
				{"recordingId":"%s","type":"%s","place":"某药店"}""".formatted(recording, type) : """
				{"recordingId":"%s","type":"%s","place":"某药店","caseId":"%s"}""".formatted(recording, type, caseId);
		int status = mvc.perform(post("/api/v1/activities/from-recording").header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
		if (status != 201) {
			throw new AssertionError("placing " + recording + " in an activity answered " + status);
		}
	}

	static String newCase(MockMvc mvc, String officer, String prefix) throws Exception {
		return JsonPath.read(mvc.perform(post("/api/v1/cases").header("Authorization", officer)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"number":"%s〔2026〕%s号","name":"某药店案"}""".formatted(prefix, UUID.randomUUID().toString().substring(0, 6))))
			.andReturn().getResponse().getContentAsString(), "$.id");
	}

	static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}
}
