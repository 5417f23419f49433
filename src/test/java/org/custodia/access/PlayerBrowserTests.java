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
import org.custodia.ingest.RecordingImports;
import org.custodia.ledger.Ledger;
import org.custodia.media.DerivedCopies;
import org.custodia.shared.Actor;
import org.custodia.shared.Browser;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.Role;
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
	Viewings viewings;

	@Autowired
	Ledger ledger;

	@Test
	void theOfficerWatchesHisRecordingThroughItsProxyAndSeeksByTheStrip() throws Exception {
		String officer = accounts.create(AGENCY, Role.OFFICER);
		UUID recording = importedFor(accounts.idOf(officer));
		copies.workPending();
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			signIn(session, officer, "Player-Page-2026");
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

	/** The workstation's custodian, as the import runs for it. */
	record Custodian() implements Actor {

		@Override
		public UUID userId() {
			return new UUID(0, 7);
		}

		@Override
		public String username() {
			return "player-test-custodian";
		}

		@Override
		public java.util.Optional<String> agency() {
			return java.util.Optional.of(AGENCY);
		}

		@Override
		public java.util.Set<Role> roles() {
			return java.util.Set.of(Role.CUSTODIAN);
		}
	}

	private UUID importedFor(UUID officerId) throws Exception {
		Actor custodian = new Custodian();
		String number = "PL-" + UUID.randomUUID().toString().substring(0, 8);
		devices.register(custodian, new NewDevice(AGENCY, number, DeviceKind.BODY_CAMERA, null, null, null, null, null,
				null, null, null, null, null));
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		byte[] sample = Files.readAllBytes(Path.of("..", "shared", "media", "sample_mpeg4.mp4"));
		byte[] tail = new byte[16];
		new Random().nextBytes(tail);
		byte[] unique = java.util.Arrays.copyOf(sample, sample.length + tail.length);
		System.arraycopy(tail, 0, unique, sample.length, tail.length);
		Files.write(folder.resolve("MOV_0001.mp4"), unique);
		List<RecordingImports.Outcome> outcomes = imports.importFolder(custodian, AGENCY, number, officerId, folder);
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly("STORED");
		return outcomes.get(0).recordingId();
	}

	private void signIn(Browser session, String username, String password) {
		WebDriver browser = session.driver();
		session.open("/login");
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		session.waitFor(ExpectedConditions.urlContains("/account/password"));
		browser.findElement(By.id("current-password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("new-password")).sendKeys(password);
		browser.findElement(By.id("confirm-password")).sendKeys(password);
		browser.findElement(By.id("password-submit")).click();
		session.waitFor(ExpectedConditions.urlToBe(session.url("/")));
	}
}
