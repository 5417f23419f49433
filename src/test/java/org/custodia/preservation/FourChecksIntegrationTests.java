package org.custodia.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 四性检测 on a store that keeps a second copy: a good recording passes all four properties with the figures
 * compared; a byte flipped in the stored original fails authenticity and integrity naming the hash found; a deleted
 * second copy fails integrity.
 */
@CustodiaIntegrationTest
class FourChecksIntegrationTests {

	static final Path SECOND_ROOT = TestDatabases.newDataDirectory();

	@DynamicPropertySource
	static void secondCopy(DynamicPropertyRegistry registry) {
		registry.add("custodia.storage.second-root", SECOND_ROOT::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister register;

	@Autowired
	BlobStore store;

	@Autowired
	org.custodia.media.DerivedCopies derived;

	@Test
	void aGoodRecordingPassesAllFourWithItsFiguresOnThePageAndInThePdf() throws Exception {
		String officerName = accounts.create("fengnan-medins", Role.OFFICER);
		UUID id = FourCheckTestSupport.importedAsIs(devices, imports, "fengnan-medins", accounts.idOf(officerName),
				"sample_mpeg4.mp4", "good.mp4");
		FourCheckTestSupport.placeInActivity(mvc, accounts.bearer(mvc, officerName), id, null);
		// the browsers cannot play MPEG-4 Part 2: its proxy is made, and names the original's hash
		derived.workPending();
		Recording recording = register.find(id).orElseThrow();
		String custodian = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));

		mvc.perform(get("/api/v1/recordings/" + id + "/four-checks").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scope").value("RECORDING"))
			.andExpect(jsonPath("$.summary.result").value("PASS"))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.PASS").value(1))
			.andExpect(jsonPath("$.summary.byProperty.SECURITY.PASS").value(1))
			.andExpect(jsonPath("$.recordings[0].checks[*].result").value(everyItem(org.hamcrest.Matchers.is("PASS"))))
			.andExpect(jsonPath("$.recordings[0].checks[*].kind").value(org.hamcrest.Matchers.hasItems("SHA256_AT_INGEST",
					"AGREES_WITH_LEDGER", "LEDGER_INCLUSION", "PRIMARY_COPY", "SECOND_COPY", "SIZE", "METADATA", "READABLE",
					"PLAYS_IN_BROWSER", "READ_ONLY", "ACCESS_POLICY", "DERIVED_COPIES")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SHA256_AT_INGEST')].basis")
				.value(hasItem(containsString(recording.sha256()))))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SIZE')].basis")
				.value(hasItem(containsString(Long.toString(recording.size())))))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'READ_ONLY')].basis")
				.value(hasItem(containsString("r--r--r--"))))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'ACCESS_POLICY')].basis")
				.value(hasItem(containsString("第"))))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'PLAYS_IN_BROWSER')].basisKey")
				.value(hasItem("four.basis.proxy-ready")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'DERIVED_COPIES')].basis")
				.value(hasItem(containsString("1 个派生副本均在账本中载明原件的哈希值 " + recording.sha256()))));

		org.springframework.mock.web.MockHttpSession session = accounts.signedIn(mvc, "fengnan-medins", Role.LEGAL_HEAD);
		assertThat(mvc.perform(get("/recordings/" + id).session(session)).andReturn().getResponse().getContentAsString())
			.contains("id=\"four-checks-link\"", "/four-checks?recording=" + id);
		String page = mvc.perform(get("/four-checks").param("recording", id.toString()).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("四性检测", "与入库时哈希值比对", "真实性", "完整性", "可用性", "安全性", recording.sha256(),
				"data-result=\"PASS\"", "/four-checks.pdf?recording=" + id)
			.doesNotContain("data-result=\"FAIL\"", "data-result=\"WARN\"");

		byte[] pdf = mvc.perform(get("/api/v1/recordings/" + id + "/four-checks.pdf").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		String text = FourCheckTestSupport.pdfText(pdf);
		assertThat(text).contains("四性检测报告", "good.mp4", "检测结论：通过", "与入库时哈希值比对", "检测人", "审核人")
			.contains("不通过 0 条").doesNotContain("结论：不通过", " 不通过 ", " 警告 ", "Pass", "PASS", "FAIL");
		assertThat(text.replaceAll("\\s", "")).contains(recording.sha256());
		assertThat(FourCheckTestSupport.pdfText(mvc.perform(get("/four-checks.pdf").param("recording", id.toString())
			.session(session)).andReturn().getResponse().getContentAsByteArray())).contains("四性检测报告", "good.mp4");
	}

	@Test
	void aByteFlippedInTheStoredOriginalFailsAuthenticityAndIntegrityNamingTheHashFound() throws Exception {
		String officerName = accounts.create("fengnan-medins", Role.OFFICER);
		UUID id = FourCheckTestSupport.imported(devices, imports, "fengnan-medins", accounts.idOf(officerName),
				"sample_mpeg4.mp4", "flipped.mp4");
		Recording recording = register.find(id).orElseThrow();
		Path file = store.localFile(recording.blobKey()).orElseThrow();
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(file, bytes);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
		String found = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

		String custodian = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/recordings/" + id + "/four-checks").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.result").value("FAIL"))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.FAIL").value(1))
			.andExpect(jsonPath("$.summary.byProperty.INTEGRITY.FAIL").value(1))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SHA256_AT_INGEST')].result").value(hasItem("FAIL")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SHA256_AT_INGEST')].basis")
				.value(hasItem(containsString(found))))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'PRIMARY_COPY')].result").value(hasItem("FAIL")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'PRIMARY_COPY')].basis")
				.value(hasItem(containsString(found))))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SECOND_COPY')].result").value(hasItem("PASS")));

		String english = mvc.perform(get("/api/v1/recordings/" + id + "/four-checks").header("Authorization", custodian)
			.header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();
		assertThat(english).contains("the file was changed after ingest", found);

		String text = FourCheckTestSupport.pdfText(mvc.perform(get("/api/v1/recordings/" + id + "/four-checks")
			.param("format", "pdf").header("Authorization", custodian)).andReturn().getResponse().getContentAsByteArray());
		assertThat(text).contains("四性检测报告", "检测结论：不通过", "文件在入库后被改动");
	}

	@Test
	void aDeletedSecondCopyFailsIntegrity() throws Exception {
		String officerName = accounts.create("fengnan-medins", Role.OFFICER);
		UUID id = FourCheckTestSupport.imported(devices, imports, "fengnan-medins", accounts.idOf(officerName),
				"yuan.amr", "second.amr");
		Recording recording = register.find(id).orElseThrow();
		Path second = SECOND_ROOT.resolve(recording.blobKey());
		assertThat(second).exists();
		Files.delete(second);

		String custodian = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/recordings/" + id + "/four-checks").header("Authorization", custodian))
			.andExpect(jsonPath("$.summary.result").value("FAIL"))
			.andExpect(jsonPath("$.summary.byProperty.INTEGRITY.FAIL").value(1))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.FAIL").value(0))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SECOND_COPY')].result").value(hasItem("FAIL")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SECOND_COPY')].basis")
				.value(hasItem(containsString("第二副本缺失"))));
	}
}
