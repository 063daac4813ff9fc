package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.demo.DemoLoginBoard;
import org.zengzhi.server.demo.DemoLogins;

import tools.jackson.databind.JsonNode;

/**
 * Every role signs in to each model's demo (issue 20, "each role is signed in as a new user would … in each model's
 * demo"): the server runs with {@code zengzhi.demo=true} and a demo password on H2, one per model (local life,
 * green points, four-party, shared through {@link DemoServers}); every demo login signs in through
 * {@code POST /api/v1/auth/login} with that password and its role's API answers with its own participant's data; the
 * sign-in page lists the logins by role in Chinese and in English, never the password. Run by {@link DemoEconomiesIT}.
 */
abstract class DemoLoginTests {
    private static final String PASSWORD = DemoServers.PASSWORD;

    /** The demos, shared with the other checks of {@link DemoEconomiesIT}. */
    abstract DemoServers demos();

    @Test
    void localLifeDemoSignsInAStoreOwnerAnAgentAPromoterAndConsumers() throws Exception {
        ServerHarness server = demos().of(DemoServers.LOCAL_LIFE);
        Map<String, List<String>> roles = signInAll(server, "/me/team");
        assertThat(roles.keySet()).containsExactlyInAnyOrder("MERCHANT", "AGENT", "PROMOTER", "CONSUMER");
        landEachAtHome(server, "/console/team", "#team");
        signInOnAPhone(server, roles.get("MERCHANT").get(0));
        // A restart finds the demo there: nothing is added, and the sign-in page still lists the same logins.
        ServerHarness restarted = demos().restart(DemoServers.LOCAL_LIFE);
        assertThat(restarted.bean(DemoLoginBoard.class).logins()).hasSize(7);
        assertThat(restarted.login("owner-tianhe-tea", PASSWORD)).isNotEmpty();
    }

    @Test
    void greenPointsDemoSignsInAStoreOwnerAPromoterAndConsumers() throws Exception {
        ServerHarness server = demos().of(DemoServers.GREEN_POINTS);
        Map<String, List<String>> roles = signInAll(server, "/me/promoter");
        assertThat(roles.keySet()).containsExactlyInAnyOrder("MERCHANT", "PROMOTER", "CONSUMER");
        landEachAtHome(server, "/console/green", "#promoter-rank");
    }

    @Test
    void fourPartyDemoSignsInSuppliersPromotersAndConsumers() throws Exception {
        ServerHarness server = demos().of(DemoServers.FOUR_PARTY);
        Map<String, List<String>> roles = signInAll(server, "/me/party-promoter");
        assertThat(roles.keySet()).containsExactlyInAnyOrder("SUPPLIER", "PROMOTER", "CONSUMER");
        landEachAtHome(server, "/console/party-promoter", "main");
    }

