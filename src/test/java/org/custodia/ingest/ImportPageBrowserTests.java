package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.custodia.TestMedia;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** A custodian uploads a phone's recording through the page with tus-js-client and sees it stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = CustodiaIntegrationTest.H2DataDirectory.class)
class ImportPageBrowserTests {

	static final String FILE = "sample_mpeg4.mp4";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.custodia.shared.HumanUnits units;

	@Test
	void uploadsAFileWithLiveProgressAndListsItStored() throws Exception {
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			String number = signInWithDevice(session, "Upload-Page-2026");

			session.open("/imports");
			new Select(browser.findElement(By.id("upload-device"))).selectByValue(number);
			browser.findElement(By.id("upload-files")).sendKeys(media(FILE));
			browser.findElement(By.id("upload-submit")).click();

			WebElement upload = browser.findElement(By.cssSelector("#upload-list tr.upload"));
			waitLong(session, ExpectedConditions.attributeToBe(upload, "data-percent", "100"));
			assertThat(upload.getText()).contains(FILE);
			waitLong(session, ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "导入完成"));
			WebElement stored = browser.findElement(By.cssSelector("#job-results tr.outcome-stored"));
			assertThat(stored.getText()).contains(FILE, "已存储", ManifestSums.of(FILE));
			assertThat(browser.findElement(By.id("job-progress")).getText()).startsWith("文件 1／1");
			WebElement bar = browser.findElement(By.id("job-bar"));
			assertThat(bar.getDomProperty("value")).isEqualTo(bar.getDomProperty("max"));
			session.screenshot("import-upload");
		}
	}

	/**
	 * An empty file among the chosen ones uploads, is stored and flagged, and holds nothing up; the page shows the
	 * batch's progress in Chinese, keeps the button disabled while it works, and lists the import among the recent.
	 */
	@Test
	void anEmptyFileUploadsWithTheOthersAndTheImportIsListedAsRecent() throws Exception {
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("empty-upload");
		java.nio.file.Path empty = java.nio.file.Files.createFile(folder.resolve("空白.mp4"));
		// Bytes of this test alone, so that they are stored here and not found a duplicate of another test's.
		java.nio.file.Path other = java.nio.file.Files.writeString(folder.resolve("笔录.txt"),
				(System.nanoTime() + " ").repeat(300));
		long size = java.nio.file.Files.size(other);
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			String number = signInWithDevice(session, "Upload-Empty-2026");
			session.open("/imports");
			new Select(browser.findElement(By.id("upload-device"))).selectByValue(number);
			browser.findElement(By.id("upload-files")).sendKeys(empty.toString() + "\n" + other);
			WebElement submit = browser.findElement(By.id("upload-submit"));
			submit.click();
			assertThat(submit.isEnabled()).isFalse();

			waitLong(session, ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "导入完成"));
			assertThat(browser.findElements(By.cssSelector("#job-results tr.outcome-stored"))).hasSize(2);
			assertThat(browser.findElement(By.id("job-results")).getText()).contains("空白.mp4", "空文件",
					"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "笔录.txt");
			String summary = browser.findElement(By.id("upload-summary")).getText();
			assertThat(summary).startsWith("100%").contains("已上传", "剩余",
					units.fileSize(size, java.util.Locale.SIMPLIFIED_CHINESE) + " / "
							+ units.fileSize(size, java.util.Locale.SIMPLIFIED_CHINESE)).doesNotContainPattern("[A-Za-z]{3,}");
			assertThat(browser.findElement(By.id("upload-bar")).getDomProperty("value")).isEqualTo("100");
			waitLong(session, ExpectedConditions.elementToBeClickable(By.id("upload-submit")));

			session.open("/imports");
			WebElement recent = browser.findElement(
					By.xpath("//section[@id='recent-imports']//tr[contains(., '" + number + "')]"));
			assertThat(recent.getText()).contains(number, "浏览器上传");
			assertThat(recent.findElement(By.className("count-stored")).getText()).isEqualTo("2");
			assertThat(recent.findElement(By.className("count-failed")).getText()).isEqualTo("0");
			recent.findElement(By.className("show-job")).click();
			waitLong(session, ExpectedConditions.textToBePresentInElementLocated(By.id("job-results"), "空白.mp4"));
			session.screenshot("import-recent");
		}
	}

	/** The page was closed halfway through an upload; after a reload the same file continues on the same upload. */
	@Test
	void aReloadResumesTheUploadWhereItStopped() throws Exception {
		String file = "Nexus 4.jpg";
		try (Browser session = new Browser(port)) {
			WebDriver browser = session.driver();
			String number = signInWithDevice(session, "Upload-Resume-2026");
			session.open("/imports");
			browser.findElement(By.id("upload-files")).sendKeys(media(file));
			// tus-js-client itself sends the first half and stops, as a closed tab would; it remembers the upload.
			String first = (String) ((JavascriptExecutor) browser).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var root = document.getElementById('imports').dataset;
					var headers = {}; headers[root.csrfHeader] = root.csrfToken;
					var file = document.getElementById('upload-files').files[0];
					var upload = new tus.Upload(file, { endpoint: root.uploadsUrl, headers: headers,
					  chunkSize: Math.ceil(file.size / 2),
					  metadata: { filename: file.name, filetype: file.type, lastModified: String(file.lastModified) },
					  onChunkComplete: function () { upload.abort().then(function () { done(upload.url); }); },
					  onError: function (error) { done('error: ' + error); } });
					upload.start();
					""");
			assertThat(first).contains("/api/v1/uploads/");

			browser.navigate().refresh();
			new Select(browser.findElement(By.id("upload-device"))).selectByValue(number);
			browser.findElement(By.id("upload-files")).sendKeys(media(file));
			browser.findElement(By.id("upload-submit")).click();
			waitLong(session, ExpectedConditions.textToBePresentInElementLocated(By.id("job-state"), "导入完成"));
			assertThat(browser.findElement(By.cssSelector("#job-results tr.outcome-stored")).getText())
				.contains(file, ManifestSums.of(file));
			// Had the page started over, the half upload would still be there; it was completed and imported instead.
			Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					fetch(arguments[0], { method: 'HEAD', headers: { 'Tus-Resumable': '1.0.0' } })
					  .then(function (response) { done(response.status); });
					""", first);
			assertThat(((Number) status).intValue()).isEqualTo(404);
			assertThat(List.of(browser.findElements(By.cssSelector("#upload-list tr.upload")).size())).containsExactly(1);
		}
	}

	private String signInWithDevice(Browser session, String password) {
		WebDriver browser = session.driver();
		String custodian = accounts.createWithOneTimePassword("pingdingshan-culture", Role.CUSTODIAN);
		session.signInReplacing(custodian, TestAccounts.PASSWORD, password);
		session.open("/devices");
		String number = "PDU-" + System.nanoTime() % 100000;
		browser.findElement(By.name("number")).sendKeys(number);
		browser.findElement(By.name("number")).submit();
		session.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), number));
		return number;
	}

	private static String media(String name) {
		return TestMedia.file(name).toAbsolutePath().normalize().toString();
	}

	/** Uploading and importing take longer than a page load; bounded so a broken page fails the test. */
	private static void waitLong(Browser session, org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(session.driver(), Duration.ofSeconds(60)).until(condition);
	}
}
