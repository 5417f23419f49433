package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.Browser;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * An officer enters an inspection he did not record in Chromium; the activity page and the compliance
 * board show it as missing, by name and place, until someone records why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class ActivityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Test
	void anUnrecordedInspectionIsShownMissingOnItsPageAndTheBoard() throws Exception {
		String officer = accounts.createWithOneTimePassword("neiqiu-health", Role.OFFICER);
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			session.signInReplacing(officer, TestAccounts.PASSWORD, "Activity-Page-2026");

			session.open("/activities");
			WebElement form = browser.findElement(By.id("new-activity"));
			new Select(form.findElement(By.name("type"))).selectByValue("on-site-inspection");
			form.findElement(By.name("place")).sendKeys("某诊所（浏览器测试）");
			// a datetime-local field takes keys in the browser's own format; its value is set as the page would
			JavascriptExecutor script = (JavascriptExecutor) browser;
			script.executeScript("arguments[0].value = '2026-11-20T09:00'", form.findElement(By.name("start")));
			script.executeScript("arguments[0].value = '2026-11-20T10:30'", form.findElement(By.name("end")));
			new Select(form.findElement(By.name("officers"))).selectByValue(accounts.idOf(officer).toString());
			form.findElement(By.name("place")).submit();

			session.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "执法现场检查"));
			String page = browser.findElement(By.tagName("main")).getText();
			assertThat(page).contains("某诊所（浏览器测试）", "缺失：无录像、无工作记录", "《内丘县卫生健康局执法记录音像设备使用管理规定》第五条", "测试用户");
			session.screenshot("activity-missing");

			session.open("/compliance?from=2026-11-20&to=2026-11-20");
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.tagName("table")));
			assertThat(browser.findElement(By.tagName("main")).getText()).contains("合规看板", "某诊所（浏览器测试）",
					"缺失：无录像、无工作记录", "测试用户");
		}
	}
}
