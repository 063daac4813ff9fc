package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.zengzhi.server.ServerHarness;

/**
 * Issue 21 item 1 in a real browser: a tenant created through the deployment API serves its console under
 * {@code /t/{slug}/}: the sign-in redirects, the form post (with its CSRF token), the operator's dashboard with
 * its chart and style sheet, and the links between pages all stay inside the tenant; signing in there does not sign
 * the browser in to the default tenant at {@code /console}, whose session it shares.
 */
class TenantBrowserIT {
    private static final String DEPLOYMENT_PASSWORD = "deployment-test-password";
    private static final String TENANT_PASSWORD = "tenant-operator-password";

    @TempDir
    Path temp;

    @Test
    void aTenantsConsoleWorksUnderItsPrefixAndKeepsItsOwnSignIn() throws Exception {
        try (ServerHarness server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"),
                "zengzhi.deployment-password=" + DEPLOYMENT_PASSWORD)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(server.origin()
                    + "/api/v1/deployment/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"deployment\",\"password\":\""
                            + DEPLOYMENT_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.origin()
                    + "/api/v1/deployment/tenants")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", "create-shop2")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"shop2\",\"name\":\"第二平台\",\"plan\":"
                            + "\"local-life.yaml\",\"operatorPassword\":\"" + TENANT_PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            try (Browser browser = new Browser(server.origin(), 1280, 1000)) {
                browser.open("/t/shop2/console");
                browser.waitForPath("/t/shop2/login");
                browser.signIn("operator", TENANT_PASSWORD);
                browser.waitForPath("/t/shop2/console/operator");
                browser.find("#price-chart canvas");
                browser.find("#invariants-ok");
                Object rules = ((JavascriptExecutor) browser.driver).executeScript(
                        "return document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0");
                assertThat(rules).as("the console's style sheet, loaded from inside the tenant").isEqualTo(true);
                Path shot = browser.screenshot("tenant-operator");
                Browser.keep(shot, "tenant-operator.png");
                browser.click("#nav-reports");
                browser.waitForPath("/t/shop2/console/operator/reports");
                browser.click("#nav-dashboard");
                browser.waitForPath("/t/shop2/console/operator");

                browser.open("/console");
                browser.waitForPath("/login");
                browser.open("/t/shop2/console");
                browser.waitForPath("/t/shop2/console/operator");
            }
        }
    }

    /** Keeps the screenshot for docs/tenants.md when the docs folder is there (the worktree, not a copy). */
}
