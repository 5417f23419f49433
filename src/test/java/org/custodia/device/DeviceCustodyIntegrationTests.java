package org.custodia.device;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.custodia.identity.TestAccounts;
import org.custodia.ledger.Ledger;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

@CustodiaIntegrationTest
class DeviceCustodyIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	Ledger ledger;

	@AfterEach
	void resetClock() {
		clock.set(CustodiaIntegrationTest.START);
	}

	@Test
	void issueAndCollectAnswerWhoHeldTheDeviceAtAnyMoment() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CUSTODIAN));
		String officer = accounts.create("neiqiu-health", Role.OFFICER);
		String officerId = accounts.idOf(officer).toString();
		String device = register(custodian, "neiqiu-health", "NQ-" + System.nanoTime() % 100000);

		Instant before = clock.instant();
		clock.advance(Duration.ofMinutes(10));
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ISSUED"))
			.andExpect(jsonPath("$.holderId").value(officerId));
		Instant during = clock.instant().plusSeconds(60);
		clock.advance(Duration.ofHours(8));
		post(custodian, "/api/v1/devices/" + device + "/collect", "{\"officerId\":\"" + officerId + "\"}")
			.andExpect(jsonPath("$.status").value("IN_STORE"));

		mvc.perform(get("/api/v1/devices/" + device + "/custody").param("at", during.toString()).header("Authorization", custodian))
			.andExpect(jsonPath("$.holderId").value(officerId))
			.andExpect(jsonPath("$.cite").value(containsString("000 art. 12")));
		mvc.perform(get("/api/v1/devices/" + device + "/custody").param("at", before.toString()).header("Authorization", custodian))
			.andExpect(jsonPath("$.holderId").doesNotExist());
		mvc.perform(get("/api/v1/devices/" + device + "/custody").header("Authorization", custodian))
			.andExpect(jsonPath("$.holderId").doesNotExist());
		mvc.perform(get("/api/v1/devices/" + device + "/history").header("Authorization", custodian))
			.andExpect(jsonPath("$[*].kind").value(org.hamcrest.Matchers.contains("REGISTERED", "ISSUED", "COLLECTED")))
			.andExpect(jsonPath("$[1].batteryOk").value(true));
		org.assertj.core.api.Assertions.assertThat(ledger.entries(0, 100_000))
			.filteredOn(entry -> entry.subjectId().equals(device))
			.extracting(entry -> entry.action())
			.containsExactly("device.registered", "device.issued", "device.collected");
	}

	@Test
	void refusesToIssueADeviceThatIsOutInRepairOrLost() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.CUSTODIAN));
		String officerId = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER)).toString();
		String device = register(custodian, "kaifeng-audit", "KF-" + System.nanoTime() % 100000);

		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, false, true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").exists())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("存储空间不足"), not(containsString("电量")), not(containsString("storage")))));
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true)).andExpect(status().isOk());
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value(containsString("004 art. 8")))
			.andExpect(jsonPath("$.detail").value(containsString("已发放")));
		post(custodian, "/api/v1/devices/" + device + "/collect", "{\"officerId\":\"" + officerId + "\"}").andExpect(status().isOk());

		post(custodian, "/api/v1/devices/" + device + "/repair", "{\"note\":\"屏幕不亮\"}")
			.andExpect(jsonPath("$.status").value("IN_REPAIR"));
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.rule").value("004 art. 9"));
		post(custodian, "/api/v1/devices/" + device + "/repaired", "{}").andExpect(jsonPath("$.status").value("IN_STORE"));
		post(custodian, "/api/v1/devices/" + device + "/damage", "{\"compensation\":150.00,\"note\":\"镜头摔裂\"}")
			.andExpect(jsonPath("$.status").value("IN_REPAIR"));
		post(custodian, "/api/v1/devices/" + device + "/repaired", "{}").andExpect(jsonPath("$.status").value("IN_STORE"));
		mvc.perform(get("/api/v1/devices/" + device + "/history").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.kind == 'SENT_FOR_REPAIR')].note").value(org.hamcrest.Matchers.contains("vendor-only: 屏幕不亮")));

		post(custodian, "/api/v1/devices/" + device + "/loss", "{\"note\":\"外勤遗失\"}")
			.andExpect(jsonPath("$.status").value("LOST"));
		mvc.perform(get("/api/v1/devices/" + device + "/history").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.kind == 'LOST')].amount").value(org.hamcrest.Matchers.contains(2980.0)))
			.andExpect(jsonPath("$[?(@.kind == 'LOST')].cite").value(org.hamcrest.Matchers.contains("004 art. 8")));
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("已丢失")));
	}

	@Test
	void refusesToCollectFromSomeoneWhoDoesNotHoldIt() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		String holder = accounts.idOf(accounts.create("zhanhe-health", Role.OFFICER)).toString();
		String other = accounts.idOf(accounts.create("zhanhe-health", Role.OFFICER)).toString();
		String device = register(custodian, "zhanhe-health", "ZH-" + System.nanoTime() % 100000);
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(holder, true, true, true)).andExpect(status().isOk());
		post(custodian, "/api/v1/devices/" + device + "/collect", "{\"officerId\":\"" + other + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("不在该人员手中")));
	}

	@Test
	void refusesAnotherAgencysDeviceAndTheAdministratorsHandsOnCustody() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));
		String device = register(custodian, "fengnan-medins", "FN-" + System.nanoTime() % 100000);
		String officerId = accounts.idOf(accounts.create("fengnan-medins", Role.OFFICER)).toString();

		String stranger = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/devices/" + device).header("Authorization", stranger))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("tenant isolation")));
		post(stranger, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true)).andExpect(status().isForbidden());

		String administrator = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.ADMINISTRATOR));
		post(administrator, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		String adminId = accounts.idOf(accounts.create("fengnan-medins", Role.ADMINISTRATOR)).toString();
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(adminId, true, true, true))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		String officer = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.OFFICER));
		post(officer, "/api/v1/devices", newDevice("fengnan-medins", "FN-X")).andExpect(status().isForbidden());
		post(officer, "/api/v1/devices/" + device + "/faults", "{\"note\":\"无法开机\"}").andExpect(status().isOk());
	}

	@Test
	void theBoardShowsWhatIsStillOutAndWhatIsOverdue() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("pingdingshan-culture", Role.CUSTODIAN));
		String officerId = accounts.idOf(accounts.create("pingdingshan-culture", Role.OFFICER)).toString();
		String device = register(custodian, "pingdingshan-culture", "PDS-" + System.nanoTime() % 100000);
		post(custodian, "/api/v1/devices/" + device + "/issue", issue(officerId, true, true, true)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/devices/board").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.device.id == '" + device + "')].overdue").value(org.hamcrest.Matchers.contains(false)));
		clock.advance(Duration.ofDays(1));
		mvc.perform(get("/api/v1/devices/board").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.device.id == '" + device + "')].overdue").value(org.hamcrest.Matchers.contains(true)))
			.andExpect(jsonPath("$[?(@.device.id == '" + device + "')].holderId").value(org.hamcrest.Matchers.contains(officerId)));
	}

	@Test
	void importsACsvRegisterAndReportsTheLinesItRefuses() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		String suffix = Long.toString(System.nanoTime() % 100000);
		String csv = """
				number,kind,brand,model,serial,asset_number,purchase_date,purchase_price,volume_label,volume_serial
				ZH-A%1$s,BODY_CAMERA,海康威视,DS-MH2311,SN1,ZC-1,2024-03-01,2980.00,ZHA,
				ZH-B%1$s,AUDIO_RECORDER,索尼,ICD-UX570,SN2,ZC-2,,,,
				ZH-A%1$s,BODY_CAMERA,海康威视,DS-MH2311,SN3,ZC-3,,,,
				ZH-C%1$s,SPACESHIP,,,,,,,,
				""".formatted(suffix);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/devices/import")
			.header("Authorization", custodian).contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registered", hasSize(2)))
			.andExpect(jsonPath("$.refused", hasSize(2)))
			.andExpect(jsonPath("$.refused[0]").value(containsString("4: error.device-number-taken")));
		mvc.perform(get("/api/v1/devices").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.number == 'ZH-A" + suffix + "')].brand").value(org.hamcrest.Matchers.contains("海康威视")));
	}

	@Test
	void refusesATextThatIsNotADeviceListNamingTheHeaderItExpects() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		String expected = "number,kind,brand,model,serial,asset_number,purchase_date,purchase_price,volume_label,volume_serial";
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0 };
		java.util.Map<String, byte[]> notDeviceLists = java.util.Map.of(
				"a wrong header", "name,type\nZH-X1,BODY_CAMERA\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"a random text", "今天的执法记录：上午检查了三家诊所，下午整理台账。\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"the rows without their header", "ZH-X2,BODY_CAMERA,,,,,,,,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				"an image", png);
		for (var text : notDeviceLists.entrySet()) {
			mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/devices/import")
				.header("Authorization", custodian).contentType("text/csv").content(text.getValue()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.field").value("csv"))
				.andExpect(jsonPath("$.expected").value(expected))
				.andExpect(jsonPath("$.detail").value(containsString("这不是设备登记表")))
				.andExpect(jsonPath("$.registered").doesNotExist());
		}
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/devices/import")
			.header("Authorization", custodian).contentType("text/csv")
			.content("Number, Kind ,brand,,\nZH-H%d,BODY_CAMERA,海康威视\n".formatted(System.nanoTime() % 100000)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.registered", hasSize(1)));
		mvc.perform(get("/api/v1/devices").header("Authorization", custodian))
			.andExpect(jsonPath("$[?(@.number == 'ZH-X1' || @.number == 'ZH-X2')]").isEmpty());
	}

	private String register(String bearer, String agency, String number) throws Exception {
		String body = post(bearer, "/api/v1/devices", newDevice(agency, number))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	private static String newDevice(String agency, String number) {
		return """
				{"agency":"%s","number":"%s","kind":"BODY_CAMERA","brand":"海康威视","model":"DS-MH2311","serialNumber":"SN-%s",
				 "assetNumber":"ZC-%s","purchaseDate":"2023-05-04","purchasePrice":2980.00}""".formatted(agency, number, number, number);
	}

	private static String issue(String officerId, boolean battery, boolean storage, boolean clock) {
		return "{\"officerId\":\"%s\",\"batteryOk\":%s,\"storageOk\":%s,\"clockOk\":%s}".formatted(officerId, battery, storage, clock);
	}

	private ResultActions post(String bearer, String path, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(json));
	}
}
