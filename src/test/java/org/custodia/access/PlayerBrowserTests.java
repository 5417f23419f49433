package org.custodia.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.custodia.device.DeviceKind;
import org.custodia.device.DeviceRegister;
import org.custodia.device.NewDevice;
import org.custodia.identity.TestAccounts;
import org.custodia.ingest.ImportResult;
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.ContextConfiguration;

/**
 * An officer opens his recording from the register in Chromium: the browser cannot play its MPEG-4
 * Part 2 original, so the page plays the H.264 proxy through byte ranges from the real server; a frame
 * of the strip seeks the video; the viewing ends as one ledger entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class PlayerBrowserTests {

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

	@Autowired
	Viewings viewings;

	@Autowired
	AccessRequests requests;

	@Autowired
	Ledger ledger;

	@Test
	void theOfficerWatchesHisRecordingThroughItsProxyAndSeeksByTheStrip() throws Exception {
		String officer = accounts.createWithOneTimePassword(AGENCY, Role.OFFICER);
		UUID recording = importedFor(accounts.idOf(officer));
		EventDeliveries.awaitAll(events);
		copies.workPending();
		String number = Approvals.toWatch(requests, accounts, AGENCY, officer, recording).number();
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			session.signInReplacing(officer, TestAccounts.PASSWORD, "Player-Page-2026");
			session.open("/recordings");
			browser.findElement(By.cssSelector("a[href$='/recordings/" + recording + "']")).click();
			session.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("playing-proxy")));
			JavascriptExecutor js = (JavascriptExecutor) browser;
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			wait.until(driver -> ((Number) js.executeScript("return document.getElementById('player').readyState")).intValue() >= 1);
			double duration = ((Number) js.executeScript("return document.getElementById('player').duration")).doubleValue();
			assertThat(duration).isCloseTo(4.967, org.assertj.core.data.Offset.offset(0.2));
			assertThat(browser.findElement(By.id("sha256")).getText()).hasSize(64);
			assertThat(browser.findElements(By.cssSelector("#strip img"))).hasSize(10);

			browser.findElements(By.cssSelector("#strip button")).get(7).click();
			wait.until(driver -> ((Number) js.executeScript("return document.getElementById('player').currentTime")).doubleValue() > 3.0);
			wait.until(driver -> (Boolean) js.executeScript("return Array.from(document.querySelectorAll('#strip img'))"
					+ ".every(function (image) { return image.complete && image.naturalWidth > 0; })"));
			assertThat(browser.findElement(By.id("viewer-mark")).getText()).contains("测试用户").contains(number);
			assertThat(browser.findElements(By.id("download-original"))).isEmpty();
			session.screenshot("player");
		}
		viewings.closeAll();
		List<String> viewed = ledger.about(AGENCY, List.of(recording.toString()), 100)
			.stream()
			.filter(entry -> entry.action().equals("recording.viewed"))
			.map(entry -> entry.actor() + " " + entry.payloadJson())
			.toList();
		assertThat(viewed).hasSize(1);
		assertThat(viewed.get(0)).startsWith(officer).doesNotContain("\"object\":\"original\"");
	}

	@Test
	void aClipsStateChangesOnThePageWithoutAReloadAndABackwardSpanIsRefusedInSeconds() throws Exception {
		String officer = accounts.createWithOneTimePassword(AGENCY, Role.OFFICER);
		UUID recording = importedFor(accounts.idOf(officer));
		EventDeliveries.awaitAll(events);
		copies.workPending();
		Approvals.toWatch(requests, accounts, AGENCY, officer, recording);
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			session.signInReplacing(officer, TestAccounts.PASSWORD, "Player-Clip-2026");
			session.open("/recordings/" + recording);
			JavascriptExecutor js = (JavascriptExecutor) browser;
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

			browser.findElement(By.id("clip-from")).sendKeys("3.0");
			browser.findElement(By.id("clip-to")).sendKeys("1.0");
			browser.findElement(By.cssSelector("#clip-form button[type=submit]")).click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("player-error")));
			assertThat(browser.findElement(By.id("player-error")).getText()).contains("结束时间 1.0 秒须晚于开始时间 3.0 秒");

			browser.findElement(By.id("clip-from")).clear();
			browser.findElement(By.id("clip-from")).sendKeys("1.0");
			browser.findElement(By.id("clip-to")).clear();
			browser.findElement(By.id("clip-to")).sendKeys("3.0");
			browser.findElement(By.cssSelector("#clip-form button[type=submit]")).click();
			wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#derived tr[data-kind=CLIP]")));
			js.executeScript("window.stillTheSamePage = true;");
			copies.workPending();
			wait.until(driver -> "READY".equals(driver.findElement(By.cssSelector("#derived tr[data-kind=CLIP]"))
				.getAttribute("data-state")));
			WebElement row = browser.findElement(By.cssSelector("#derived tr[data-kind=CLIP]"));
			assertThat(row.findElement(By.className("derived-state")).getText()).isEqualTo("已完成");
			assertThat(row.findElement(By.className("derived-actual")).getText()).contains("1.0").contains("3.0");
			assertThat(js.executeScript("return window.stillTheSamePage === true")).as("no reload").isEqualTo(true);
		}
	}

	private UUID importedFor(UUID officerId) throws Exception {
		Actor custodian = TestActor.of("player-test-custodian", AGENCY, Role.CUSTODIAN);
		String number = "PL-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		AccessFixtures.Card card = AccessFixtures.cardWith("sample_mpeg4.mp4", "MOV_0001.mp4");
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, number, officerId, card.folder());
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED);
		return outcomes.get(0).recordingId();
	}
}
