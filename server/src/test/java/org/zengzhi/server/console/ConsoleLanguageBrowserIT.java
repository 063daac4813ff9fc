package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.ServerHarness;

/**
 * Issue 20 item 7 (cross-cutting) in a real browser against the real server on H2: rejections in Chinese by default
 * and English on request, in the API's problem+json too; error pages in the console's style (404, 405) for a
 * browser and problem+json for API clients; the plan page full width with its compliance report in both languages.
 */
class ConsoleLanguageBrowserIT {
    private static final int DESK_WIDTH = 1280;
    private static final String OPERATOR_PASSWORD = "operator-test-password";
    private static final String MERCHANT = "{\"type\":\"merchant\",\"merchant\":\"noodles\",\"owner\":\"nora\",\"region\":\"440106\"}";

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"));
        assertThat(server.post("m-noodles", MERCHANT).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Keeps a screenshot for docs/console.md when the docs folder is there (the worktree, not a copy). */

    @Test
    void issue20Item7ARejectionCarriesItsMessageInTheAskedLanguageAndChangesNothing() throws Exception {
        ServerHarness.Reply zh = server.post("/commands", Map.of("Idempotency-Key", "m-again-zh"), MERCHANT);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.body().get("code").asString()).isEqualTo("MERCHANT_EXISTS");
        assertThat(zh.body().get("message").asString()).as("Chinese by default").isEqualTo("该商家编号已被占用。");
        ServerHarness.Reply en = server.post("/commands", Map.of("Idempotency-Key", "m-again-en",
                "Accept-Language", "en-US,en;q=0.9"), MERCHANT);
        assertThat(en.body().get("message").asString()).isEqualTo("This store id is taken.");
        assertThat(en.body().get("detail").asString()).as("the detail stays the stable contract")
                .contains("MERCHANT_EXISTS");
    }

    @Test
    void issue20Item7ABrowserGetsTheConsolesErrorPagesAndAnApiClientProblemJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/no-such-page"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("id=\"error-page\"").contains("页面不存在").doesNotContain("Whitelabel");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/no-such-page"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("operator", OPERATOR_PASSWORD);
            browser.waitForPath("/console/operator");
            browser.open("/console/no-such-page");
            browser.waitForText("#error-status", "404");
            assertThat(browser.find("#error-title").getText()).isEqualTo("页面不存在。");
            Browser.keep(browser.screenshot("error-404"), "error-404.png");
            browser.open("/console/operator/subsidy/confirm");
            browser.waitForText("#error-status", "405");
            assertThat(browser.find("#error-title").getText()).isEqualTo("不能以这种方式打开此页面。");
            browser.open("/console/no-such-page?lang=en");
            browser.waitForText("#error-title", "This page does not exist.");
        }
    }

    @Test
    void issue20Item7ThePlanPageIsFullWidthWithTheComplianceReportInBothLanguages() throws Exception {
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("operator", OPERATOR_PASSWORD);
            browser.waitForPath("/console/operator");
            browser.open("/console/operator/plan?lang=zh");
            browser.waitForText("#compliance-heading", "合规报告");
            assertThat(browser.find("#compliance-legal").getText()).contains("禁止传销条例");
            assertThat(browser.find("#plan-yaml").getSize().getWidth()).as("issue 20 item 7 (h): the editor is wide")
                    .isGreaterThan(800);
            Browser.keep(browser.screenshot("plan-compliance-zh"), "plan-compliance-zh.png");
            browser.open("/console/operator/plan?lang=en");
            browser.waitForText("#compliance-heading", "Compliance report for plan");
            assertThat(browser.find("#compliance-legal").getText()).contains("pyramid selling");
            browser.open("/console/operator/plan?lang=zh");
            browser.waitForText("#compliance-heading", "合规报告");
        }
    }
}