    /**
     * Signs in as every demo login the sign-in page lists and checks its role's page; returns the usernames by role.
     */
    private Map<String, List<String>> signInAll(ServerHarness server, String promoterPage) throws Exception {
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE rejection IS NOT NULL", Long.class))
                .as("demo commands the engine refused").isZero();
        List<DemoLogins.Login> logins = server.bean(DemoLoginBoard.class).logins();
        String zh = page(server, "/login?lang=zh");
        String en = page(server, "/login?lang=en");
        assertThat(zh).contains("演示账号").doesNotContain(PASSWORD);
        assertThat(en).contains("Demo accounts").doesNotContain(PASSWORD);
        Map<String, List<String>> roles = new TreeMap<>();
        for (DemoLogins.Login login : logins) {
            assertThat(zh).as("the sign-in page lists " + login.username()).contains(">" + login.username() + "<");
            roles.computeIfAbsent(login.role().name(), role -> new ArrayList<>()).add(login.username());
            String token = server.login(login.username(), PASSWORD);
            checkHome(server, token, login, promoterPage);
        }
        assertThat(roles.values()).allSatisfy(usernames -> assertThat(usernames).hasSizeBetween(1, DemoLogins.PER_ROLE));
        assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"" + logins.get(0).username()
                + "\",\"password\":\"not-the-demo-password\"}", null).status()).isEqualTo(401);
        return roles;
    }

    private static void checkHome(ServerHarness server, String token, DemoLogins.Login login, String promoterPage)
            throws Exception {
        String who = login.role() + " " + login.username();
        switch (login.role()) {
            case MERCHANT -> {
                JsonNode wallet = ok(server.send(token, "GET", "/merchants/" + login.merchant() + "/wallet", null, null), who);
                assertThat(wallet.get("merchant").asString()).isEqualTo(login.merchant());
                assertThat(wallet.get("owner").asString()).isEqualTo(login.username());
                assertThat(wallet.get("cash").asString()).as(who).isNotEqualTo("0.00");
            }
            case AGENT -> {
                JsonNode agent = ok(server.send(token, "GET", "/me/agent", null, null), who);
                assertThat(agent.get("regions").size()).as(who + ": " + agent).isPositive();
            }
            case SUPPLIER -> {
                JsonNode supplier = ok(server.send(token, "GET", "/suppliers/" + login.supplier(), null, null), who);
                assertThat(supplier.toString()).contains(login.supplier());
                ok(server.send(token, "GET", "/suppliers/" + login.supplier() + "/wallet", null, null), who);
            }
            case PROMOTER -> {
                JsonNode page = ok(server.send(token, "GET", promoterPage, null, null), who);
                assertThat(page.get("user").asString()).isEqualTo(login.username());
                if (page.has("promoter")) {
                    assertThat(page.get("promoter").asBoolean()).as(who + ": " + page).isTrue();
                }
            }
            case CONSUMER -> {
                JsonNode team = ok(server.send(token, "GET", "/me/team", null, null), who);
                assertThat(team.get("user").asString()).isEqualTo(login.username());
                assertThat(team.get("direct").get("count").asInt()).as(who + ": people invited").isPositive();
            }
            default -> throw new AssertionError("a demo login of role " + login.role());
        }
    }

    /**
     * A visitor on a phone-sized window reads the demo box on the sign-in page and signs in as a store owner from it,
     * landing on the store's page (docs/screenshots/demo-logins-phone.png).
     */
    private void signInOnAPhone(ServerHarness server, String owner) throws Exception {
        try (Browser phone = new Browser(server.origin(), 390, 900)) {
            phone.open("/login");
            assertThat(phone.find("#demo-logins").isDisplayed()).isTrue();
            assertThat(phone.find("#demo-logins").getText()).contains("演示账号", "店主", owner);
            Path shot = phone.screenshot("demo-logins-phone");
            Path docs = Path.of("..", "docs", "screenshots");
            if (Files.isDirectory(docs)) {
                Files.copy(shot, docs.resolve("demo-logins-phone.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            phone.signIn(owner, PASSWORD);
            phone.waitForPath("/console/merchant");
        }
    }

    /**
     * Issue 20 item 3 (every role at home): each demo login signs in through the form in real Chromium and lands on
     * its role's home, the promoter on its model's page ({@code promoterHome}, showing {@code promoterMark}); a store
     * owner, an agent and a promoter, participants too, get the role switcher with their wallet; a consumer and a
     * supplier, with one home, get none. An operator lands on the dashboard.
     */
    private void landEachAtHome(ServerHarness server, String promoterHome, String promoterMark) throws Exception {
        assertThat(server.post("/operator/accounts", (String) null, "{\"username\":\"ops-lands\",\"password\":\""
                + PASSWORD + "\",\"role\":\"OPERATOR\"}").status()).isEqualTo(201);
        List<DemoLogins.Login> logins = new ArrayList<>(server.bean(DemoLoginBoard.class).logins());
        logins.add(new DemoLogins.Login("ops-lands", org.zengzhi.server.account.Role.OPERATOR, null, null, null));
        try (Browser browser = new Browser(server.origin(), 1280, 900)) {
            for (DemoLogins.Login login : logins) {
                browser.open("/login");
                browser.signIn(login.username(), PASSWORD);
                String home = switch (login.role()) {
                    case CONSUMER -> "/console/wallet";
                    case MERCHANT -> "/console/merchant";
                    case AGENT -> "/console/agent";
                    case SUPPLIER -> "/console/supplier";
                    case OPERATOR -> "/console/operator";
                    case PROMOTER -> promoterHome;
                };
                browser.waitForPath(home);
                String who = login.role() + " " + login.username();
                if (login.role() == org.zengzhi.server.account.Role.PROMOTER) {
                    assertThat(browser.find(promoterMark).isDisplayed()).as(who).isTrue();
                }
                if (login.role() != org.zengzhi.server.account.Role.SUPPLIER
                        && login.role() != org.zengzhi.server.account.Role.OPERATOR) {
                    incomeTotalsAreTheLedgers(server, browser, "/console/income", login.username(), "USER_",
                            login.role() == org.zengzhi.server.account.Role.CONSUMER);
                }
                if (login.role() == org.zengzhi.server.account.Role.MERCHANT) {
                    incomeTotalsAreTheLedgers(server, browser, "/console/merchant/income", login.merchant(),
                            "MERCHANT_", true);
                }
                boolean participant = switch (login.role()) {
                    case MERCHANT, AGENT, PROMOTER -> true;
                    default -> false;
                };
                List<String> switcher = browser.driver.findElements(org.openqa.selenium.By.cssSelector("#role-switcher a")).stream()
                        .map(link -> link.getAttribute("data-role")).toList();
                assertThat(switcher).as(who + ": the role switcher")
                        .isEqualTo(participant ? List.of(login.role().name(), "CONSUMER") : List.of());
                if (participant) {
                    browser.click("#role-switcher a[data-role=CONSUMER]");
                    browser.waitForPath("/console/wallet");
                    browser.click("#role-switcher a[data-role=" + login.role() + "]");
                    browser.waitForPath(home);
                }
                browser.click("#sign-out");
                browser.waitForPath("/login");
            }
        }
    }

    /**
     * Issue 20 item 1: the income history's totals, read off {@code page}, are the engine's ledger balances of the
     * owner's accounts (those named {@code accounts}…), asset by asset (pending and withdrawing included).
     */
    private static void incomeTotalsAreTheLedgers(ServerHarness server, Browser browser, String page, String user,
            String accounts, boolean holds) throws Exception {
        Map<String, String> ledger = server.bean(org.zengzhi.server.gateway.EngineGateway.class).query(engine -> {
            Map<String, String> balances = new TreeMap<>();
            for (org.zengzhi.engine.ledger.Asset asset : org.zengzhi.engine.ledger.Asset.values()) {
                long sum = 0;
                for (org.zengzhi.engine.ledger.AccountType type : org.zengzhi.engine.ledger.AccountType.values()) {
                    if (type.asset() == asset && type.name().startsWith(accounts)) {
                        sum += engine.balance(type, user);
                    }
                }
                if (sum != 0) {
                    balances.put(asset.name(), org.zengzhi.engine.Units.format(sum, asset.decimals()));
                }
            }
            return balances;
        }).get();
        browser.open(page);
        browser.find("#income-totals");
        Map<String, String> shown = new TreeMap<>();
        for (var row : browser.driver.findElements(org.openqa.selenium.By.cssSelector("#income-totals tr[data-asset]"))) {
            String balance = row.findElement(org.openqa.selenium.By.cssSelector(".balance")).getText();
            if (!balance.matches("0\\.0+")) {
                shown.put(row.getAttribute("data-asset"), balance);
            }
        }
        assertThat(shown).as(user + ": the income page's balances against the ledger's").isEqualTo(ledger);
        if (holds) {
            assertThat(ledger).as(user + ", a demo consumer or store, holds something").isNotEmpty();
        }
        browser.open("/console");
    }

    private static JsonNode ok(ServerHarness.Reply reply, String who) {
        assertThat(reply.status()).as(who + ": " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    private static String page(ServerHarness server, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.origin() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
