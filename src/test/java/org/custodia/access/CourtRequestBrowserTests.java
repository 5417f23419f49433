package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.RecordingImports;
import org.custodia.media.DerivedCopies;
import org.custodia.shared.Actor;
import org.custodia.shared.Browser;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.EventDeliveries;
import org.custodia.shared.Role;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.ContextConfiguration;

/**
 * A court's request in Chromium, as Neiqiu's regulation has it (000 art. 18: the chief approves, the keeper
 * registers): the clerk (custodian) finds the recording, which he may not watch, enters the court's request with
 * its letter of introduction; the chief approves it from his inbox; the clerk watches it with his name, the time
 * and the request's number over the picture; the access register shows the viewing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class CourtRequestBrowserTests {

	static final String AGENCY = "neiqiu-health";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DeviceRegister devices;

	@Autowired
	RecordingImports imports;

	@Autowired
	DerivedCopies copies;

	@Autowired
	EventPublicationRegistry events;

	@Test
	void theClerkEntersTheCourtsRequestTheChiefApprovesItTheClerkWatchesWithTheMarkAndTheRegisterShowsIt() throws Exception {
		String clerk = accounts.createWithOneTimePassword(AGENCY, Role.CUSTODIAN);
		String chief = accounts.createWithOneTimePassword(AGENCY, Role.CHIEF);
		UUID recording = imported();
		Path letter = TestDatabases.newDataDirectory().resolve("介绍信.pdf");
		Files.createDirectories(letter.getParent());
		Files.writeString(letter, "%PDF-1.4 内丘县人民法院介绍信");
		String request;
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			session.signInReplacing(clerk, TestAccounts.PASSWORD, "Clerk-Pass-2026");
			session.open("/recordings/" + recording);
			browser.findElement(By.id("request-access")).click();
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("request-form")));
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("request-kind")))
				.selectByValue("judicial-and-supervisory");
			browser.findElement(By.id("request-name")).sendKeys("王法官");
			browser.findElement(By.id("request-body")).sendKeys("内丘县人民法院");
			browser.findElement(By.id("request-reason")).sendKeys("审理行政诉讼案件，需查阅现场执法录像");
			browser.findElement(By.id("request-submit")).click();
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("request-page")));
			assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("待审批");
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("document-kind")))
				.selectByValue("letter-of-introduction");
			browser.findElement(By.id("document-file")).sendKeys(letter.toString());
			browser.findElement(By.id("attach-submit")).click();
			session.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("documents"), "介绍信.pdf"));
			request = browser.getCurrentUrl().replaceAll(".*/access-requests/", "");
			assertThat(browser.findElements(By.id("approve"))).as("the clerk does not approve").isEmpty();
		}
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			session.signInReplacing(chief, TestAccounts.PASSWORD, "Chief-Pass-2026");
			session.open("/access-requests");
			browser.findElement(By.cssSelector("#inbox a[href$='/access-requests/" + request + "']")).click();
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("decision-form")));
			browser.findElement(By.id("decision-note")).sendKeys("同意查阅");
			browser.findElement(By.id("approve")).click();
			session.waitFor(ExpectedConditions.textToBe(By.id("request-state"), "已批准"));
			assertThat(browser.findElement(By.id("request-facts")).getText()).contains("王法官（内丘县人民法院）", "第十八条");
		}
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			signIn(session, clerk, "Clerk-Pass-2026");
			session.open("/access-requests/" + request);
			browser.findElement(By.cssSelector("#request-recordings a.watch")).click();
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("viewer-mark")));
			String mark = browser.findElement(By.id("viewer-mark")).getText();
			String number = browser.findElement(By.id("viewer-request")).getText();
			assertThat(mark).contains("测试用户").contains(number).matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");
			assertThat(browser.findElements(By.id("download-original"))).isEmpty();
			JavascriptExecutor js = (JavascriptExecutor) browser;
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			js.executeScript("document.getElementById('player').muted = true; document.getElementById('player').play();");
			wait.until(driver -> ((Number) js.executeScript("return document.getElementById('player').currentTime")).doubleValue() > 0.5);
			boolean overPicture = (Boolean) js.executeScript("""
					var v = document.getElementById('player').getBoundingClientRect();
					var m = document.getElementById('viewer-mark').getBoundingClientRect();
					return m.width > 0 && m.top >= v.top && m.bottom <= v.bottom && m.left >= v.left - 1 && m.right <= v.right + 1;""");
			assertThat(overPicture).as("the mark is drawn over the picture").isTrue();
			session.screenshot("court-request-watched");

			session.open("/access-register");
			String register = browser.findElement(By.id("register")).getText();
			assertThat(register).contains("王法官（内丘县人民法院）", "观看", "审理行政诉讼案件");
			assertThat(browser.findElement(By.id("register")).findElements(By.cssSelector("a[href$='/access-requests/" + request + "']")))
				.isNotEmpty();
		}
	}

	private static void signIn(Browser session, String username, String password) {
		session.open("/login");
		session.driver().findElement(By.id("username")).sendKeys(username);
		session.driver().findElement(By.id("password")).sendKeys(password);
		session.driver().findElement(By.id("login-submit")).click();
		session.waitFor(ExpectedConditions.urlToBe(session.url("/")));
	}

	private UUID imported() throws Exception {
		Actor custodian = TestActor.of("court-test-custodian", AGENCY, Role.CUSTODIAN);
		String number = "CR-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "MOV_0002.mp4");
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, number,
				accounts.idOf(accounts.create(AGENCY, Role.OFFICER)), card.folder());
		EventDeliveries.awaitAll(events);
		copies.workPending();
		return outcomes.get(0).recordingId();
	}
}
