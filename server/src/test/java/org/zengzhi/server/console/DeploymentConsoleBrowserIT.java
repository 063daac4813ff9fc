package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.zengzhi.server.ServerHarness;

/**
 * Issue 21 deliver 1 in a real browser: the deployment operator's console at {@code /deployment} (Chinese first)
 * signs in through the deployment API, creates a tenant, suspends it, renames it, refuses a closing with a mistyped
 * slug (the API's message, in Chinese) and closes it with the slug typed again; the tenant then answers 410.
 */
class DeploymentConsoleBrowserIT {
    private static final String DEPLOYMENT_PASSWORD = "deployment-test-password";
    /** Creating a tenant starts its context: seconds, many of them on a loaded machine. */
    private static final Duration CREATION = Duration.ofSeconds(120);

    @TempDir
    Path temp;

    @Test
    void theDeploymentOperatorManagesTenantsFromItsConsole() throws Exception {
        try (ServerHarness server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"),
                "zengzhi.deployment-password=" + DEPLOYMENT_PASSWORD);
                Browser browser = new Browser(server.origin(), 1280, 900)) {
            browser.open("/deployment");
            browser.waitForText("h1", "部署运营方");
            browser.type("#deploy-password", "wrong-password-1");
            browser.click("#deploy-sign-in");
            browser.waitForText("#deploy-message", "401");
            browser.type("#deploy-password", DEPLOYMENT_PASSWORD);
            browser.click("#deploy-sign-in");
            browser.find("#deploy-create");

            browser.type("#create-slug", "Shop3");
            browser.type("#create-name", "第三平台");
            browser.type("#create-password", "shop3-operator-password");
            browser.click("#create-submit");
            browser.waitForText("#deploy-message", "小写字母");
            browser.type("#create-slug", "shop3");
            browser.click("#create-submit");
            new WebDriverWait(browser.driver, CREATION).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#tenant-shop3 .status"), "正常 · 运行中"));
            assertThat(browser.find("#tenant-shop3 .plan").getText()).isEqualTo("local-life.yaml");
            assertThat(browser.find("#create-slug").getAttribute("value")).as("the form is cleared").isEmpty();

            browser.click("#suspend-shop3");
            browser.waitForText("#tenant-shop3 .status", "已暂停");
            browser.type("#rename-shop3", "第三平台（旧）");
            browser.click("#rename-submit-shop3");
            browser.waitForText("#tenant-shop3 .name", "第三平台（旧）");
            browser.type("#close-confirm-shop3", "shop");
            browser.click("#close-submit-shop3");
            browser.waitForText("#deploy-message", "确认");
            assertThat(browser.find("#tenant-shop3 .status").getText()).startsWith("已暂停");
            Browser.keep(browser.screenshot("deployment-console"), "deployment-console.png");
            browser.type("#close-confirm-shop3", "shop3");
            browser.click("#close-submit-shop3");
            browser.waitForText("#tenant-shop3 .status", "已关闭");
            assertThat(browser.driver.findElements(By.id("resume-shop3"))).as("a closed tenant never starts").isEmpty();

            HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    server.origin() + "/t/shop3/api/v1/economy")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(gone.statusCode()).isEqualTo(410);

            browser.open("/deployment?lang=en");
            browser.waitForText("#tenant-shop3 .status", "closed");
        }
    }

    /** Keeps the screenshot for docs/tenants.md when the docs folder is there (the worktree, not a copy). */
}
