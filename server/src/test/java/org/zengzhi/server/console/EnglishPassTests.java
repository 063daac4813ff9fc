package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.demo.DemoLoginBoard;
import org.zengzhi.server.demo.DemoLogins;

/**
 * Issue 20 items 6–7, "every page is looked at in Chinese and English": an English pass over each model's demo (local
 * life, green points, four-party). One browser per demo signs in as the operator and as every demo login the sign-in
 * page lists, with {@code ?lang=en}, and walks every console page the role can reach from its home (its menu and the
 * links on its pages, one page per kind), at desktop size (1366×900) and phone size (390×844). A page fails when it
 * shows:
 * <ul>
 * <li>Chinese outside data: a Chinese character in a text that is not inside an element marked {@code translate="no"}
 * (names, addresses, a plan's own words: the HTML attribute for "do not translate this") or {@code lang="zh"} (the
 * 中文 switch), once the glossary terms in brackets after their English, such as "Direct (直推)", are set aside;</li>
 * <li>a raw message key ({@code ??key??}), an account or command code such as {@code USER_CASH} (outside a
 * {@code <code>} element, where a finding's code stands beside its text), or an ISO timestamp;</li>
 * <li>horizontal overflow: the page wider than the window.</li>
 * </ul>
 * Every problem of every page is listed at once (and written to target/english-pass.txt). Run by
 * {@link DemoEconomiesIT} on the demos it shares ({@link DemoServers}).
 */
abstract class EnglishPassTests {
    private static final String PASSWORD = DemoServers.PASSWORD;
    private static final String OPERATOR_PASSWORD = "operator-test-password";
    private static final int PAGES_PER_ROLE = 40;
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    /** Runs in the page: the problems of the page as text lines, empty when none. */
    private static final String CHECK = """
            const problems = [];
            const exempt = el => el.closest('[translate="no"], [lang^="zh"], script, style, noscript, svg');
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const el = node.parentElement;
              if (!el || exempt(el) || !el.getClientRects().length) continue;
              const text = node.textContent.replace(/\\s+/g, ' ').trim();
              const where = '<' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + '>: ';
              const bare = text.replace(/\\(\\d+\\)/g, '')
                  .replace(/[（(][^()（）]*[\\u3400-\\u9fff][^()（）]*[)）]/g, '');
              if (/[\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef]/.test(bare)) {
                problems.push('Chinese in ' + where + text.slice(0, 80));
              }
              if (!el.closest('code')) {
                for (const m of text.matchAll(/\\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\\b/g)) problems.push('code in ' + where + m[0]);
              }
            }
            for (const input of document.querySelectorAll('input[placeholder], textarea[placeholder]')) {
              if (!exempt(input) && /[\\u3400-\\u9fff]/.test(input.placeholder)) {
                problems.push('Chinese placeholder: ' + input.placeholder);
              }
            }
            const all = document.body.innerText;
            for (const m of all.matchAll(/\\?\\?[^?\\s]+\\?\\?/g)) problems.push('raw message key: ' + m[0]);
            for (const m of all.matchAll(/\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}[^\\s]*/g)) problems.push('ISO timestamp: ' + m[0]);
            const wide = document.documentElement.scrollWidth;
            if (wide > window.innerWidth) {
              const culprits = Array.from(document.querySelectorAll('body *')).filter(e => {
                const r = e.getBoundingClientRect();
                return r.right > window.innerWidth + 1 && r.width > 0 && !e.closest('.scroll, pre, textarea')
                    && Array.from(e.children).every(c => c.getBoundingClientRect().right <= window.innerWidth + 1);
              }).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ').join('.') : ''));
              problems.push('horizontal overflow: ' + wide + ' px in ' + window.innerWidth + ' (' + culprits.join(', ') + ')');
            }
            return [...new Set(problems)];
            """;

    /** Runs in the page: the console links on it (path and query), without the language switch. */
    private static final String LINKS = """
            return Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download'))
                .map(a => new URL(a.getAttribute('href'), location.href)).filter(u => u.origin === location.origin)
                .map(u => { u.searchParams.delete('lang'); return u.pathname + u.search; });
            """;

    private final List<String> problems = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    /** The demos, shared with the other checks of {@link DemoEconomiesIT}. */
    abstract DemoServers demos();

