package org.zengzhi.server.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The test JVM's headless Chromiums: a browser a test closes is wiped and kept for the next one instead of quit, so a
 * failsafe fork starts Chromium about as often as it has browsers open at once (twice at most), not once per test.
 * Wiping leaves nothing a test could see of the one before: cookies (of every host and port), cache and the storage of
 * the origins the browser was given for are cleared, the page is blank and the window has the size asked for. A
 * browser that cannot be wiped (a dialog left open, a crashed tab) is quit. All are quit when the JVM exits.
 */
final class Chromiums {
    private static final Deque<Pooled> IDLE = new ArrayDeque<>();
    private static final List<Pooled> ALL = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Chromiums::quitAll, "quit-chromiums"));
    }

    private Chromiums() {
    }

    private record Pooled(ChromeDriver driver, Path profile) {
    }

    /** A wiped browser at {@code width}×{@code height}: an idle one, or a new one when none is idle. */
    static synchronized ChromeDriver take(int width, int height) {
        Pooled pooled = IDLE.poll();
        if (pooled == null) {
            pooled = start(width, height);
            ALL.add(pooled);
        }
        pooled.driver().manage().window().setSize(new Dimension(width, height));
        return pooled.driver();
    }

    /** Takes back a browser a test has closed: wiped and kept for the next test, or quit if it cannot be wiped. */
    static void giveBack(ChromeDriver driver, String origin) {
        Pooled pooled = find(driver);
        try {
            driver.get("about:blank");
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        } catch (WebDriverException e) {
            quit(pooled);
            return;
        }
        synchronized (Chromiums.class) {
            IDLE.push(pooled);
        }
    }

    private static synchronized Pooled find(ChromeDriver driver) {
        return ALL.stream().filter(pooled -> pooled.driver() == driver).findFirst().orElseThrow();
    }

    private static Pooled start(int width, int height) {
        if (!new File(Browser.CHROMEDRIVER).canExecute() || !new File(Browser.CHROMIUM).canExecute()) {
            throw new AssertionError("the browser tests need Debian's Chromium and its driver at " + Browser.CHROMIUM
                    + " and " + Browser.CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("zengzhi-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Browser.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--lang=zh-CN", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(Browser.CHROMEDRIVER)).build();
        return new Pooled(new ChromeDriver(service, options), profile);
    }

    private static void quit(Pooled pooled) {
        synchronized (Chromiums.class) {
            ALL.remove(pooled);
            IDLE.remove(pooled);
        }
        try {
            pooled.driver().quit();
        } catch (WebDriverException e) {
            // already gone; its profile is removed all the same
        }
        delete(pooled.profile());
    }

    private static void quitAll() {
        List<Pooled> all;
        synchronized (Chromiums.class) {
            all = new ArrayList<>(ALL);
        }
        all.forEach(Chromiums::quit);
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a profile left in the temporary directory is harmless
        }
    }
}
