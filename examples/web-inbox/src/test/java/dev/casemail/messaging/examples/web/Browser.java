package dev.casemail.messaging.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the web inbox in headless Chromium: signs in, clicks what a person clicks, reads what the
 * page shows, and saves a screenshot of each page under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver chrome;
  private final String base;
  private final Path downloads;
  private int shots;

  Browser(int port, Path downloads) {
    this.base = "http://localhost:" + port;
    this.downloads = downloads;
    this.chrome = Chromium.start(downloads, 1280, 1000);
  }

  /** Removes the screenshots of an earlier run, so that the directory shows this run's pages only. */
  static void clearScreenshots() throws IOException {
    if (Files.isDirectory(SCREENSHOTS)) {
      try (Stream<Path> old = Files.list(SCREENSHOTS)) {
        for (Path png : old.toList()) {
          Files.delete(png);
        }
      }
    }
  }

  void go(String path) {
    chrome.get(base + path);
  }

  String path() {
    return chrome.getCurrentUrl().substring(base.length());
  }

  /** Saves what the window shows now as {@code NN-name.png}. */
  void shot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = chrome.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(png, SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shots, name)), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs out (with the header's button) if someone is signed in, then picks the person on the demo sign-in page. */
  void signInAs(String participantId) {
    if (!all("form[action='/signout'] button").isEmpty()) {
      signOut();
    } else {
      go("/signin");
    }
    follow(byId("signin-" + participantId));
  }

  void signOut() {
    click("form[action='/signout'] button");
  }

  WebElement find(String css) {
    return chrome.findElement(By.cssSelector(css));
  }

  /** The element with this id (ids here hold dots, which a CSS selector would read as classes). */
  WebElement byId(String id) {
    return chrome.findElement(By.xpath("//*[@id='" + id + "']"));
  }

  List<WebElement> all(String css) {
    return chrome.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  /** The whole page's visible text. */
  String page() {
    return find("body").getText();
  }

  String heading() {
    return text("h1");
  }

  String notice() {
    return text(".notice");
  }

  String problem() {
    return text(".problem");
  }

  /** Clicks a link or a form's button and waits until the next page has replaced this one. */
  void follow(WebElement linkOrButton) {
    WebElement page = find("html");
    linkOrButton.click();
    new WebDriverWait(chrome, Duration.ofSeconds(10)).until(driver -> gone(page));
  }

  /**
   * Whether an element of the page before is gone. Chromedriver says so with a stale-element error, or,
   * caught mid-navigation, with a generic one ("Node with given id does not belong to the document").
   */
  private static boolean gone(WebElement before) {
    try {
      before.isEnabled();
      return false;
    } catch (StaleElementReferenceException stale) {
      return true;
    } catch (WebDriverException midNavigation) {
      return true;
    }
  }

  /** Clicks what {@code css} finds and waits for the next page. */
  void click(String css) {
    follow(find(css));
  }

  void clickLink(String text) {
    follow(chrome.findElement(By.linkText(text)));
  }

  /** Follows a link in the folder list by the folder's name. */
  void folder(String name) {
    follow(chrome.findElement(By.xpath("//nav[@class='side']//a[span[@class='name'][normalize-space(.)=" + literal(name) + "]]")));
  }

  /** The folder list's count for one folder, as shown: {@code "unread / total"}. */
  String count(String name) {
    return chrome.findElement(By.xpath("//nav[@class='side']//a[span[@class='name'][normalize-space(.)=" + literal(name) + "]]"
        + "/span[contains(@class,'count')]")).getText();
  }

  /** The subjects listed on a folder page, top to bottom. */
  List<String> subjects() {
    return all("table.messages td.subject a").stream().map(WebElement::getText).toList();
  }

  /** The row of the message with this subject on a folder page. */
  WebElement row(String subject) {
    return chrome.findElement(By.xpath("//table[contains(@class,'messages')]//tr[td[@class='subject']/a[normalize-space(.)=" + literal(subject) + "]]"));
  }

  void open(String subject) {
    follow(row(subject).findElement(By.cssSelector("td.subject a")));
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  void select(String css, String visibleText) {
    new Select(find(css)).selectByVisibleText(visibleText);
  }

  /** Opens a family's group in the recipient chooser by its triangle and ticks a recipient in it. */
  void chooseRecipient(String group, String participantId) {
    WebElement details = chrome.findElement(By.xpath("//details[summary/bdi[normalize-space(.)=" + literal(group) + "]]"));
    if (details.getAttribute("open") == null) {
      details.findElement(By.tagName("summary")).click();
    }
    WebElement box = details.findElement(By.xpath(".//input[@id='to-" + participantId + "']"));
    if (!box.isSelected()) {
      box.click();
    }
  }

  /** The file the browser downloaded, once it is complete; waits for it by polling, up to 30 seconds. */
  Path downloaded(String suffix) {
    return new FluentWait<>(downloads)
        .withTimeout(Duration.ofSeconds(30))
        .pollingEvery(Duration.ofMillis(100))
        .withMessage("no *" + suffix + " downloaded into " + downloads)
        .until(dir -> completed(dir, suffix).orElse(null));
  }

  private static Optional<Path> completed(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text as an XPath string literal, whatever quotes it holds. */
  private static String literal(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  /** Forgets the session, as a new visitor. */
  void forget() {
    chrome.manage().deleteAllCookies();
  }

  @Override
  public void close() {
    chrome.quit();
  }

  static void assertNoScript(Browser browser) {
    assertThat(browser.all("script")).as("the pages work without JavaScript and carry none").isEmpty();
  }
}