    @Test
    void issue20Item7EveryRoleOfEveryDemoReadsItsPagesInEnglishOnADesktopAndAPhone() throws Exception {
        walkDemo(DemoServers.LOCAL_LIFE);
        walkDemo(DemoServers.GREEN_POINTS);
        walkDemo(DemoServers.FOUR_PARTY);
        Path report = Path.of("target", "english-pass.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, problems);
        Files.write(report.resolveSibling("english-pass-pages.txt"), seen);
        assertThat(seen).as("pages walked").hasSizeGreaterThan(40);
        assertThat(problems).as("pages in English with Chinese UI text, raw keys, codes, ISO times or overflow").isEmpty();
    }

    private void walkDemo(String name) throws Exception {
        ServerHarness server = demos().of(name);
        try (Browser browser = new Browser(server.origin(), DESKTOP.width, DESKTOP.height)) {
            Map<String, String> logins = new LinkedHashMap<>();
            logins.put("operator", OPERATOR_PASSWORD);
            for (DemoLogins.Login login : server.bean(DemoLoginBoard.class).logins()) {
                logins.put(login.username(), PASSWORD);
            }
            for (Map.Entry<String, String> login : logins.entrySet()) {
                browser.driver.manage().deleteAllCookies();
                browser.driver.manage().window().setSize(DESKTOP);
                browser.open("/login?lang=en");
                check(browser, name + " sign-in");
                browser.signIn(login.getKey(), login.getValue());
                new WebDriverWait(browser.driver, Duration.ofSeconds(20))
                        .until(driver -> !driver.getCurrentUrl().contains("/login"));
                List<String> pages = walk(browser, name + " " + login.getKey());
                browser.driver.manage().window().setSize(PHONE);
                for (String page : pages) {
                    browser.open(withEnglish(page));
                    check(browser, name + " " + login.getKey() + " phone " + page);
                }
            }
        }
    }

    /** Visits the role's pages at desktop size, one per kind, breadth first from its home; returns them. */
    private List<String> walk(Browser browser, String who) {
        String home = URI.create(browser.driver.getCurrentUrl()).getPath();
        Deque<String> queue = new ArrayDeque<>(List.of(home));
        TreeSet<String> kinds = new TreeSet<>();
        List<String> visited = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < PAGES_PER_ROLE) {
            String page = queue.poll();
            if (!kinds.add(kind(page))) {
                continue;
            }
            browser.open(withEnglish(page));
            if (browser.driver.getCurrentUrl().contains("/login")) {
                continue; // not this role's page
            }
            visited.add(page);
            seen.add(who + " " + page);
            check(browser, who + " desktop " + page);
            @SuppressWarnings("unchecked")
            List<String> links = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(LINKS);
            for (String link : links) {
                if (worthVisiting(link) && !kinds.contains(kind(link))) {
                    queue.add(link);
                }
            }
        }
        return visited;
    }

    private void check(Browser browser, String where) {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) browser.driver).executeScript(CHECK);
        found.forEach(problem -> problems.add(where + ": " + problem));
    }

    /** Console and pay pages a person opens by a link; not sign-out, downloads or the simulator's whole report. */
    private static boolean worthVisiting(String link) {
        String path = link.split("\\?", 2)[0];
        return (path.startsWith("/console") || path.startsWith("/pay")) && !path.contains("logout")
                && !path.endsWith(".csv") && !path.endsWith("/report") && !link.contains("format=");
    }

    /** A page's kind: its first three path segments, its depth and its query's names (one participant stands for all). */
    private static String kind(String link) {
        String[] parts = link.split("\\?", 2);
        String[] segments = parts[0].split("/");
        StringBuilder kind = new StringBuilder();
        for (int i = 1; i < Math.min(segments.length, 4); i++) {
            kind.append('/').append(segments[i]);
        }
        kind.append('#').append(segments.length);
        if (parts.length > 1) {
            for (String pair : new TreeSet<>(List.of(parts[1].split("&")))) {
                kind.append('&').append(pair.split("=", 2)[0]);
            }
        }
        return kind.toString();
    }

    private static String withEnglish(String page) {
        return page + (page.contains("?") ? "&" : "?") + "lang=en";
    }
}
