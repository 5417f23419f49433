package org.custodia.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
class DevicePageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void custodianRegistersIssuesByScanCollectsByScanAndPrintsTheLedger() throws Exception {
		MockHttpSession custodian = accounts.signedIn(mvc, "kaifeng-audit", Role.CUSTODIAN);
		String officer = accounts.create("kaifeng-audit", Role.OFFICER);
		String number = "KFP-" + System.nanoTime() % 100000;
		String location = mvc.perform(post("/devices").session(custodian).with(csrf()).param("agency", "kaifeng-audit")
			.param("number", number).param("kind", "BODY_CAMERA").param("brand", "海康威视").param("purchasePrice", "2980"))
			.andExpect(status().isFound())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/devices/");

		mvc.perform(get("/devices/board").session(custodian))
			.andExpect(content().string(containsString("不得连接互联网")))
			.andExpect(content().string(containsString("《开封市审计局执法记录仪使用管理规定》第七条")));

		mvc.perform(post("/devices/scan").session(custodian).with(csrf()).param("agency", "kaifeng-audit").param("number", number)
			.param("officerId", accounts.idOf(officer).toString()).param("batteryOk", "true").param("storageOk", "true"))
			.andExpect(flash().attribute("error", containsString("使用前检查未通过：设备时间未校准，请校准为当前时间；处理后再发放")));
		mvc.perform(post("/devices/scan").session(custodian).with(csrf()).param("agency", "kaifeng-audit").param("number", number)
			.param("officerId", accounts.idOf(officer).toString()).param("batteryOk", "true").param("storageOk", "true")
			.param("clockOk", "true"))
			.andExpect(flash().attribute("notice", containsString("已发放")));
		mvc.perform(get("/devices/board").session(custodian)).andExpect(content().string(containsString(number)));
		mvc.perform(post("/devices/scan").session(custodian).with(csrf()).param("agency", "kaifeng-audit").param("number", number))
			.andExpect(flash().attribute("notice", containsString("已收回")));

		// the page and the printed ledger show the issue in the agency's zone, not the server's UTC
		java.time.Instant issuedAt = jdbc.sql("select occurred_at from device_event e join device_device d on d.id = e.device_id"
				+ " where d.number = :number and e.kind = 'ISSUED'").param("number", number).query(java.sql.Timestamp.class)
			.single().toInstant();
		java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		String beijing = minute.format(issuedAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
		String utc = minute.format(issuedAt.atZone(java.time.ZoneOffset.UTC));
		mvc.perform(get(location).session(custodian))
			.andExpect(content().string(containsString("发放")))
			.andExpect(content().string(containsString("收回")))
			.andExpect(content().string(containsString(beijing)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(utc))));
		mvc.perform(get("/devices/person/" + accounts.idOf(officer)).session(custodian))
			.andExpect(content().string(containsString(beijing)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(utc))));
		byte[] pdf = mvc.perform(get(location + "/ledger.pdf").session(custodian))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("执法记录设备使用台账", number, "开封市审计局", "登记入账", "发放", "收回", "电量√ 存储√ 时间√");
		}
		mvc.perform(get("/devices/person/" + accounts.idOf(officer)).session(custodian))
			.andExpect(content().string(containsString(number)));
	}

	@Test
	void anOfficerSeesHisDevicesButCannotRegister() throws Exception {
		MockHttpSession officer = accounts.signedIn(mvc, "zhanhe-health", Role.OFFICER);
		mvc.perform(post("/devices").session(officer).with(csrf()).param("agency", "zhanhe-health").param("number", "X1")
			.param("kind", "CAMERA"))
			.andExpect(flash().attribute("error", containsString("只有设备管理员和系统管理员")));
	}
}
