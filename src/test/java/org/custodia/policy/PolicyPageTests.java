package org.custodia.policy;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

@CustodiaIntegrationTest
class PolicyPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void thePolicyPageShowsWhoMayDoWhatWithTheArticleInChinese() throws Exception {
		MockHttpSession chief = accounts.signedIn(mvc, "zhanhe-health", Role.CHIEF);
		mvc.perform(get("/policies").session(chief))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("权限与审批"), containsString("制作带水印的副本"),
					containsString("法制机构负责人：无需审批"), containsString("执法人员（参加该执法活动的）：无需审批"), containsString("《调阅监督制度》第四条"),
					containsString("任何人不得办理"), not(containsString("make-watermarked-copy")), not(containsString(" art. ")))));
	}

	@Test
	void theEnglishPageNamesRolesAndActionsInEnglish() throws Exception {
		MockHttpSession chief = accounts.signedIn(mvc, "fengnan-medins", Role.CHIEF);
		chief.setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH);
		mvc.perform(get("/policies").session(chief))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Permissions and approvals"),
					containsString("Have a watermarked copy made"), containsString("Legal head：no approval"),
					containsString("Anyone of the agency：approved by Leader in charge"),
					containsString("Custodia default: an approval lets its holder watch or copy for seven days"))));
	}
}
