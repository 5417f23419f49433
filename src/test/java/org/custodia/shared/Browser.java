package org.custodia.shared;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for browser tests, started without any network of its own. Under
 * {@code CI=true} a missing browser fails the test; bin/test installs it.
 */
public final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final WebDriver driver;

	private final int port;

	public Browser(int port) {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("chromium and chromium-driver are missing under CI=true; bin/test installs them");
			}
			Assumptions.abort("chromium or chromedriver missing: run bin/test, which installs them");
		}
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM)
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
					"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--window-size=1366,768", "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		this.port = port;
	}

	public WebDriver driver() {
		return driver;
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	public void open(String path) {
		driver.get(url(path));
	}

	/** Signs in with a one-time password, replaces it as the first login demands, and lands on the home page. */
	public void signInReplacing(String username, String oneTimePassword, String newPassword) {
		open("/login");
		driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(oneTimePassword);
		driver.findElement(org.openqa.selenium.By.id("login-submit")).click();
		waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/account/password"));
		driver.findElement(org.openqa.selenium.By.id("current-password")).sendKeys(oneTimePassword);
		driver.findElement(org.openqa.selenium.By.id("new-password")).sendKeys(newPassword);
		driver.findElement(org.openqa.selenium.By.id("confirm-password")).sendKeys(newPassword);
		driver.findElement(org.openqa.selenium.By.id("password-submit")).click();
		waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(url("/")));
	}

	/**
	 * Waits for what a page shows next. Generous, because a loaded build machine with two cores renders the
	 * API documentation (generated on its first request) in well over ten seconds; a wait, not a timing check.
	 */
	public void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(45)).until(condition);
	}

	public void screenshot(String name) throws java.io.IOException {
		Path target = Path.of("target", "screenshots", name + ".png");
		Files.createDirectories(target.getParent());
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
	}

	@Override
	public void close() {
		driver.quit();
	}
}
