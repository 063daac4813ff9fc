package org.zengzhi.server.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: no driver download. Waits are explicit conditions,
 * never sleeps; screenshots go to target/screenshots.
 * <p>
 * Starting Chromium and its driver costs a second or more of a busy machine's CPU, so a closed browser is not quit but
 * given back to {@link Chromiums}, the test JVM's pool, which hands it to the next test wiped: no cookies, no storage,
 * no cache, on a blank page, at the size asked for. To a test it is a fresh browser.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOCS = Path.of("..", "docs", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final String origin;
    private final WebDriverWait wait;
    private final int width;

    /** A wiped browser of the pool (or a new one) at {@code width}×{@code height}, for the server at {@code origin}. */
    Browser(String origin, int width, int height) {
        this.driver = Chromiums.take(width, height);
        this.origin = origin;
        this.width = width;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    void open(String path) {
        driver.get(origin + path);
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /**
     * Waits until the browser is at {@code path}, whatever the query (a saved request adds {@code ?continue}) and
     * the fragment (a home page may point at its section).
     */
    void waitForPath(String path) {
        wait.until(driver -> driver.getCurrentUrl().split("[?#]", 2)[0].equals(origin + path));
    }

    /** Signs in through the form (and its CSRF token) like a person would. */
    void signIn(String username, String password) {
        type("#username", username);
        type("#password", password);
        click("#sign-in");
    }

    /**
     * Copies a screenshot into the checkout's docs/screenshots as {@code file} ("wallet.png") for the docs to show;
     * nothing outside a checkout. Run {@code git checkout docs/screenshots} after a run not meant to change them.
     */
    static void keep(Path shot, String file) throws IOException {
        if (Files.isDirectory(DOCS.getParent())) {
            Files.createDirectories(DOCS);
            Files.copy(shot, DOCS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Grows the window to the page's height first, so the screenshot shows the whole page. */
    Path screenshot(String name) {
        long height = (Long) ((JavascriptExecutor) driver).executeScript(
                "window.scrollTo(0, 0); return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 120, 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the browser back to the pool, which wipes it for the next test. */
    @Override
    public void close() {
        Chromiums.giveBack(driver, origin);
    }
}
