package org.irfoundation.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Debian Chromium per test class, pointed at the shared Spring context's random port. Register it as
 * {@code @RegisterExtension static final Browser browser = new Browser();} in an {@code @IrSpringBootTest} class: it
 * starts after Spring's extension, so the port is known. Driver and binary paths are fixed (no Selenium Manager
 * download); without them the class fails, it never skips. See docs/browser-tests.md.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler {

  public static final Path CHROMEDRIVER = Path.of(System.getProperty("irf.chromedriver", "/usr/bin/chromedriver"));
  public static final Path CHROMIUM = Path.of(System.getProperty("irf.chromium", "/usr/bin/chromium"));
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final Duration WAIT = Duration.ofSeconds(20);

  private WebDriver driver;
  private WebDriverWait wait;
  private String baseUrl;

  @Override
  public void beforeAll(ExtensionContext context) {
    for (Path file : List.of(CHROMEDRIVER, CHROMIUM)) {
      if (!Files.isExecutable(file)) {
        throw new IllegalStateException(file + " is missing: the browser tests need Debian's chromium and"
            + " chromium-driver (apt-get install -y chromium chromium-driver; .ci/run does it)");
      }
    }
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
    baseUrl = "http://localhost:" + port;
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000", "--lang=en-US", "--no-first-run", "--disable-extensions");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1400, 1000));
    wait = new WebDriverWait(driver, WAIT);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (driver != null) {
      driver.quit();
    }
  }

  /** A failed test leaves its page behind: failed-{test}.png and .html beside the other screenshots. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    if (driver != null) {
      try {
        String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()
            .replaceAll("[^A-Za-z0-9]+", "");
        screenshot(name);
        Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      } catch (RuntimeException | IOException e) {
        failure.addSuppressed(e);
      }
    }
    throw failure;
  }

  public WebDriver driver() {
    return driver;
  }

  public String url(String path) {
    return baseUrl + path;
  }

  /** Signs in to a webapp (tasklist, cockpit, admin) through its login form, after signing out anyone else. */
  public void login(String app, String user, String password) {
    logout();
    driver.get(url("/camunda/app/" + app + "/default/"));
    WebElement name = visible(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = driver.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]"));
    secret.clear();
    secret.sendKeys(password);
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  /** Drops the session: the next page shows the login form. */
  public void logout() {
    if (driver.getCurrentUrl().startsWith(baseUrl)) {
      ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }
    driver.manage().deleteAllCookies();
  }

  /** Opens a page of the app (path from the root, e.g. /camunda/app/cockpit/default/#/dashboard). */
  public void open(String path) {
    driver.get(url(path));
  }

  public WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  public WebElement clickable(By locator) {
    return wait.until(ExpectedConditions.elementToBeClickable(locator));
  }

  /** Waits until the page's text contains every piece; returns the text. */
  public String text(String... pieces) {
    return until(d -> {
      String body = bodyText();
      for (String piece : pieces) {
        if (!body.contains(piece)) {
          return null;
        }
      }
      return body;
    });
  }

  public String bodyText() {
    try {
      return driver.findElement(By.tagName("body")).getText();
    } catch (StaleElementReferenceException e) {
      return "";
    }
  }

  /** Explicit wait on any condition, stale elements retried (Angular re-renders). */
  public <T> T until(Function<WebDriver, T> condition) {
    return wait.ignoring(StaleElementReferenceException.class).until(condition::apply);
  }

  /** Saves the page as target/screenshots/{name}.png, for people to look at. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.move(shot, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
