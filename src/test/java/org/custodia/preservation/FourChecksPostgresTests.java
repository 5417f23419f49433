package org.custodia.preservation;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** 四性检测 on PostgreSQL: the ledger's entry found, proven into the signed checkpoint, and the register paged through. */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = CustodiaIntegrationTest.PostgresDataDirectory.class)
@Import(CustodiaIntegrationTest.TestClock.class)
class FourChecksPostgresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Test
	void aRecordingAndTheStoreAreCheckedOnPostgres() throws Exception {
		String officerName = accounts.create("neiqiu-health", Role.OFFICER);
		UUID id = FourCheckTestSupport.imported(devices, imports, "neiqiu-health", accounts.idOf(officerName),
				"yuan.amr", "pg.amr");
		FourCheckTestSupport.placeInActivity(mvc, accounts.bearer(mvc, officerName), id, null);
		String custodian = accounts.bearer(mvc, accounts.create("neiqiu-health", Role.CUSTODIAN));
		mvc.perform(get("/api/v1/recordings/" + id + "/four-checks").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.PASS").value(1))
			.andExpect(jsonPath("$.summary.byProperty.SECURITY.PASS").value(1))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'LEDGER_INCLUSION')].result").value(hasItem("PASS")))
			.andExpect(jsonPath("$.recordings[0].checks[?(@.kind == 'AGREES_WITH_LEDGER')].result").value(hasItem("PASS")));
		mvc.perform(get("/api/v1/four-checks").header("Authorization", custodian))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.recordings[*].recordingId").value(hasItem(id.toString())))
			.andExpect(jsonPath("$.summary.byProperty.AUTHENTICITY.FAIL").value(0));
	}
}
