package org.custodia.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.identity.TestAccounts;
import org.custodia.shared.Browser;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** The custodian issues a device with one scan (number + Enter) and collects it with the next. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class DeviceBoardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister register;

	@Test
	void oneScanIssuesAndTheNextCollects() throws Exception {
		String custodian = accounts.createWithOneTimePassword("zhanhe-health", Role.CUSTODIAN);
		String officer = accounts.create("zhanhe-health", Role.OFFICER);
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			session.signInReplacing(custodian, TestAccounts.PASSWORD, "Board-Scan-2026");

			session.open("/devices");
			String number = "ZHB-" + System.nanoTime() % 100000;
			browser.findElement(By.name("number")).sendKeys(number);
			browser.findElement(By.name("brand")).sendKeys("海康威视");
			browser.findElement(By.name("number")).submit();
			session.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), number));

			browser.findElement(By.id("nav-board")).click();
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("scan-form")));
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("scan-officer")))
				.selectByValue(accounts.idOf(officer).toString());
			browser.findElement(By.id("check-battery")).click();
			browser.findElement(By.id("check-storage")).click();
			// typed in the other case and the clock not checked: refused, naming only the clock, the form kept
			browser.findElement(By.id("scan-number")).sendKeys(number.toLowerCase() + Keys.ENTER);
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.alert")));
			String refusal = browser.findElement(By.tagName("main")).getText();
			assertThat(refusal).contains("设备时间未校准").doesNotContain("电量不足").doesNotContain("存储空间不足")
				.doesNotContain("clock");
			assertThat(browser.findElement(By.id("scan-number")).getAttribute("value")).isEqualTo(number.toLowerCase());
			assertThat(browser.findElement(By.id("check-battery")).isSelected()).isTrue();
			assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("scan-officer")))
				.getFirstSelectedOption().getAttribute("value")).isEqualTo(accounts.idOf(officer).toString());
			browser.findElement(By.id("check-clock")).click();
			browser.findElement(By.id("scan-submit")).click();
			session.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "已发放"));
			assertThat(browser.findElement(By.id("outstanding")).getText()).contains(number, "测试用户");
			assertThat(browser.findElement(By.id("scan-number")).getAttribute("value")).as("nothing kept after success").isEmpty();
			session.screenshot("device-board");

			// each outstanding device has its collect button
			browser.findElement(By.cssSelector("#outstanding button.collect")).click();
			session.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "已收回"));
			assertThat(browser.findElement(By.id("outstanding")).getText()).doesNotContain(number);
			// and each device in store its issue button, which puts its number in the scan box
			browser.findElement(By.xpath("//table[@id='in-store']//tr[td/a[text()='" + number + "']]//a[contains(@class,'issue')]"))
				.click();
			session.waitFor(ExpectedConditions.attributeToBe(By.id("scan-number"), "value", number));
		}
	}
}
