package org.custodia.preservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * 四性检测 on a store without a second copy (a warning that says so), of a truncated file (usability fails), of a
 * case with two recordings and of the whole store; who may run it, and another agency's recording and case unseen.
 */
@CustodiaIntegrationTest
class FourChecksWithoutSecondCopyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Test
	void withoutASecondRootTheSecondCopyIsAWarningThatSaysSo() throws Exception {
		String officerName = accounts.create("pingdingshan-culture", Role.OFFICER);
		UUID id = FourCheckTestSupport.importedAsIs(devices, imports, "pingdingshan-culture", accounts.idOf(officerName),
				"Tiny Sample - NEW - Metaxed.mp4", "alone.mp4");
		FourCheckTestSupport.placeInActivity(mvc, accounts.bearer(mvc, officerName), id, null);
		mvc.perform(get("/api/v1/recordings/" + id + "/four-checks")
			.header("Authorization", accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.CHIEF))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.result").value("WARN"))
			.andExpect(jsonPath("$.summary.byProperty.INTEGRITY.WARN").value(1))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.PASS").value(1))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SECOND_COPY')].result").value(hasItem("WARN")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'SECOND_COPY')].basis")
				.value(hasItem(containsString("存储未配置第二副本"))));
	}

	@Test
	void aTruncatedFileFailsUsability() throws Exception {
		String officerName = accounts.create("zhanhe-health", Role.OFFICER);
		UUID id = FourCheckTestSupport.imported(devices, imports, "zhanhe-health", accounts.idOf(officerName),
				"truncated.mp4", "cut.mp4");
		mvc.perform(get("/api/v1/recordings/" + id + "/four-checks")
			.header("Authorization", accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN))))
			.andExpect(jsonPath("$.summary.result").value("FAIL"))
			.andExpect(jsonPath("$.summary.byProperty.USABILITY.FAIL").value(1))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.FAIL").value(0))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'READABLE')].result").value(hasItem("FAIL")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'READABLE')].basis")
				.value(hasItem(containsString("文件无法读取"))));
	}

	@Test
	void aCaseIsCheckedRecordingByRecordingAndTheStoreAsAWhole() throws Exception {
		String officerName = accounts.create("kaifeng-audit", Role.OFFICER);
		String officer = accounts.bearer(mvc, officerName);
		UUID first = FourCheckTestSupport.imported(devices, imports, "kaifeng-audit", accounts.idOf(officerName),
				"yuan.amr", "first.amr");
		UUID second = FourCheckTestSupport.imported(devices, imports, "kaifeng-audit", accounts.idOf(officerName),
				"silence.mp3", "second.mp3");
		String caseId = FourCheckTestSupport.newCase(mvc, officer, "汴审罚");
		FourCheckTestSupport.placeInActivity(mvc, officer, first, caseId);
		FourCheckTestSupport.placeInActivity(mvc, officer, second, caseId);
		String legalHead = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.LEGAL_HEAD));

		mvc.perform(get("/api/v1/cases/" + caseId + "/four-checks").header("Authorization", legalHead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.scope").value("CASE"))
			.andExpect(jsonPath("$.subject").value(containsString("汴审罚")))
			.andExpect(jsonPath("$.summary.recordings").value(2))
			.andExpect(jsonPath("$.recordings[*].recordingId").value(org.hamcrest.Matchers.containsInAnyOrder(
					first.toString(), second.toString())))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.PASS").value(2));
		String text = FourCheckTestSupport.pdfText(mvc.perform(get("/api/v1/cases/" + caseId + "/four-checks.pdf")
			.header("Authorization", legalHead)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(text).contains("四性检测报告", "first.amr", "second.mp3", "共检测 2 条音像记录");

		String store = mvc.perform(get("/api/v1/four-checks").header("Authorization", legalHead))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		int recordings = JsonPath.read(store, "$.summary.recordings");
		assertThat(recordings).isGreaterThanOrEqualTo(2);
		assertThat(JsonPath.<java.util.List<String>>read(store, "$.recordings[*].recordingId"))
			.hasSize(recordings).contains(first.toString(), second.toString());
		String storeText = FourCheckTestSupport.pdfText(mvc.perform(get("/api/v1/four-checks.pdf")
			.header("Authorization", legalHead)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(storeText).contains("四性检测报告", "本单位全部存储", "first.amr", "second.mp3");
		org.springframework.mock.web.MockHttpSession custodian = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		assertThat(mvc.perform(get("/four-checks").param("case", caseId).session(custodian)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("first.amr", "second.mp3", "案件（全部音像记录）");
		assertThat(mvc.perform(get("/four-checks").param("store", "1").session(custodian)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString()).contains("本单位全部存储", "共检测");

		String other = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/recordings/" + first + "/four-checks").header("Authorization", other))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/recordings/" + first + "/four-checks.pdf").header("Authorization", other))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/cases/" + caseId + "/four-checks").header("Authorization", other))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/four-checks").param("agency", "kaifeng-audit").header("Authorization", other))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/recordings/" + first + "/four-checks")
			.header("Authorization", accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.SUPERVISOR))))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(containsString("四性检测")));
		mvc.perform(get("/api/v1/four-checks").param("agency", "kaifeng-audit")
			.header("Authorization", accounts.administratorBearer(mvc)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.recordings").value(recordings));
	}
}
