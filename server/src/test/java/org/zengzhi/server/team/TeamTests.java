package org.zengzhi.server.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Issue 20 items 1, 2 and 4 over real HTTP, shared by the H2 and PostgreSQL runs: registering with a Chinese
 * username or a mainland mobile number (and a display name), signing in with the number, a retried registration
 * answered once; a bidi override refused naming the field; the team (直推/间推, R-4.1, R-4.2) with what each member
 * earned, the reward history, the member tier and what the next needs; an agent's region, its stores' GMV
 * and income by level; and nobody reads another consumer's team.
 *
 * <p>The plan is local life with three tiers (member; silver from 500.00 of spend and 1 invitee; gold from 5000.00
 * and 2). 张三 invites the phone user (李四), who invites wang; 李四 spends 1000.00 and wang 500.00 at "shop" in
 * 天河区 (440106), settled at once, then wang 200.00 more, left pending. zoe is the district's agent, gina the city's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TeamTests {
    static final String PHONE = "13812345678";
    private ServerHarness server;
    private String[] properties;
    private String lisi;

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database() throws Exception;

    @BeforeAll
    void start() throws Exception {
        String preset = new String(TeamTests.class.getResourceAsStream("/plans/local-life.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String tiered = preset.replace("  - {name: member, minSpend: 0.00, minInvitees: 0, rebate: 0%}",
                "  - {name: member, minSpend: 0.00, minInvitees: 0, rebate: 0%}\n"
                + "  - {name: silver, minSpend: 500.00, minInvitees: 1, rebate: 0%}\n"
                + "  - {name: gold, minSpend: 5000.00, minInvitees: 2, rebate: 0%}");
        assertThat(tiered).contains("silver");
        Path plan = Files.createTempDirectory("zengzhi-team-plan").resolve("tiered.yaml");
        Files.writeString(plan, tiered, StandardCharsets.UTF_8);
        String[] database = database();
        properties = java.util.Arrays.copyOf(database, database.length + 1);
        properties[database.length] = "zengzhi.plan=" + plan;
        server = new ServerHarness(properties);

        assertThat(register(null, "{\"username\":\"张三\",\"displayName\":\"张三\",\"password\":\"zhang-passphrase\"}")
                .status()).isEqualTo(201);
        Reply phone = register("phone-1", "{\"phone\":\"" + PHONE + "\",\"displayName\":\"李四\",\"invite\":\"张三\","
                + "\"password\":\"lisi-passphrase\"}");
        assertThat(phone.status()).as(phone.body().toString()).isEqualTo(201);
        lisi = phone.body().get("username").asString();
        assertThat(register(null, "{\"username\":\"wang\",\"invite\":\"" + lisi + "\",\"password\":\"wang-passphrase\"}")
                .status()).isEqualTo(201);
        command("m1", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"boss\",\"region\":\"440106\"}");
        command("a1", "{\"type\":\"agent\",\"user\":\"zoe\",\"region\":\"440106\"}");
        command("a2", "{\"type\":\"agent\",\"user\":\"gina\",\"region\":\"440100\"}");
        assertThat(server.post("/operator/accounts", (String) null, "{\"username\":\"zoe\",\"password\":\"zoe-passphrase\","
                + "\"role\":\"AGENT\"}").status()).isEqualTo(201);
        pay("o1", lisi, "1000.00");
        pay("o2", "wang", "500.00");
        command("t1", "{\"type\":\"tick\"}");
        pay("o3", "wang", "200.00");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Reply register(String key, String json) throws Exception {
        return server.send(null, "POST", "/auth/register", json, key);
    }

    private void command(String key, String json) throws Exception {
        Reply reply = server.post(key, json);
        assertThat(reply.status()).as(json + " → " + reply.body()).isEqualTo(200);
    }

    private void pay(String order, String user, String amount) throws Exception {
        command("pay-" + order, "{\"type\":\"pay\",\"id\":\"" + order + "\",\"user\":\"" + user + "\",\"merchant\":\"shop\","
                + "\"amount\":\"" + amount + "\",\"channel\":\"store\"}");
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void issue20Item2APhoneRegistersOnceAndSignsIn() throws Exception {
        Reply retry = register("phone-1", "{\"phone\":\"" + PHONE + "\",\"displayName\":\"李四\",\"invite\":\"张三\","
                + "\"password\":\"lisi-passphrase\"}");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("username").asString()).as("the first answer, not a new account").isEqualTo(lisi);
        assertThat(retry.body().get("referrer").asString()).isEqualTo("张三");
        assertThat(lisi).as("the invite code does not carry the phone").doesNotContain(PHONE);

        Reply again = register("phone-2", "{\"phone\":\"" + PHONE + "\",\"password\":\"other-passphrase\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("field").asString()).isEqualTo("phone");

        Reply byPhone = server.send(null, "POST", "/auth/login", "{\"username\":\"" + PHONE + "\",\"password\":"
                + "\"lisi-passphrase\"}", null);
        assertThat(byPhone.status()).isEqualTo(200);
        assertThat(byPhone.body().get("username").asString()).isEqualTo(lisi);
        Reply phoneField = server.send(null, "POST", "/auth/login", "{\"phone\":\"" + PHONE + "\",\"password\":"
                + "\"lisi-passphrase\"}", null);
        assertThat(phoneField.status()).isEqualTo(200);
        assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"" + PHONE + "\",\"password\":"
                + "\"wrong-passphrase\"}", null).status()).isEqualTo(401);
        assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"13900000000\",\"password\":"
                + "\"lisi-passphrase\"}", null).status()).as("an unknown phone").isEqualTo(401);
    }

    @Test
    void issue20Item2AChineseUsernameSignsInAndBadNamesAreRefusedNamingTheField() throws Exception {
        String token = server.login("张三", "zhang-passphrase");
        assertThat(server.send(token, "GET", "/me/wallet", null, null).body().get("user").asString()).isEqualTo("张三");

        Map<String, String> refused = new HashMap<>();
        refused.put("{\"username\":\"ab\u202Ecd\",\"password\":\"bidi-passphrase\"}", "username");
        refused.put("{\"username\":\"zw\u200Bsp\",\"password\":\"zwsp-passphrase\"}", "username");
        refused.put("{\"username\":\"a b\",\"password\":\"space-passphrase\"}", "username");
        refused.put("{\"username\":\"13712345678\",\"password\":\"phone-passphrase\"}", "username");
        refused.put("{\"username\":\"bidiname\",\"displayName\":\"李\u202E四\",\"password\":\"bidi-passphrase\"}",
                "displayName");
        refused.put("{\"phone\":\"12812345678\",\"password\":\"phone-passphrase\"}", "phone");
        refused.put("{\"phone\":\"1381234567\",\"password\":\"phone-passphrase\"}", "phone");
        refused.put("{\"password\":\"nobody-passphrase\"}", "username");
        for (Map.Entry<String, String> body : refused.entrySet()) {
            Reply reply = register(null, body.getKey());
            assertThat(reply.status()).as(body.getKey()).isEqualTo(400);
            assertThat(reply.body().get("field").asString()).as(body.getKey()).isEqualTo(body.getValue());
        }
        Reply bidi = server.send(null, "POST", "/auth/register", "{\"username\":\"ab\u202Ecd\",\"password\":"
                + "\"bidi-passphrase\"}", null);
        assertThat(bidi.body().get("detail").asString()).contains("bidirectional");
        assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"ab\u202Ecd\",\"password\":"
                + "\"bidi-passphrase\"}", null).status()).as("nothing was created").isEqualTo(401);
    }

    @Test
    void issue20Item1TheTeamShowsDirectAndIndirectMembersAndWhatEachEarned() throws Exception {
        String token = server.login("张三", "zhang-passphrase");
        JsonNode team = server.send(token, "GET", "/me/team", null, null).body();
        assertThat(team.get("direct").get("count").asInt()).isEqualTo(1);
        JsonNode direct = team.get("direct").get("members").get(0);
        assertThat(direct.get("user").asString()).isEqualTo(lisi);
        assertThat(direct.get("displayName").asString()).isEqualTo("李四");
        assertThat(direct.get("how").asString()).isEqualTo("INVITE");
        assertThat(direct.get("joinedAtLocal").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        // 0.3% of 李四's settled 1000.00; 0.2% of wang's settled 500.00, and of the 200.00 still pending.
        assertThat(direct.get("earned").asString()).isEqualTo("3.00");
        assertThat(direct.get("earnedByKind").get("DIRECT").asString()).isEqualTo("3.00");
        JsonNode indirect = team.get("indirect").get("members").get(0);
        assertThat(team.get("indirect").get("count").asInt()).isEqualTo(1);
        assertThat(indirect.get("user").asString()).isEqualTo("wang");
        assertThat(indirect.get("via").asString()).isEqualTo(lisi);
        assertThat(indirect.get("earned").asString()).isEqualTo("1.00");
        assertThat(indirect.get("pending").asString()).isEqualTo("0.40");
        assertThat(team.get("earned").asString()).isEqualTo("4.00");

        assertThat(server.get("/users/" + path("张三") + "/team").body()).as("the operator reads the same").isEqualTo(team);
        String wang = server.login("wang", "wang-passphrase");
        Reply other = server.send(wang, "GET", "/users/" + path("张三") + "/team", null, null);
        assertThat(other.status()).as("R-8.4: not another consumer's team").isEqualTo(403);
        assertThat(other.body().get("field").asString()).isEqualTo("user");
    }

    /**
     * Issue 20 item 1, the team before V81: the referrals table began empty, so invitations made before it were
     * missing. The database is put back as an older version left it (the journal holds every invitation; the table
     * lacks the older one, 张三 → 李四; migration V120 not yet run), then the server starts: V120 rebuilds the table
     * from the journal, row for row what the live read model wrote, and 张三's team shows 李四 again.
     */
    @Test
    void issue20Item1InvitationsMadeBeforeTheTeamTableAppearAfterV120() throws Exception {
        String rows = "SELECT username, referrer, how, joined_at, command_seq FROM referrals ORDER BY username";
        JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
        List<Map<String, Object>> written = jdbc.queryForList(rows);
        assertThat(written).extracting(row -> row.get("username")).contains(lisi, "wang");
        assertThat(jdbc.update("DELETE FROM referrals WHERE username = ?", lisi)).isOne();
        assertThat(jdbc.update("DELETE FROM flyway_schema_history WHERE version = '120'")).isOne();
        String token = server.login("张三", "zhang-passphrase");
        assertThat(server.send(token, "GET", "/me/team", null, null).body().get("direct").get("count").asInt())
                .as("the older invitation is missing, as before V120").isZero();
        server.close();
        // Later migrations (V130, tenants) stay applied here, as they would not in a real older database: Flyway
        // runs the missing V120 out of order (test only), as it would in order there.
        String[] restart = java.util.Arrays.copyOf(properties, properties.length + 1);
        restart[properties.length] = "spring.flyway.out-of-order=true";
        server = new ServerHarness(restart);

        JdbcTemplate restarted = server.bean(JdbcTemplate.class);
        assertThat(restarted.queryForList(rows)).isEqualTo(written);
        assertThat(restarted.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '120' "
                + "AND success", Integer.class)).isOne();
        JsonNode team = server.send(server.login("张三", "zhang-passphrase"), "GET", "/me/team", null, null).body();
        assertThat(team.get("direct").get("members").get(0).get("user").asString()).isEqualTo(lisi);
        assertThat(team.get("indirect").get("members").get(0).get("user").asString()).isEqualTo("wang");
    }

    @Test
    void issue20Item1TheRewardHistoryListsEveryRewardPaged() throws Exception {
        String token = server.login("张三", "zhang-passphrase");
        JsonNode all = server.send(token, "GET", "/me/rewards", null, null).body();
        assertThat(all.get("total").asInt()).isEqualTo(3);
        JsonNode newest = all.get("rewards").get(0);
        assertThat(newest.get("order").asString()).isEqualTo("o3");
        assertThat(newest.get("kind").asString()).isEqualTo("INDIRECT");
        assertThat(newest.get("from").asString()).isEqualTo("wang");
        assertThat(newest.get("store").asString()).isEqualTo("shop");
        assertThat(newest.get("status").asString()).isEqualTo("PENDING");
        assertThat(newest.get("amount").asString()).isEqualTo("0.40");
        JsonNode page = server.send(token, "GET", "/me/rewards?page=1&size=2", null, null).body();
        assertThat(page.get("rewards").size()).isEqualTo(1);
        assertThat(page.get("rewards").get(0)).isEqualTo(all.get("rewards").get(2));
        assertThat(page.get("rewards").get(0).get("kind").asString()).isEqualTo("DIRECT");
        assertThat(server.send(token, "GET", "/me/rewards?size=0", null, null).body().get("field").asString())
                .isEqualTo("size");
    }

    /**
     * Issue 20 item 1, reward history complete: the income history comes from the ledger's postings, each line with
     * its kind, the order it came from and the time in the plan's zone; the totals are the ledger's balances.
     */
    @Test
    void issue20Item1TheIncomeHistoryListsEveryIncomeFromTheLedger() throws Exception {
        String token = server.login("张三", "zhang-passphrase");
        JsonNode income = server.send(token, "GET", "/me/income", null, null).body();
        List<String> cash = new java.util.ArrayList<>();
        for (JsonNode line : income.get("income")) {
            if (line.get("asset").asString().equals("CNY")) {
                cash.add(line.get("from").asString() + " " + line.get("kind").asString() + " " + line.get("amount").asString());
            }
            assertThat(line.get("atLocal").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        }
        // the rewards as each order paid them (a settlement moves pending to settled and is no income).
        assertThat(cash).containsExactly("o3 REWARD_INDIRECT 0.40", "o2 REWARD_INDIRECT 1.00", "o1 REWARD_DIRECT 3.00");
        JsonNode totals = income.get("totals");
        JsonNode cny = null;
        for (JsonNode total : totals) {
            if (total.get("asset").asString().equals("CNY")) {
                cny = total;
            }
        }
        assertThat(cny).as(totals.toString()).isNotNull();
        assertThat(cny.get("received").asString()).isEqualTo("4.40");
        assertThat(cny.get("balance").asString()).isEqualTo("4.40");
        JsonNode wallet = server.send(token, "GET", "/me/wallet", null, null).body();
        assertThat(wallet.toString()).as("the wallet holds what the ledger says").contains("4.00", "0.40");

        JsonNode page = server.send(token, "GET", "/me/income?page=1&size=1", null, null).body();
        assertThat(page.get("income").get(0)).isEqualTo(income.get("income").get(1));
        assertThat(server.send(token, "GET", "/me/income?size=0", null, null).body().get("field").asString())
                .isEqualTo("size");
        String wang = server.login("wang", "wang-passphrase");
        assertThat(server.send(wang, "GET", "/users/" + path("张三") + "/income", null, null).status())
                .as("R-8.4: not another consumer's income").isEqualTo(403);
        assertThat(server.get("/users/" + path("张三") + "/income").body()).as("the operator reads the same")
                .isEqualTo(income);
    }

    @Test
    void issue20Item2AStoreReadsItsIncomeOverTheApi() throws Exception {
        assertThat(server.post("/operator/accounts", "acc-keeper", "{\"username\":\"keeper\",\"password\":"
                + "\"keeper-passphrase\",\"role\":\"MERCHANT\",\"merchant\":\"shop\"}").status()).isIn(200, 201);
        String keeper = server.login("keeper", "keeper-passphrase");
        Reply mine = server.send(keeper, "GET", "/merchants/shop/income", null, null);
        assertThat(mine.status()).as(mine.body().toString()).isEqualTo(200);
        JsonNode income = mine.body();
        assertThat(income.get("owner").asString()).isEqualTo("shop");
        assertThat(income.get("zone").asString()).isEqualTo("Asia/Shanghai");
        List<String> orders = new java.util.ArrayList<>();
        for (JsonNode line : income.get("income")) {
            assertThat(line.get("atLocal").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            if (line.get("asset").asString().equals("CNY")) {
                orders.add(line.get("from").asString());
            }
        }
        assertThat(orders).as(income.toString()).contains("o1", "o2", "o3");
        assertThat(server.get("/merchants/shop/income").body()).as("the operator reads the same").isEqualTo(income);
        assertThat(server.send(keeper, "GET", "/merchants/shop/income?page=1&size=1", null, null).body()
                .get("income").get(0)).isEqualTo(income.get("income").get(1));
        assertThat(server.send(keeper, "GET", "/merchants/shop/income?size=201", null, null).body().get("field")
                .asString()).isEqualTo("size");
        String wang = server.login("wang", "wang-passphrase");
        Reply other = server.send(wang, "GET", "/merchants/shop/income", null, null);
        assertThat(other.status()).as("R-8.4: a consumer does not read a store's income").isEqualTo(403);
        assertThat(other.body().get("field").asString()).isEqualTo("merchant");
        assertThat(server.get("/merchants/nowhere/income").status()).isEqualTo(404);
        assertThat(server.send(null, "GET", "/merchants/shop/income", null, null).status()).isEqualTo(401);
    }

    @Test
    void r51TheTierAndWhatTheNextNeeds() throws Exception {
        JsonNode zhang = server.send(server.login("张三", "zhang-passphrase"), "GET", "/me/tier", null, null).body();
        assertThat(zhang.get("tier").asString()).isEqualTo("member");
        assertThat(zhang.get("invitees").asInt()).isEqualTo(1);
        assertThat(zhang.get("next").get("tier").asString()).isEqualTo("silver");
        assertThat(zhang.get("next").get("spendToGo").asString()).isEqualTo("500.00");
        assertThat(zhang.get("next").get("inviteesToGo").asInt()).isZero();
        assertThat(zhang.get("next").get("progressPercent").asInt()).isZero();

        JsonNode li = server.send(server.login(PHONE, "lisi-passphrase"), "GET", "/me/tier", null, null).body();
        assertThat(li.get("tier").asString()).isEqualTo("silver");
        assertThat(li.get("settledSpend").asString()).isEqualTo("1000.00");
        assertThat(li.get("next").get("tier").asString()).isEqualTo("gold");
        assertThat(li.get("next").get("spendToGo").asString()).isEqualTo("4000.00");
        assertThat(li.get("next").get("inviteesToGo").asInt()).isEqualTo(1);
        assertThat(li.get("next").get("progressPercent").asInt()).as("the lesser of 20% and 50%").isEqualTo(20);
    }

    @Test
    void issue20Item4AnAgentSeesItsRegionItsStoresAndItsIncomeByLevel() throws Exception {
        JsonNode zoe = server.send(server.login("zoe", "zoe-passphrase"), "GET", "/me/agent", null, null).body();
        JsonNode region = zoe.get("regions").get(0);
        assertThat(region.get("code").asString()).isEqualTo("440106");
        assertThat(region.get("level").asString()).isEqualTo("DISTRICT");
        assertThat(region.get("name").asString()).contains("天河区");
        JsonNode shop = region.get("stores").get(0);
        assertThat(shop.get("merchant").asString()).isEqualTo("shop");
        // GMV counts orders paid, settled or not; nothing was refunded.
        assertThat(shop.get("gmvMonth").asString()).isEqualTo("1700.00");
        assertThat(shop.get("ordersMonth").asInt()).isEqualTo(3);
        JsonNode month = zoe.get("income").get(0);
        assertThat(month.get("month").asString()).isEqualTo(zoe.get("month").asString());
        // the district's 0.1% of the 1500.00 settled; 0.1% of 200.00 pending.
        assertThat(month.get("DISTRICT").asString()).isEqualTo("1.50");
        assertThat(month.get("CITY").asString()).isEqualTo("0.00");
        assertThat(month.get("pending").asString()).isEqualTo("0.20");

        JsonNode wang = server.send(server.login("wang", "wang-passphrase"), "GET", "/me/agent", null, null).body();
        assertThat(wang.get("regions").size()).as("no agent, no region").isZero();
    }
}
