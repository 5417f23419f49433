package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;


import org.custodia.identity.TestAccounts;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Browser;
import org.custodia.shared.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A real Chromium: sign in with the one-time password, change it, open the policy page, switch to
 * English. Needs Debian's chromium and chromium-driver, which the test command installs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class LoginBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	Browser session;

	WebDriver browser;

	@BeforeEach
	void startBrowser() {
		session = new Browser(port);
		browser = session.driver();
	}

	@AfterEach
	void stopBrowser() {
		if (session != null) {
			session.close();
		}
	}

	@Test
	void signsInChangesTheOneTimePasswordAndReadsThePolicies() throws Exception {
		browser.get(url("/policies"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.getTitle()).contains("执法音像记录管理系统");
		assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("用户登录");

		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys(CustodiaIntegrationTest.ADMIN_PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		waitFor(ExpectedConditions.urlContains("/account/password"));

		browser.findElement(By.id("current-password")).sendKeys(CustodiaIntegrationTest.ADMIN_PASSWORD);
		browser.findElement(By.id("new-password")).sendKeys("Browser-Changed-99");
		browser.findElement(By.id("confirm-password")).sendKeys("Browser-Changed-99");
		browser.findElement(By.id("password-submit")).click();
		waitFor(ExpectedConditions.urlToBe(url("/")));
		assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).isEqualTo("密码已修改。");

		browser.findElement(By.id("nav-policies")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "制度与规则"));
		String table = browser.findElement(By.id("policy-comparison")).getText();
		assertThat(table).contains("内丘县卫生健康局", "平顶山市文化广电和旅游局", "丰南区医疗保障局", "开封市审计局",
				"平顶山市湛河区卫生健康委员会", "保存期限", "依据：《管理制度》第十四条", "《调阅制度》第四条");
		assertThat(table).doesNotContain(" art. ");
		// 001 leaves the period blank ("X个月"); 000 and 004 keep footage complete without end
		assertThat(browser.findElements(By.cssSelector(".retention-warning"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector(".retention-kept"))).hasSize(2);
		assertThat(browser.getPageSource()).contains("双随机抽取过程");
		screenshot("policies-zh");

		browser.findElement(By.id("switch-en")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Regulations"));
		assertThat(browser.findElement(By.id("policy-comparison")).getText()).contains("Retention period",
				"Kaifeng Audit Bureau");
		screenshot("policies-en");

		browser.findElement(By.id("logout")).click();
		waitFor(ExpectedConditions.urlContains("/login"));
		browser.get(url("/policies"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");

		// The language is the user's: it comes back at the next sign-in.
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("Browser-Changed-99");
		browser.findElement(By.id("login-submit")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Regulations"));

		browser.findElement(By.id("nav-users")).click();
		waitFor(ExpectedConditions.textToBe(By.tagName("h1"), "Users"));
		screenshot("users-en");
	}

	@Test
	void theBrowsableApiDocumentationWorksUnderTheContentSecurityPolicy() throws Exception {
		String officer = accounts.createWithOneTimePassword("zhanhe-health", Role.OFFICER);
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(officer);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		waitFor(ExpectedConditions.urlContains("/account/password"));
		browser.findElement(By.id("current-password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("new-password")).sendKeys("Swagger-Viewer-77");
		browser.findElement(By.id("confirm-password")).sendKeys("Swagger-Viewer-77");
		browser.findElement(By.id("password-submit")).click();
		waitFor(ExpectedConditions.urlToBe(url("/")));

		browser.get(url("/swagger-ui.html"));
		waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
		assertThat(browser.getPageSource()).contains("/api/v1/agencies/{code}/policy");
		screenshot("swagger-ui");
	}

	private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		session.waitFor(condition);
	}

	private String url(String path) {
		return session.url(path);
	}

	private void screenshot(String name) throws Exception {
		session.screenshot(name);
	}
}
