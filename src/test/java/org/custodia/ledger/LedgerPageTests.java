package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@CustodiaIntegrationTest
class LedgerPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	LedgerCheckpoints checkpoints;

	@Test
	void supervisorVerifiesTheLedgerAndPrintsTheCheckpoint() throws Exception {
		MockHttpSession supervisor = accounts.signedIn(mvc, "neiqiu-health", Role.SUPERVISOR);
		mvc.perform(post("/ledger/checkpoint").session(supervisor).with(csrf())).andExpect(status().isFound());
		mvc.perform(post("/ledger/verification").session(supervisor).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("完好：共")));

		LedgerCheckpoints.StoredCheckpoint latest = checkpoints.latest().orElseThrow();
		mvc.perform(get("/ledger/checkpoint.txt").session(supervisor))
			.andExpect(content().string(containsString(latest.note())))
			.andExpect(content().string(containsString("custodia.ledger/")));
		byte[] pdf = mvc.perform(get("/ledger/checkpoint.pdf").session(supervisor))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("执法音像记录账本签名检查点", "记录条数 Tree size：" + latest.size(), latest.note().split("\n")[2],
					"保管人签字");
		}
	}

	@Test
	void anOfficerCannotOpenTheLedgerPage() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, "neiqiu-health", Role.OFFICER);
		mvc.perform(get("/ledger").session(officer))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("只有系统管理员和监督人员")));
	}
}
