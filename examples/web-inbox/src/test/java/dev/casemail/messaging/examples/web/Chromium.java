package dev.casemail.messaging.examples.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium and its chromedriver, {@value #BROWSER} and {@value #DRIVER} (or the
 * paths in the system properties {@code chromium.binary} and {@code chromium.driver}). When either is
 * missing, the browser tests are skipped, saying how to install them; every other test still runs.
 */
final class Chromium {

  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  private static final Logger LOG = LoggerFactory.getLogger(Chromium.class);

  private Chromium() {}

  /** Skips the calling test unless both the browser and the driver are there, saying so in the build's log too. */
  static void assumeInstalled() {
    Path browser = browser();
    Path driver = driver();
    boolean installed = Files.isExecutable(browser) && Files.isExecutable(driver);
    String message = "Chromium or chromedriver is missing (looked for " + browser + " and " + driver + "): the browser"
        + " tests are skipped. Install them with: sudo apt-get install -y chromium chromium-driver"
        + " (or point -Dchromium.binary=... and -Dchromium.driver=... at them)";
    if (!installed) {
      LOG.warn(message);
    }
    assumeTrue(installed, message);
  }

  /** A headless Chromium with its window at {@code width} × {@code height}, saving downloads into {@code downloads}. */
  static ChromeDriver start(Path downloads, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=" + width + "," + height, "--lang=en-GB", "--hide-scrollbars");
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", downloads.toAbsolutePath().toString(),
        "download.prompt_for_download", false,
        "safebrowsing.enabled", false));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driver().toString()))
        .usingAnyFreePort()
        .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return chrome;
  }

  private static Path browser() {
    return Path.of(System.getProperty("chromium.binary", BROWSER));
  }

  private static Path driver() {
    return Path.of(System.getProperty("chromium.driver", DRIVER));
  }
}
