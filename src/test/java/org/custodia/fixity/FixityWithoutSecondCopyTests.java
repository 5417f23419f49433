package org.custodia.fixity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Without a second root the home page of the custodian and the administrator says so, always; an officer's does not. */
@CustodiaIntegrationTest
class FixityWithoutSecondCopyTests {

	static final String RISK = "风险：存储无第二副本";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theCustodianAndTheAdministratorAreToldOfTheRiskAndAnOfficerIsNot() throws Exception {
		var custodian = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		mvc.perform(get("/").session(custodian)).andExpect(content().string(containsString(RISK)));
		mvc.perform(get("/").session(accounts.signedIn(mvc, "kaifeng-audit", Role.ADMINISTRATOR)))
			.andExpect(content().string(containsString(RISK)));
		mvc.perform(get("/").session(accounts.signedIn(mvc, "kaifeng-audit", Role.OFFICER)))
			.andExpect(content().string(not(containsString(RISK))))
			.andExpect(content().string(not(containsString("id=\"nav-fixity\""))));
		mvc.perform(get("/fixity").session(custodian))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"no-second-copy\"")))
			.andExpect(content().string(containsString("完整性巡检")));
		mvc.perform(get("/fixity").session(custodian).locale(java.util.Locale.ENGLISH).header("Accept-Language", "en"))
			.andExpect(status().isOk());
		mvc.perform(get("/fixity").session(accounts.signedIn(mvc, "kaifeng-audit", Role.OFFICER)))
			.andExpect(status().isForbidden());
	}
}
