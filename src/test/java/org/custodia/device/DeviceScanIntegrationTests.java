package org.custodia.device;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** The board's one scan over the API: issue when the device is in store, collect when it is out. */
@CustodiaIntegrationTest
class DeviceScanIntegrationTests {

	private static final String CHECKED = "{\"batteryOk\":true,\"storageOk\":true,\"clockOk\":true}";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.set(CustodiaIntegrationTest.START);
	}

	@Test
	void aScanIssuesADeviceInStoreAfterThePreUseCheckAndCollectsItOnceItIsOut() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("kaifeng-audit", Role.CUSTODIAN));
		String officerId = accounts.idOf(accounts.create("kaifeng-audit", Role.OFFICER)).toString();
		String number = "KFS-" + System.nanoTime() % 100000;
		String device = register(custodian, "kaifeng-audit", number, null);
		clock.advance(Duration.ofMinutes(10));

		scan(custodian, number, CHECKED)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("officerId"))
			.andExpect(jsonPath("$.detail").value(containsString("使用人")));
		scan(custodian, number, "{\"officerId\":\"" + officerId + "\",\"batteryOk\":true,\"storageOk\":true}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(allOf(containsString("设备时间未校准"), not(containsString("clock")), not(containsString("电量")))))
			.andExpect(jsonPath("$.rule").exists());
		scan(custodian, number, "{\"officerId\":\"" + officerId + "\",\"batteryOk\":true,\"storageOk\":true,\"clockOk\":true}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handover").value("ISSUED"))
			.andExpect(jsonPath("$.device.status").value("ISSUED"))
			.andExpect(jsonPath("$.device.holderId").value(officerId));
		clock.advance(Duration.ofHours(8));
		mvc.perform(post("/api/v1/devices/" + number + "/scan").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handover").value("COLLECTED"))
			.andExpect(jsonPath("$.device.status").value("IN_STORE"))
			.andExpect(jsonPath("$.device.holderId").doesNotExist());
		mvc.perform(get("/api/v1/devices/" + device + "/history").header("Authorization", custodian))
			.andExpect(jsonPath("$[*].kind").value(Matchers.contains("REGISTERED", "ISSUED", "COLLECTED")))
			.andExpect(jsonPath("$[1].officerId").value(officerId));
	}

	@Test
	void aScanWithoutAnOfficerIssuesToTheDevicesDefaultOfficer() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("zhanhe-health", Role.CUSTODIAN));
		String officerId = accounts.idOf(accounts.create("zhanhe-health", Role.OFFICER)).toString();
		String number = "ZHS-" + System.nanoTime() % 100000;
		register(custodian, "zhanhe-health", number, officerId);

		scan(custodian, number, CHECKED)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.handover").value("ISSUED"))
			.andExpect(jsonPath("$.device.holderId").value(officerId));
	}

	@Test
	void aScanGoesThroughTheSecurityFiltersAndTheCustodyRules() throws Exception {
		String custodian = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.CUSTODIAN));
		String number = "FNS-" + System.nanoTime() % 100000;
		register(custodian, "fengnan-medins", number, accounts.idOf(accounts.create("fengnan-medins", Role.OFFICER)).toString());

		scan("Bearer cst_not-a-token", number, CHECKED)
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		MockHttpSession browser = accounts.signedIn(mvc, "fengnan-medins", Role.CUSTODIAN);
		mvc.perform(post("/api/v1/devices/" + number + "/scan").session(browser).contentType(MediaType.APPLICATION_JSON)
			.content(CHECKED))
			.andExpect(status().isForbidden());
		String officer = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.OFFICER));
		scan(officer, number, CHECKED).andExpect(status().isForbidden()).andExpect(jsonPath("$.rule").exists());
		String administrator = accounts.bearer(mvc, accounts.create("fengnan-medins", Role.ADMINISTRATOR));
		scan(administrator, number, CHECKED)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("separation of duties")));
		String stranger = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CUSTODIAN));
		scan(stranger, number, CHECKED).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/devices/" + number + "/scan").param("agency", "fengnan-medins")
			.header("Authorization", stranger).contentType(MediaType.APPLICATION_JSON).content(CHECKED))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rule").value(containsString("tenant isolation")));
		scan(custodian, number, CHECKED).andExpect(status().isOk()).andExpect(jsonPath("$.handover").value("ISSUED"));
	}

	private ResultActions scan(String bearer, String number, String json) throws Exception {
		return mvc.perform(post("/api/v1/devices/" + number + "/scan").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private String register(String bearer, String agency, String number, String defaultOfficerId) throws Exception {
		String body = """
				{"agency":"%s","number":"%s","kind":"BODY_CAMERA","defaultOfficerId":%s}"""
			.formatted(agency, number, defaultOfficerId == null ? "null" : "\"" + defaultOfficerId + "\"");
		return JsonPath.read(mvc.perform(post("/api/v1/devices").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString(), "$.id");
	}
}
