package org.zengzhi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The server's contract over real HTTP and a real database, shared by the H2 and PostgreSQL runs:
 * group-committed commands survive a restart (snapshot + journal tail = the same state hash), retries with
 * an Idempotency-Key return the first response, bad input names its field and changes nothing.
 */
abstract class ServerRecoveryTests {

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database();

    private ServerHarness start(String... properties) throws Exception {
        List<String> all = new ArrayList<>(List.of(database()));
        all.addAll(List.of(properties));
        return new ServerHarness(all.toArray(new String[0]));
    }

    @Test
    void stateSurvivesRestartWithTheSameHash() throws Exception {
        String hash;
        try (ServerHarness server = start()) {
            assertThat(server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\","
                    + "\"region\":\"440106\",\"commissionRate\":\"0.20\"}").status()).isEqualTo(200);
            for (int i = 0; i < 20; i++) {
                assertThat(server.post("p" + i, "{\"type\":\"pay\",\"id\":\"o" + i + "\",\"user\":\"u" + (i % 7)
                        + "\",\"merchant\":\"shop\",\"amount\":\"" + (100 + i) + ".00\",\"channel\":\"store\"}").status())
                        .isEqualTo(200);
            }
            assertThat(server.post("t", "{\"type\":\"tick\"}").status()).isEqualTo(200);
            ServerHarness.Reply check = server.get("/operator/check");
            assertThat(check.body().get("invariantsHold").asBoolean()).isTrue();
            hash = check.body().get("stateHash").asString();
            assertThat(server.get("/economy").body().get("holders").asInt()).isEqualTo(7);
        }
        try (ServerHarness server = start()) {
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
            assertThat(server.get("/users/u1/wallet").body().get("points").asString()).isNotEqualTo("0.000000");
        }
    }

    /**
     * Snapshots are taken every N journal rows and stored off the writer thread: each is in the table once the
     * server closes, its hash is the SHA-256 of its bytes, and a restart from the newest one plus the tail
     * reaches the same state hash.
     */
    @Test
    void snapshotsAreStoredInTheBackgroundAndARestartStartsFromTheNewest() throws Exception {
        String hash;
        try (ServerHarness server = start("zengzhi.snapshot-interval=5")) {
            for (int i = 0; i < 12; i++) {
                assertThat(server.post("o" + i, "{\"type\":\"order\",\"id\":\"o" + i + "\",\"user\":\"u" + (i % 3)
                        + "\",\"amount\":\"100.00\",\"poolShare\":\"30.00\"}").status()).isEqualTo(200);
            }
            hash = server.get("/operator/check").body().get("stateHash").asString();
        }
        try (ServerHarness server = start()) {
            org.springframework.jdbc.core.JdbcTemplate jdbc = server.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            List<Long> seqs = jdbc.queryForList("SELECT seq FROM snapshots ORDER BY seq", Long.class);
            // One request, one batch: a snapshot is due every 5 rows, and waits a batch or two if the previous
            // one is still being stored.
            assertThat(seqs).as("snapshots at rows " + seqs).hasSizeBetween(1, 2).first().isEqualTo(5L);
            assertThat(seqs.get(seqs.size() - 1)).isBetween(5L, 12L);
            jdbc.query("SELECT state_hash, state FROM snapshots", row -> {
                assertThat(row.getString(1)).isEqualTo(org.zengzhi.engine.codec.SnapshotCodec.sha256(row.getBytes(2)));
            });
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
        }
    }

    /**
     * {@code --demo} fills an empty platform with the demo population as one request (one transaction, one
     * idempotency record): a start stopped half way leaves nothing to mistake for a platform with participants.
     * A second start with the demo finds participants and adds nothing.
     */
    @Test
    void theDemoPopulationIsAddedWholeAndOnce() throws Exception {
        long rows;
        long orders;
        try (ServerHarness server = start("zengzhi.demo=true")) {
            org.springframework.jdbc.core.JdbcTemplate jdbc = server.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            rows = jdbc.queryForObject("SELECT COUNT(*) FROM journal", Long.class);
            orders = jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class);
            assertThat(rows).as("journal rows").isGreaterThan(1_000);
            assertThat(orders).as("orders").isGreaterThan(500);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE rejection IS NOT NULL", Long.class))
                    .as("demo commands the engine refused").isZero();
            assertThat(jdbc.queryForList("SELECT command_seq FROM idempotency WHERE idem_key = 'demo:population'",
                    Long.class)).as("one record for the whole demo, at its last row").containsExactly(rows);
        }
        try (ServerHarness server = start("zengzhi.demo=true")) {
            org.springframework.jdbc.core.JdbcTemplate jdbc = server.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal", Long.class)).isEqualTo(rows);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class)).isEqualTo(orders);
        }
    }

    /**
     * Only the two newest snapshots stay in the table (Journal.SNAPSHOTS_KEPT), and they are spaced by the
     * orders the engine holds once those outnumber the interval: 80 mall payments with a snapshot due every 5
     * rows take snapshots at rows 5, 10, 20, 40 and 80 (or a little later, if one is still being stored), not
     * sixteen. The older ones are gone, and a restart still starts from the newest and reaches the same hash.
     */
    @Test
    void oldSnapshotsArePrunedAndARestartStillStartsFromTheNewest() throws Exception {
        String hash;
        try (ServerHarness server = start("zengzhi.snapshot-interval=5")) {
            for (int i = 0; i < 80; i++) {
                assertThat(server.post("p" + i, "{\"type\":\"pay\",\"id\":\"p" + i + "\",\"user\":\"u" + (i % 4)
                        + "\",\"amount\":\"100.00\",\"channel\":\"mall\"}").status()).isEqualTo(200);
            }
            hash = server.get("/operator/check").body().get("stateHash").asString();
        }
        try (ServerHarness server = start()) {
            org.springframework.jdbc.core.JdbcTemplate jdbc = server.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            List<Long> seqs = jdbc.queryForList("SELECT seq FROM snapshots ORDER BY seq", Long.class);
            assertThat(seqs).as("snapshots at rows " + seqs).hasSizeBetween(1, 2);
            assertThat(seqs).as("the snapshots at rows 5 and 10 are gone").allMatch(seq -> seq > 10);
            assertThat(seqs.get(seqs.size() - 1) - seqs.get(0)).as("spaced by the orders held, not every 5 rows")
                    .isGreaterThanOrEqualTo(seqs.get(0) - 1);
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
        }
    }

    /**
     * Text that the bulk write must escape (PostgreSQL's COPY: backslash, tab, line feed, carriage return)
     * and text beyond Latin-1 come back exactly: in the stored first answer of a key, and in the journal lines a
     * restart replays to the same state hash.
     */
    @Test
    void textThatNeedsEscapingSurvivesTheJournalAndARestart() throws Exception {
        // JSON escapes: the reason itself holds a backslash, a tab, quotes, CR LF and "\N" (COPY's null).
        String reason = "launch \\\\ week\\t\\\"双倍\\\"\\r\\nline two \\\\N";
        String body = "{\"amount\":\"10.00\",\"reason\":\"" + reason + "\"}";
        String hash;
        tools.jackson.databind.JsonNode first;
        try (ServerHarness server = start()) {
            ServerHarness.Reply subsidy = server.post("/operator/subsidy", "key\\with-backslash", body);
            assertThat(subsidy.status()).as(subsidy.body().toString()).isEqualTo(200);
            first = subsidy.body();
            assertThat(first.toString()).contains("双倍");
            hash = server.get("/operator/check").body().get("stateHash").asString();
        }
        try (ServerHarness server = start()) {
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
            ServerHarness.Reply retry = server.post("/operator/subsidy", "key\\with-backslash", body);
            assertThat(retry.body()).as("the stored first answer, byte for byte the same JSON").isEqualTo(first);
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
        }
    }

    @Test
    void retriesReturnTheFirstResponseAndConcurrentDuplicatesHaveOneEffect() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
            String pay = "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\",\"amount\":\"10.00\","
                    + "\"channel\":\"store\"}";
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<ServerHarness.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                replies.add(clients.submit(() -> server.post("same-key", pay)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<ServerHarness.Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                bodies.add(reply.get().body().toString());
            }
            clients.shutdown();
            assertThat(bodies).as("every retry gets the first response").containsOnly(bodies.get(0));
            assertThat(server.get("/economy").body().get("unsettledOrders").asInt()).as("one effect").isEqualTo(1);
            ServerHarness.Reply changed = server.post("same-key", pay.replace("10.00", "11.00"));
            assertThat(changed.status()).isEqualTo(409);
            assertThat(changed.body().get("field").asString()).isEqualTo("Idempotency-Key");
        }
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() throws Exception {
        try (ServerHarness server = start()) {
            String before = server.get("/operator/check").body().get("stateHash").asString();
            ServerHarness.Reply noKey = server.post(null, "{\"type\":\"tick\"}");
            assertThat(noKey.status()).isEqualTo(400);
            assertThat(noKey.body().get("field").asString()).isEqualTo("Idempotency-Key");
            ServerHarness.Reply badAmount = server.post("k1", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"a\","
                    + "\"merchant\":\"x\",\"amount\":\"1.001\",\"channel\":\"store\"}");
            assertThat(badAmount.status()).isEqualTo(400);
            assertThat(badAmount.body().get("field").asString()).isEqualTo("amount");
            ServerHarness.Reply rejected = server.post("k2", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"a\","
                    + "\"merchant\":\"nobody\",\"amount\":\"1.00\",\"channel\":\"store\"}");
            assertThat(rejected.status()).isEqualTo(422);
            assertThat(rejected.body().get("code").asString()).isEqualTo("UNKNOWN_MERCHANT");
            assertThat(rejected.body().get("field").asString()).isEqualTo("merchant");
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(before);
        }
    }

    /**
     * where Spring reads the request before a controller does: a body that is not JSON, a field of the
     * wrong type, a query parameter that is missing or not a number are each 400 naming what is wrong (they
     * were 500 "Internal error"), and change nothing.
     */
    @Test
    void unreadableBodiesAndParametersAre400NamingTheField() throws Exception {
        try (ServerHarness server = start()) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"alice-secret\"}", null);
            String alice = server.login("alice", "alice-secret");
            String before = server.get("/operator/check").body().get("stateHash").asString();
            ServerHarness.Reply notJson = server.send(null, "POST", "/auth/register", "{bad", null);
            assertThat(notJson.status()).isEqualTo(400);
            assertThat(notJson.body().get("detail").asString()).startsWith("the body is not valid JSON");
            assertField(server.send(null, "POST", "/auth/register", "{\"username\":[\"bob\"],\"password\":\"bob-secret\"}",
                    null), "username");
            assertThat(server.send(alice, "POST", "/me/sell", "{bad", "s1").status()).isEqualTo(400);
            assertField(server.send(alice, "POST", "/me/sell", "{\"points\":{\"n\":1}}", "s2"), "points");
            assertField(server.send(alice, "GET", "/me/postings?page=abc", null, null), "page");
            assertField(server.send(alice, "GET", "/prices?limit=abc", null, null), "limit");
            assertField(server.send(alice, "GET", "/me/sell-preview", null, null), "points");
            assertField(server.get("/operator/withdrawals?limit=abc"), "limit");
            assertField(server.get("/operator/exits?days=abc"), "days");
            assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"bob\",\"password\":\"bob-secret\"}",
                    null).status()).as("no account was made").isEqualTo(401);
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(before);
        }
    }

    private static void assertField(ServerHarness.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.body().get("field").asString()).as(reply.body().toString()).isEqualTo(field);
    }

    /** roles and object-level checks; every refusal is problem+json. */
    @Test
    void accountsSeeOnlyTheirOwnData() throws Exception {
        try (ServerHarness server = start()) {
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"alice-secret\"}",
                    null).status()).isEqualTo(201);
            ServerHarness.Reply invited = server.send(null, "POST", "/auth/register",
                    "{\"username\":\"bob\",\"password\":\"bob-secret-1\",\"invite\":\"alice\"}", null);
            assertThat(invited.status()).isEqualTo(201);
            assertThat(invited.body().get("referrer").asString()).isEqualTo("alice");
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"carol\",\"password\":\"carol-secret\","
                    + "\"invite\":\"nobody\"}", null).body().get("field").asString()).isEqualTo("invite");
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"another-one\"}",
                    null).status()).isEqualTo(409);
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"x\",\"password\":\"short\"}", null)
                    .body().get("field").asString()).isEqualTo("username");
            String alice = server.login("alice", "alice-secret");
            assertThat(server.send(alice, "GET", "/me/wallet", null, null).status()).isEqualTo(200);
            assertThat(server.send(alice, "GET", "/users/alice/wallet", null, null).status()).isEqualTo(200);
            ServerHarness.Reply other = server.send(alice, "GET", "/users/bob/wallet", null, null);
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.body().get("status").asInt()).isEqualTo(403);
            assertThat(server.send(alice, "GET", "/economy", null, null).status()).isEqualTo(403);
            assertThat(server.send(alice, "POST", "/commands", "{\"type\":\"tick\"}", "k").status()).isEqualTo(403);
            assertThat(server.send(null, "GET", "/me/wallet", null, null).status()).isEqualTo(401);
            assertThat(server.send("not-a-token", "GET", "/me/wallet", null, null).status()).isEqualTo(401);
            assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"alice\",\"password\":\"wrong-password\"}",
                    null).status()).isEqualTo(401);
            assertThat(server.get("/users/bob/wallet").status()).as("operators see everyone").isEqualTo(200);
            ServerHarness.Reply forOther = server.send(alice, "POST", "/payments", "{\"order\":\"x1\",\"user\":\"bob\","
                    + "\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"1.00\"}", "pay-for-bob");
            assertThat(forOther.status()).as("a consumer pays only for themselves").isEqualTo(403);
            assertThat(forOther.body().get("field").asString()).isEqualTo("user");
        }
    }

    /** A consumer's pages: orders, postings, exit estimate, sell with preview, prices. */
    @Test
    void consumerSeesOrdersPostingsExitAndSells() throws Exception {
        try (ServerHarness server = start()) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"alice-secret\"}", null);
            String alice = server.login("alice", "alice-secret");
            server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
            server.post("p", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\","
                    + "\"amount\":\"1000.00\",\"channel\":\"store\"}");
            assertThat(server.send(alice, "GET", "/me/orders", null, null).body().get(0).get("status").asString())
                    .isEqualTo("PAID");
            server.post("t", "{\"type\":\"tick\"}");
            assertThat(server.send(alice, "GET", "/me/orders", null, null).body().get(0).get("status").asString())
                    .isEqualTo("SETTLED");
            assertThat(server.send(alice, "GET", "/me/orders", null, null).body().get(0).get("points").asString())
                    .as("the points the order minted at settlement").isEqualTo("112.000000");
            assertThat(server.send(alice, "GET", "/me/invite", null, null).body().get("path").asString())
                    .isEqualTo("/join?invite=alice");
            ServerHarness.Reply postings = server.send(alice, "GET", "/me/postings?size=10", null, null);
            assertThat(postings.body().get("postings").toString()).contains("USER_POINTS").contains("112.000000");
            ServerHarness.Reply exit = server.send(alice, "GET", "/me/exit", null, null);
            assertThat(exit.body().get("exitPrice").asString()).as("k 1.2: 1200/112").isEqualTo("10.7143");
            assertThat(exit.body().get("typicalOrdersNeeded").asLong()).isPositive();
            assertThat(exit.body().get("disclaimer").asString()).contains("not a promise");
            ServerHarness.Reply preview = server.send(alice, "GET", "/me/sell-preview?points=100", null, null);
            assertThat(preview.body().get("possible").asBoolean()).isTrue();
            String payout = preview.body().get("payout").asString();
            ServerHarness.Reply sold = server.send(alice, "POST", "/me/sell", "{\"points\":\"100\"}", "s1");
            assertThat(sold.status()).isEqualTo(200);
            assertThat(sold.body().get("events").get(0).get("payout").asString()).isEqualTo(payout);
            assertThat(server.send(alice, "POST", "/me/sell", "{\"points\":\"100\"}", "s2").body().get("code").asString())
                    .isEqualTo("INSUFFICIENT_POINTS");
            assertThat(server.send(alice, "GET", "/prices", null, null).body().size()).isEqualTo(2);
            assertThat(server.send(alice, "GET", "/me/sell-preview?points=1.0000001", null, null).body().get("field")
                    .asString()).isEqualTo("points");
            for (String notPositive : new String[] {"-1", "0", "0.000000"}) {
                ServerHarness.Reply preview0 = server.send(alice, "GET", "/me/sell-preview?points=" + notPositive, null, null);
                assertThat(preview0.status()).as(notPositive).isEqualTo(400);
                assertThat(preview0.body().get("field").asString()).isEqualTo("points");
            }
        }
    }

    /** Operator actions as named endpoints, the holder CSV, and a merchant's own store only. */
    @Test
    void operatorActionsAndMerchantPages() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m1", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
            server.post("m2", "{\"type\":\"merchant\",\"merchant\":\"other\",\"owner\":\"kim\",\"region\":\"440103\"}");
            server.post("p1", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\","
                    + "\"amount\":\"1000.00\",\"channel\":\"store\"}");
            server.post("t1", "{\"type\":\"tick\"}");
            assertThat(server.send(null, "POST", "/operator/subsidy", null, "x").status()).isEqualTo(401);
            String operator = server.login("operator", ServerHarness.OPERATOR_PASSWORD);
            ServerHarness.Reply subsidy = server.send(operator, "POST", "/operator/subsidy",
                    "{\"amount\":\"500.00\",\"reason\":\"launch round, approved by the board on the first of March "
                    + "after the quarterly review of the pool and its exits\"}", "s1");
            assertThat(subsidy.status()).isEqualTo(200);
            assertThat(server.send(operator, "POST", "/operator/subsidy", "{\"amount\":\"5.001\",\"reason\":\"r\"}", "s2")
                    .body().get("field").asString()).isEqualTo("amount");
            assertThat(server.send(operator, "POST", "/operator/agents", "{\"user\":\"ag\",\"region\":\"999999\"}", "a1")
                    .body().get("code").asString()).isEqualTo("UNKNOWN_REGION");
            assertThat(server.send(operator, "POST", "/operator/referrers", "{\"user\":\"alice\",\"referrer\":\"kim\","
                    + "\"reason\":\"report 12: shadow account\"}", "r1").status()).isEqualTo(200);
            ServerHarness.Reply suspended = server.send(operator, "POST", "/operator/merchants/other/suspension",
                    "{\"reason\":\"steered customers off the platform\"}", "u1");
            assertThat(suspended.status()).isEqualTo(200);
            String csv = server.raw(operator, "/operator/holders.csv");
            assertThat(csv).startsWith("user,points,value,price,clock\n").contains("alice,112.000000,");
            assertThat(server.raw(operator, "/operator/holders.csv?at=2000-01-01T00:00:00Z"))
                    .as("before anything happened: the header alone").isEqualTo("user,points,value,price,clock\n");
            assertThat(server.raw(operator, "/operator/holders.csv?at=2999-01-01T00:00:00Z")).as("replayed to the end")
                    .contains("alice,112.000000,");
            assertThat(server.send(operator, "GET", "/operator/holders.csv?at=yesterday", null, null).body().get("field")
                    .asString()).isEqualTo("at");
            assertThat(server.send(operator, "POST", "/operator/accounts", "{\"username\":\"shopkeeper\",\"password\":"
                    + "\"keeper-secret\",\"role\":\"MERCHANT\",\"merchant\":\"shop\"}", null).status()).isEqualTo(201);
            String keeper = server.login("shopkeeper", "keeper-secret");
            assertThat(server.send(keeper, "GET", "/merchants/shop/orders", null, null).body().get(0).get("order")
                    .asString()).isEqualTo("o1");
            assertThat(server.send(keeper, "GET", "/merchants/shop/pay-code", null, null).body().get("path").asString())
                    .isEqualTo("/pay/shop");
            ServerHarness.Reply customers = server.send(keeper, "GET", "/merchants/shop/customers", null, null);
            assertThat(customers.body().get(0).get("user").asString()).as("alice was bound by the shop's pay code")
                    .isEqualTo("alice");
            assertThat(customers.body().get(0).get("referrer").asString()).isEqualTo("lee");
            ServerHarness.Reply settlements = server.send(keeper, "GET", "/merchants/shop/settlements", null, null);
            assertThat(settlements.body().get("total").get("received").asString()).isEqualTo("800.00");
            assertThat(settlements.body().get("days").get(0).get("commission").asString()).isEqualTo("200.00");
            ServerHarness.Reply rewards = server.send(keeper, "GET", "/merchants/shop/rewards", null, null);
            assertThat(rewards.body().get("owner").asString()).isEqualTo("lee");
            assertThat(rewards.body().get("thisStore").get("paid").asString()).as("0.3% of alice's 1000.00").isEqualTo("3.00");
            assertThat(server.get("/operator/rewards").body().get("kinds").get(0).get("paid").asString()).isEqualTo("3.00");
            assertThat(server.send(keeper, "PUT", "/merchants/shop/settings", "{\"displayName\":\" Lee's \",\"address\":\"\"}",
                    "settings-1").body().get("displayName").asString()).isEqualTo("Lee's");
            assertThat(server.send(keeper, "GET", "/merchants/shop/settings", null, null).body().get("address").isNull())
                    .isTrue();
            assertThat(server.send(keeper, "PUT", "/merchants/shop/settings", "{\"address\":\"a\\nb\"}", "settings-2").body()
                    .get("field").asString()).isEqualTo("address");
            String sixtyEmoji = "\uD83C\uDF5C".repeat(60);
            ServerHarness.Reply emoji = server.send(keeper, "PUT", "/merchants/shop/settings", "{\"displayName\":\""
                    + sixtyEmoji + "\",\"address\":\"" + "\uD83C\uDFEE".repeat(200) + "\"}", "settings-3");
            assertThat(emoji.status()).as("60 characters outside the BMP are 60 characters: " + emoji.body()).isEqualTo(200);
            assertThat(server.send(keeper, "GET", "/merchants/shop/settings", null, null).body().get("displayName")
                    .asString()).isEqualTo(sixtyEmoji);
            assertThat(server.send(keeper, "PUT", "/merchants/shop/settings", "{\"displayName\":\"" + sixtyEmoji
                    + "\uD83C\uDF5C\"}", "settings-4").body().get("field").asString()).isEqualTo("displayName");
            assertThat(server.send(keeper, "PUT", "/merchants/other/settings", "{}", "settings-5").status()).isEqualTo(403);
            assertThat(server.get("/merchants/nowhere/rewards").status()).isEqualTo(404);
            assertThat(server.send(keeper, "GET", "/merchants/shop/postings", null, null).body().toString())
                    .contains("MERCHANT_CASH").contains("800.00");
            assertThat(server.send(keeper, "GET", "/merchants/other/orders", null, null).status()).isEqualTo(403);
            server.post("p2", "{\"type\":\"pay\",\"id\":\"o2\",\"user\":\"alice\",\"merchant\":\"shop\","
                    + "\"amount\":\"50.00\",\"channel\":\"store\"}");
            server.post("m3", "{\"type\":\"merchant\",\"merchant\":\"third\",\"owner\":\"ann\",\"region\":\"440103\"}");
            assertThat(server.post("p3", "{\"type\":\"pay\",\"id\":\"o3\",\"user\":\"alice\",\"merchant\":\"third\","
                    + "\"amount\":\"50.00\",\"channel\":\"store\"}").status()).isEqualTo(200);
            assertThat(server.send(keeper, "POST", "/orders/o3/refund", null, "f3").status()).as("not its store").isEqualTo(403);
            ServerHarness.Reply refunded = server.send(keeper, "POST", "/orders/o2/refund", null, "f2");
            assertThat(refunded.status()).isEqualTo(200);
            assertThat(refunded.body().toString()).contains("\"afterSettlement\":false");
            assertThat(server.send(keeper, "POST", "/orders/o2/refund", null, "f2b").body().get("code").asString())
                    .isEqualTo("ALREADY_REFUNDED");
            assertThat(server.send(keeper, "POST", "/orders/nope/refund", null, "f4").status()).isEqualTo(404);
            assertThat(server.send(keeper, "GET", "/operator/plan", null, null).status()).isEqualTo(403);
            assertThat(server.send(operator, "GET", "/operator/plan", null, null).body().get("complianceReport").asString())
                    .contains("禁止传销条例");
            // Pool 660.00 + 600.00 = 1260.00 for alice's 112 points: worth 1.2 × her 1000.00, so she is forced out.
            assertThat(server.get("/operator/exits").body().get("exits").asLong()).isZero();
            assertThat(server.send(operator, "POST", "/operator/subsidy", "{\"amount\":\"600.00\",\"reason\":\"r\"}", "s3")
                    .status()).isEqualTo(200);
            ServerHarness.Reply exits = server.get("/operator/exits");
            assertThat(exits.body().get("exits").asLong()).isEqualTo(1);
            assertThat(exits.body().get("days").get(0).get("points").asString()).isEqualTo("112.000000");
            assertThat(exits.body().get("payout").asString()).isEqualTo(server.get("/users/alice/wallet").body()
                    .get("paidOut").asString());
        }
    }

    /** Opening a store (request → operator approval → store login) and reports (举报, R-4.7) with their outcomes. */
    @Test
    void merchantRequestsAndReports() throws Exception {
        try (ServerHarness server = start()) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"lee\",\"password\":\"lee-secret-1\"}", null);
            server.send(null, "POST", "/auth/register", "{\"username\":\"ann\",\"password\":\"ann-secret-1\"}", null);
            String lee = server.login("lee", "lee-secret-1");
            String ann = server.login("ann", "ann-secret-1");
            assertThat(server.send(lee, "POST", "/merchant-requests",
                    "{\"merchant\":\"lee-tea\",\"region\":\"44010\"}", "file-1")
                    .body().get("field").asString()).isEqualTo("region");
            String request = server.send(lee, "POST", "/merchant-requests", "{\"merchant\":\"lee-tea\",\"region\":\"440106\","
                    + "\"commissionRate\":\"0.15\"}", "file-2").body().get("request").asString();
            String refused = server.send(ann, "POST", "/merchant-requests",
                    "{\"merchant\":\"ann-bar\",\"region\":\"440106\"}", "file-3")
                    .body().get("request").asString();
            ServerHarness.Reply longRejection = server.post("/operator/merchant-requests/" + refused + "/decision", "d-long",
                    "{\"approve\":false,\"reason\":\"" + "n".repeat(501) + "\"}");
            assertThat(longRejection.status()).as(longRejection.body().toString()).isEqualTo(400);
            assertThat(longRejection.body().get("field").asString()).isEqualTo("reason");
            assertThat(server.post("/operator/merchant-requests/" + refused + "/decision", "d-500",
                    "{\"approve\":false,\"reason\":\"" + "n".repeat(500) + "\"}").status()).isEqualTo(200);
            assertThat(server.get("/operator/merchant-requests").body().get(0).get("merchant").asString()).isEqualTo("lee-tea");
            assertThat(server.send(lee, "GET", "/operator/merchant-requests", null, null).status()).isEqualTo(403);
            assertThat(server.post("/operator/merchant-requests/" + request + "/decision", "d0",
                    "{\"approve\":true,\"commissionRate\":\"12%\"}").body().get("field").asString()).isEqualTo("commissionRate");
            assertThat(server.post("/operator/merchant-requests/" + request + "/decision", "d0",
                    "{\"approve\":true,\"region\":\"4401\"}").body().get("field").asString()).isEqualTo("region");
            ServerHarness.Reply approved = server.post("/operator/merchant-requests/" + request + "/decision", "d1",
                    "{\"approve\":true,\"commissionRate\":\"0.12\"}");
            assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
            assertThat(server.post("/operator/merchant-requests/" + request + "/decision", "d1",
                    "{\"approve\":true,\"commissionRate\":\"0.13\"}").status()).as("the same key, other terms")
                    .isEqualTo(409);
            assertThat(server.post("/operator/merchant-requests/" + request + "/decision", "d1",
                    "{\"approve\":true,\"commissionRate\":\"0.12\"}").body()).as("a retry: the first answer")
                    .isEqualTo(approved.body());
            String store = server.login("lee", "lee-secret-1");
            assertThat(server.send(store, "GET", "/merchants/lee-tea/pay-code", null, null).status()).as("lee's login is now "
                    + "the store's").isEqualTo(200);
            assertThat(server.send(lee, "GET", "/merchants/lee-tea/pay-code", null, null).status())
                    .as("also through the token lee had before, whose lookup was cached as a consumer's").isEqualTo(200);
            assertThat(server.send(ann, "POST", "/reports",
                    "{\"kind\":\"BRIBE\",\"subject\":\"lee-tea\",\"details\":\"x\"}", "file-4")
                    .body().get("field").asString()).isEqualTo("kind");
            String report = server.send(ann, "POST", "/reports", "{\"kind\":\"OFF_PLATFORM\",\"subject\":\"lee-tea\","
                    + "\"details\":\"asked me to pay by cash outside the app\"}", "file-5")
                            .body().get("report").asString();
            assertThat(server.post("/operator/reports/" + report + "/decision", "r0", "{\"outcome\":\"REWARD\",\"reason\":\"\"}")
                    .body().get("field").asString()).isEqualTo("reason");
            String tooLong = "r".repeat(501);
            ServerHarness.Reply longReason = server.post("/operator/reports/" + report + "/decision", "r0-long",
                    "{\"outcome\":\"REWARD\",\"amount\":\"1.00\",\"reason\":\"" + tooLong + "\"}");
            assertThat(longReason.status()).as("a reason the reports table cannot hold: 400, not a failed commit")
                    .isEqualTo(400);
            assertThat(longReason.body().get("field").asString()).isEqualTo("reason");
            String other = server.send(ann, "POST", "/reports", "{\"kind\":\"OTHER\",\"subject\":\"lee-tea\","
                    + "\"details\":\"x\"}", "file-6").body().get("report").asString();
            assertThat(server.post("/operator/reports/" + other + "/decision", "r0-dismiss",
                    "{\"outcome\":\"DISMISS\",\"reason\":\"" + tooLong + "\"}").body().get("field").asString())
                    .isEqualTo("reason");
            assertThat(server.post("/operator/reports/" + other + "/decision", "r0-dismiss-500",
                    "{\"outcome\":\"DISMISS\",\"reason\":\"" + "r".repeat(500) + "\"}").status()).isEqualTo(200);
            ServerHarness.Reply rewarded = server.post("/operator/reports/" + report + "/decision", "r1",
                    "{\"outcome\":\"REWARD\",\"amount\":\"50.00\",\"reason\":\"confirmed by the store's receipts\"}");
            assertThat(rewarded.status()).as(rewarded.body().toString()).isEqualTo(200);
            assertThat(server.send(ann, "GET", "/me/wallet", null, null).body().toString()).contains("\"USER_CASH\"")
                    .contains("50.00");
            assertThat(server.get("/operator/reports?status=UPHELD").body().get(0).get("outcome").asString()).isEqualTo("REWARD");
            assertThat(server.post("/operator/reports/" + report + "/decision", "r2", "{\"outcome\":\"DISMISS\",\"reason\":\"x\"}")
                    .status()).as("decided reports stay decided").isEqualTo(409);
        }
    }

    /**
     * No decision takes effect twice (issue 19, item 5; ): 20 concurrent decisions of one report with
     * 20 different keys pay the reward once, and 20 concurrent decisions of one store request (approvals and
     * rejections mixed) decide it once. A retry under a winning key answers the first result, any other key a
     * conflict, and filings are idempotent too.
     */
    @Test
    void concurrentDecisionsTakeEffectOnce() throws Exception {
        try (ServerHarness server = start()) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"ann\",\"password\":\"ann-secret-1\"}", null);
            String ann = server.login("ann", "ann-secret-1");
            String filing = "{\"kind\":\"OTHER\",\"subject\":\"lee-tea\",\"details\":\"x\"}";
            ServerHarness.Reply filed = server.send(ann, "POST", "/reports", filing, "f1");
            assertThat(server.send(ann, "POST", "/reports", filing, "f1").body())
                    .as("a retried filing: the first answer").isEqualTo(filed.body());
            assertThat(server.get("/operator/reports").body().size()).as("one report filed").isEqualTo(1);
            String report = filed.body().get("report").asString();
            ServerHarness.Reply refused = server.post("/operator/reports/" + report + "/decision", "rd-refused",
                    "{\"outcome\":\"REASSIGN\",\"user\":\"nobody\",\"referrer\":\"ann\",\"reason\":\"x\"}");
            assertThat(refused.status()).as("the engine refuses: " + refused.body()).isEqualTo(422);
            String reward = "{\"outcome\":\"REWARD\",\"amount\":\"50.00\",\"reason\":\"confirmed\"}";
            List<ServerHarness.Reply> replies = concurrently(20, i -> server.post("/operator/reports/" + report
                    + "/decision", "rd" + i, reward));
            assertThat(replies).filteredOn(reply -> reply.status() == 200)
                    .as("a refused decision changed nothing and leaves the report open; then one decision wins").hasSize(1);
            assertThat(replies).filteredOn(reply -> reply.status() != 200).allSatisfy(reply -> assertThat(reply.status())
                    .isEqualTo(409));
            assertThat(server.send(ann, "GET", "/me/wallet", null, null).body().toString()).contains("50.00")
                    .doesNotContain("100.00");
            int winner = replies.indexOf(replies.stream().filter(reply -> reply.status() == 200).findFirst()
                    .orElseThrow());
            assertThat(server.post("/operator/reports/" + report + "/decision", "rd" + winner, reward).body())
                    .as("a retried decision answers its first result, not 404").isEqualTo(replies.get(winner).body());

            server.send(null, "POST", "/auth/register", "{\"username\":\"lee\",\"password\":\"lee-secret-1\"}", null);
            String lee = server.login("lee", "lee-secret-1");
            String request = server.send(lee, "POST", "/merchant-requests", "{\"merchant\":\"lee-tea\",\"region\":"
                    + "\"440106\"}", "m1").body().get("request").asString();
            String approve = "{\"approve\":true}";
            String reject = "{\"approve\":false,\"reason\":\"no\"}";
            List<ServerHarness.Reply> decisions = concurrently(20, i -> server.post("/operator/merchant-requests/"
                    + request + "/decision", "md" + i, i % 2 == 0 ? approve : reject));
            assertThat(decisions).filteredOn(reply -> reply.status() == 200).as("one decision wins").hasSize(1);
            assertThat(server.get("/operator/merchant-requests?status=APPROVED").body().size()
                    + server.get("/operator/merchant-requests?status=REJECTED").body().size()).isEqualTo(1);
        }
    }

    /**
     * Validation at the door (R-8.5, issue 19 item 7): each bad request is a 400 problem naming its field and
     * changes nothing — no request filed, no points sold, no name stored.
     */
    @Test
    void badInputIsRefusedAtTheDoorNamingTheField() throws Exception {
        try (ServerHarness server = start()) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"lee\",\"password\":\"lee-secret-1\"}", null);
            String lee = server.login("lee", "lee-secret-1");
            Map<String, String> requests = new LinkedHashMap<>();
            requests.put("{\"merchant\":\"a-shop\",\"region\":\"440106\",\"commissionRate\":\"-0.1\"}", "commissionRate");
            requests.put("{\"merchant\":\"a-shop\",\"region\":\"440106\",\"commissionRate\":\"5\"}", "commissionRate");
            requests.put("{\"merchant\":\"a-shop\",\"region\":\"440106\",\"commissionRate\":\"0.01\"}", "commissionRate");
            requests.put("{\"merchant\":\"a-shop\",\"region\":\"999999\"}", "region");
            requests.put("{\"merchant\":\"a-shop\",\"region\":\"440106\",\"recruiter\":\"" + "r".repeat(10_000)
                    + "\"}", "recruiter");
            requests.put("{\"merchant\":\"a-shop\",\"region\":\"440106\",\"owner\":\"bob\"}", "owner");
            requests.put("{\"merchant\":5,\"region\":\"440106\"}", "merchant");
            requests.put("not json", "(body)");
            int n = 0;
            for (Map.Entry<String, String> bad : requests.entrySet()) {
                ServerHarness.Reply reply = server.send(lee, "POST", "/merchant-requests", bad.getKey(), "bad-" + n++);
                assertThat(reply.status()).as(bad.getKey().substring(0, Math.min(80, bad.getKey().length())))
                        .isEqualTo(400);
                assertThat(reply.body().get("field").asString()).isEqualTo(bad.getValue());
            }
            assertThat(server.get("/operator/merchant-requests").body().size()).as("nothing filed").isZero();
            String request = server.send(lee, "POST", "/merchant-requests", "{\"merchant\":\"lee-tea\",\"region\":"
                    + "\"440106\"}", "good").body().get("request").asString();
            assertThat(server.send(lee, "POST", "/merchant-requests", "{\"merchant\":\"lee-tea\",\"region\":"
                    + "\"440106\"}", "again").body().get("field").asString()).as("a store id already asked for")
                    .isEqualTo("merchant");
            assertThat(server.post("/operator/merchant-requests/" + request + "/decision", "ok", "{\"approve\":true}")
                    .status()).isEqualTo(200);
            assertThat(server.send(lee, "POST", "/merchant-requests", "{\"merchant\":\"lee-tea\",\"region\":"
                    + "\"440106\"}", "taken").body().get("field").asString()).as("a store id already taken")
                    .isEqualTo("merchant");
            String store = server.login("lee", "lee-secret-1");
            String hash = server.get("/operator/check").body().get("stateHash").asString();
            Map<String, String> sells = Map.of("{\"points\":1}", "points", "{\"points\":\"1\",\"user\":\"bob\"}", "user");
            for (Map.Entry<String, String> bad : sells.entrySet()) {
                assertField(server.send(store, "POST", "/me/sell", bad.getKey(), "sell-" + bad.getValue()), bad.getValue());
            }
            assertField(server.send(null, "POST", "/auth/register", "{\"username\":\"eve\",\"password\":12345678}",
                    "reg"), "password");
            for (String name : List.of("5", "\"\u202Eevil\"", "\"a\u2066b\"")) {
                assertField(server.send(store, "PUT", "/merchants/lee-tea/settings", "{\"displayName\":" + name + "}",
                        "name-" + name.length()), "displayName");
            }
            assertThat(server.send(store, "GET", "/merchants/lee-tea/settings", null, null).body().get("displayName")
                    .isNull()).as("no name stored").isTrue();
            assertField(server.send(store, "GET", "/merchants/lee-tea/settlements?days=-5", null, null), "days");
            // The last two are refused by the security firewall, not by Tomcat: they were Spring Boot's error JSON
            // until the re-probe of issue 19 (bin/probe-money-paths) found "//".
            for (String traversal : List.of("/api/v1/../../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                    "/api/v1/payouts/sandbox//complete", "/api/v1/me;x=1/wallet")) {
                java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.origin() + traversal)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).as(traversal).isEqualTo(400);
                assertThat(page.headers().firstValue("Content-Type").orElse("")).as("not Tomcat's HTML page: "
                        + page.body()).startsWith("application/problem+json");
                assertThat(page.body()).contains("\"field\":\"(path)\"");
            }
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("nothing changed")
                    .isEqualTo(hash);
        }
    }

    private interface Call {
        ServerHarness.Reply call(int i) throws Exception;
    }

    private static List<ServerHarness.Reply> concurrently(int count, Call call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            List<Future<ServerHarness.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(clients.submit(() -> call.call(n)));
            }
            List<ServerHarness.Reply> replies = new ArrayList<>();
            for (Future<ServerHarness.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            clients.shutdown();
        }
    }

    /**
     * An operator command without a required text (a body of {}) is 400 naming the field. It used to reach
     * the engine, which rejected it, and the journal then held a line like {"type":"reassign",…,"user":null}
     * that recovery cannot parse: the next rebuild stopped the gateway and the server no longer started.
     */
    @Test
    void operatorCommandsWithoutARequiredFieldAre400AndTheServerStillStarts() throws Exception {
        String[] database = database();
        String hash;
        try (ServerHarness server = new ServerHarness(database)) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"ann\",\"password\":\"ann-secret-1\"}", null);
            String ann = server.login("ann", "ann-secret-1");
            assertField(server.post("/operator/referrers", "x1", "{}"), "user");
            assertField(server.post("/operator/referrers", "x2", "{\"user\":\"ann\",\"reason\":\"r\"}"), "referrer");
            assertField(server.post("/operator/agents", "x3", "{}"), "user");
            assertField(server.post("/operator/agents", "x4", "{\"user\":\"ann\"}"), "region");
            assertThat(server.post("/operator/merchants/shop/suspension", "x5", "{}").status())
                    .as("a reason is optional in the journal; the engine refuses the command").isEqualTo(422);
            String report = server.send(ann, "POST", "/reports",
                    "{\"kind\":\"OTHER\",\"subject\":\"s\",\"details\":\"d\"}", "file-9")
                    .body().get("report").asString();
            assertField(server.post("/operator/reports/" + report + "/decision", "x6",
                    "{\"outcome\":\"REASSIGN\",\"reason\":\"r\"}"), "user");
            assertField(server.post("/operator/reports/" + report + "/decision", "x7",
                    "{\"outcome\":\"SUSPEND\",\"reason\":\"r\"}"), "merchant");
            assertField(server.post("/commands", "x8", "{\"type\":\"reassign\",\"referrer\":\"ann\",\"reason\":\"r\"}"),
                    "user");
            hash = server.get("/operator/check").body().get("stateHash").asString();
        }
        try (ServerHarness server = new ServerHarness(database)) {
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("the journal replays")
                    .isEqualTo(hash);
        }
    }

    /** A new plan in force at run time: all errors at once when invalid; journaled, so it survives a restart. */
    @Test
    void thePlanIsReplacedAtRunTimeAndSurvivesRestart() throws Exception {
        String[] database = database();
        try (ServerHarness server = new ServerHarness(database)) {
            ServerHarness.Reply invalid = server.send(server.login("operator", ServerHarness.OPERATOR_PASSWORD), "PUT",
                    "/operator/plan", "{\"yaml\":\"pool: {mintRatio: 170%}\\nbogus: 1\\n\"}", "plan-0");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body().get("errors").size()).isEqualTo(2);
            ServerHarness.Reply noYaml = server.send(server.login("operator", ServerHarness.OPERATOR_PASSWORD), "PUT",
                    "/operator/plan", "{}", "plan-none");
            assertThat(noYaml.status()).as("no yaml: 400, not a NullPointerException's 500").isEqualTo(400);
            assertThat(noYaml.body().get("field").asString()).isEqualTo("yaml");
            String operator = server.login("operator", ServerHarness.OPERATOR_PASSWORD);
            String partial = "{\"yaml\":\"name: tighter\\npool: {exitMultiple: 2}\\n\"";
            String hash = server.get("/operator/check").body().get("stateHash").asString();
            ServerHarness.Reply preview = server.send(operator, "PUT", "/operator/plan", partial + "}", "plan-1");
            assertThat(preview.status()).as("issue 19 item 8: a change is shown before it is made").isEqualTo(409);
            assertThat(preview.body().get("field").asString()).isEqualTo("confirm");
            assertThat(preview.body().get("changes").toString()).as("every setting that would change is shown")
                    .contains("\"field\":\"name\"", "pool.exitMultipleNumerator");
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("nothing changed yet")
                    .isEqualTo(hash);
            String version = preview.body().get("planInForce").asString();
            ServerHarness.Reply stale = server.send(operator, "PUT", "/operator/plan", partial
                    + ",\"confirm\":true,\"expectedPlan\":\"" + "0".repeat(64) + "\"}", "plan-1");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.body().get("field").asString()).isEqualTo("expectedPlan");
            String confirmed = partial + ",\"confirm\":true,\"expectedPlan\":\"" + version + "\"}";
            ServerHarness.Reply changed = server.send(operator, "PUT", "/operator/plan", confirmed, "plan-1");
            assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
            assertThat(changed.body().get("complianceReport").asString()).contains("tighter");
            assertThat(server.send(operator, "PUT", "/operator/plan", confirmed, "plan-1").body())
                    .as("a retry answers the first result").isEqualTo(changed.body());
        }
        try (ServerHarness server = new ServerHarness(database)) {
            ServerHarness.Reply plan = server.get("/operator/plan");
            assertThat(plan.body().get("yaml").asString()).contains("name: tighter");
            assertThat(server.get("/economy").body().get("plan").asString()).as("recovered with the change").isEqualTo("tighter");
        }
    }

    /**
     * every id-taking endpoint: another consumer gets 403 (or 404 where existence itself is private)
     * on someone else's wallet, store, orders, payments and withdrawals, and on every operator endpoint;
     * the owner (positive control) gets through.
     */
    @Test
    void noConsumerReachesAnotherOnesObjects() throws Exception {
        try (ServerHarness server = start()) {
            for (String user : List.of("alice", "mallory")) {
                server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\"" + user
                        + "-secret\"}", null);
            }
            String alice = server.login("alice", "alice-secret");
            String mallory = server.login("mallory", "mallory-secret");
            server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
            server.post("p", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\","
                    + "\"amount\":\"10.00\",\"channel\":\"store\"}");
            tools.jackson.databind.JsonNode created = server.send(alice, "POST", "/payments", "{\"order\":\"o9\","
                    + "\"user\":\"alice\",\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"5.00\"}", "pay-o9").body();
            String payment = created.get("payment").asString();
            fund(server, "alice");
            String withdrawal = server.send(alice, "POST", "/withdrawals", "{\"user\":\"alice\",\"amount\":\"20.00\"}",
                    "wd-1").body().get("id").asString();
            Map<String, Integer> forbidden = new LinkedHashMap<>();
            forbidden.put("GET /users/alice/wallet", 403);
            forbidden.put("GET /merchants/shop/orders", 403);
            forbidden.put("GET /merchants/shop/postings", 403);
            forbidden.put("GET /merchants/shop/customers", 403);
            forbidden.put("GET /merchants/shop/pay-code", 403);
            forbidden.put("GET /merchants/shop/settlements", 403);
            forbidden.put("GET /merchants/shop/rewards", 403);
            forbidden.put("GET /merchants/shop/settings", 403);
            forbidden.put("PUT /merchants/shop/settings", 403);
            forbidden.put("GET /operator/rewards", 403);
            forbidden.put("GET /operator/exits", 403);
            forbidden.put("POST /orders/o1/receipt", 403);
            forbidden.put("POST /orders/o1/refund", 403);
            forbidden.put("GET /payments/" + payment, 404);
            // Issue 19 item 9: another user's sandbox transaction cannot be paid by whoever learns its id.
            forbidden.put("POST /payments/sandbox/" + created.get("providerTransaction").asString() + "/complete", 404);
            forbidden.put("GET /withdrawals/" + withdrawal, 404);
            forbidden.put("GET /economy", 403);
            forbidden.put("GET /operator/check", 403);
            forbidden.put("GET /operator/withdrawals", 403);
            forbidden.put("GET /operator/reports", 403);
            forbidden.put("GET /operator/merchant-requests", 403);
            forbidden.put("GET /operator/holders.csv", 403);
            forbidden.put("POST /operator/withdrawals/" + withdrawal + "/approve", 403);
            forbidden.put("POST /payouts/callback", 403);
            forbidden.put("POST /payouts/sandbox/sbt_1/complete", 403);
            forbidden.put("POST /commands", 403);
            forbidden.put("POST /orders/batch", 403);
            for (Map.Entry<String, Integer> call : forbidden.entrySet()) {
                String[] parts = call.getKey().split(" ");
                ServerHarness.Reply reply = server.send(mallory, parts[0], parts[1], parts[0].equals("GET") ? null : "{}",
                        "k-" + parts[1]);
                assertThat(reply.status()).as(call.getKey()).isEqualTo(call.getValue());
            }
            assertThat(server.send(mallory, "POST", "/payments", "{\"order\":\"o8\",\"user\":\"alice\",\"merchant\":"
                    + "\"shop\",\"channel\":\"store\",\"amount\":\"5.00\"}", "pay-o8").status()).isEqualTo(403);
            assertThat(server.send(mallory, "POST", "/withdrawals", "{\"user\":\"alice\",\"amount\":\"20.00\"}", "wd-2")
                    .status()).isEqualTo(403);
            assertThat(server.send(alice, "GET", "/payments/" + payment, null, null).status()).isEqualTo(200);
            assertThat(server.send(alice, "GET", "/withdrawals/" + withdrawal, null, null).status()).isEqualTo(200);
            assertThat(server.send(alice, "GET", "/users/alice/wallet", null, null).status()).isEqualTo(200);
        }
    }

    /** Gives a user 1600.00 of cash: 2000.00 straight into an empty pool (1400 points), then every point sold at β. */
    private static void fund(ServerHarness server, String user) throws Exception {
        assertThat(server.post("fund-" + user, "{\"type\":\"order\",\"id\":\"fund-" + user + "\",\"user\":\"" + user
                + "\",\"amount\":\"2000.00\",\"poolShare\":\"2000.00\"}").status()).isEqualTo(200);
        String points = server.get("/users/" + user + "/wallet").body().get("points").asString();
        assertThat(server.post("sell-" + user, "{\"type\":\"sell\",\"id\":\"sell-" + user + "\",\"user\":\"" + user
                + "\",\"points\":\"" + points + "\"}").status()).isEqualTo(200);
    }

    private static String balance(ServerHarness server, String user, String account) throws Exception {
        for (tools.jackson.databind.JsonNode balance : server.get("/users/" + user + "/wallet").body().get("balances")) {
            if (balance.get("account").asString().equals(account)) {
                return balance.get("amount").asString();
            }
        }
        return "0.00";
    }

    /**
     * request → review queue → approve → payout callback → wallet; a duplicate callback with a
     * new key is refused and pays nothing twice, a retry with the same key gets the first answer, and a restart
     * (snapshot + journal tail) keeps every withdrawal, the frozen funds and the state hash.
     */
    @Test
    void withdrawalIsRequestedApprovedPaidOnceAndSurvivesRestart() throws Exception {
        String hash;
        String id;
        String open;
        try (ServerHarness server = start("zengzhi.snapshot-interval=4")) {
            fund(server, "alice");
            assertThat(balance(server, "alice", "USER_CASH")).isEqualTo("1600.00");
            ServerHarness.Reply requested = server.post("/withdrawals", "w-1", "{\"user\":\"alice\",\"amount\":\"1200.00\"}");
            assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
            assertThat(requested.body().get("state").asString()).as("above 1000.00: reviewed").isEqualTo("REQUESTED");
            id = requested.body().get("id").asString();
            assertThat(balance(server, "alice", "USER_CASH_WITHDRAWING")).isEqualTo("1200.00");
            ServerHarness.Reply queue = server.get("/operator/withdrawals?state=REQUESTED");
            assertThat(queue.body().get("withdrawals").get(0).get("id").asString()).isEqualTo(id);

            ServerHarness.Reply approved = server.post("/operator/withdrawals/" + id + "/approve", "a-1", "{}");
            assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
            assertThat(approved.body().get("state").asString()).isEqualTo("APPROVED");
            String callback = "{\"withdrawal\":\"" + id + "\",\"paid\":true,\"reference\":\"bank-0001\"}";
            ServerHarness.Reply paid = server.post("/payouts/callback", "cb-1", callback);
            assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
            assertThat(paid.body().get("state").asString()).isEqualTo("PAID");
            assertThat(balance(server, "alice", "USER_CASH")).isEqualTo("400.00");
            assertThat(balance(server, "alice", "USER_CASH_WITHDRAWING")).isEqualTo("0.00");
            String external = server.get("/economy").body().get("platform").get("EXTERNAL_PAYMENTS").asString();
            assertThat(external).as("2000.00 in, 1200.00 out").isEqualTo("-800.00");

            ServerHarness.Reply again = server.post("/payouts/callback", "cb-2", callback);
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.body().get("code").asString()).isEqualTo("WITHDRAWAL_NOT_AWAITING_PAYOUT");
            assertThat(server.post("/payouts/callback", "cb-1", callback).body()).as("a retry: the first answer")
                    .isEqualTo(paid.body());
            assertThat(server.get("/economy").body().get("platform").get("EXTERNAL_PAYMENTS").asString())
                    .as("nothing paid twice").isEqualTo(external);
            assertThat(balance(server, "alice", "USER_CASH")).isEqualTo("400.00");

            ServerHarness.Reply small = server.post("/withdrawals", "w-2", "{\"user\":\"alice\",\"amount\":100}");
            assertThat(small.body().get("state").asString()).as("at most 1000.00: approved at once").isEqualTo("APPROVED");
            open = small.body().get("id").asString();
            ServerHarness.Reply check = server.get("/operator/check");
            assertThat(check.body().get("invariantsHold").asBoolean()).isTrue();
            hash = check.body().get("stateHash").asString();
        }
        try (ServerHarness server = start()) {
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
            assertThat(server.get("/withdrawals/" + id).body().get("state").asString()).isEqualTo("PAID");
            assertThat(server.get("/withdrawals/" + id).body().get("reference").asString()).isEqualTo("bank-0001");
            assertThat(server.get("/operator/withdrawals?state=APPROVED").body().get("withdrawals").get(0).get("id")
                    .asString()).isEqualTo(open);
            assertThat(balance(server, "alice", "USER_CASH_WITHDRAWING")).isEqualTo("100.00");
            assertThat(server.post("/payouts/callback", "cb-2", "{\"withdrawal\":\"" + id + "\",\"paid\":true,"
                    + "\"reference\":\"bank-0001\"}").status()).as("still refused after the restart").isEqualTo(422);
            String reference = "account closed " + "x".repeat(485);
            ServerHarness.Reply failed = server.post("/payouts/callback", "cb-3", "{\"withdrawal\":\"" + open
                    + "\",\"paid\":false,\"reference\":\"" + reference + "\"}");
            assertThat(failed.status()).as("a reference as long as the engine keeps (500)").isEqualTo(200);
            assertThat(failed.body().get("state").asString()).isEqualTo("FAILED");
            assertThat(server.get("/withdrawals/" + open).body().get("reference").asString()).isEqualTo(reference);
            assertThat(balance(server, "alice", "USER_CASH")).as("the funds are back").isEqualTo("400.00");
        }
    }

    /** bad withdrawal input names its field and changes nothing; an unknown withdrawal is 404. */
    @Test
    void badWithdrawalInputNamesTheFieldAndChangesNothing() throws Exception {
        try (ServerHarness server = start()) {
            fund(server, "bob");
            String before = server.get("/operator/check").body().get("stateHash").asString();
            ServerHarness.Reply noKey = server.post("/withdrawals", (String) null, "{\"user\":\"bob\",\"amount\":\"10.00\"}");
            assertThat(noKey.status()).isEqualTo(400);
            assertThat(noKey.body().get("field").asString()).isEqualTo("Idempotency-Key");
            assertField(server.post("/withdrawals", "k1", "{\"user\":\"bob\",\"amount\":\"10.001\"}"), 400, "amount");
            assertField(server.post("/withdrawals", "k2", "{\"amount\":\"10.00\"}"), 400, "user");
            assertField(server.post("/withdrawals", "k3", "{\"user\":\"bob\",\"amount\":\"10.00\",\"fee\":0}"), 400,
                    "fee");
            assertField(server.post("/withdrawals", "k4", "{\"user\":\"nobody\",\"amount\":\"10.00\"}"), 422, "user");
            assertField(server.post("/withdrawals", "k5", "{\"user\":\"bob\",\"amount\":\"9.99\"}"), 422, "amount");
            assertField(server.post("/withdrawals", "k6", "{\"user\":\"bob\",\"amount\":\"1600.01\"}"), 422, "amount");
            assertField(server.post("/operator/withdrawals/nope/approve", "k7", ""), 404, "withdrawal");
            assertField(server.post("/payouts/callback", "k8", "{\"withdrawal\":\"nope\",\"paid\":\"yes\"}"), 400,
                    "paid");
            assertThat(server.get("/operator/withdrawals?state=OPEN").status()).isEqualTo(400);
            assertThat(server.get("/withdrawals/nope").status()).isEqualTo(404);
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("bad input changed nothing")
                    .isEqualTo(before);
            String id = server.post("/withdrawals", "k9", "{\"user\":\"bob\",\"amount\":\"1500.00\"}").body()
                    .get("id").asString();
            assertField(server.post("/operator/withdrawals/" + id + "/reject", "k10", "{}"), 422, "reason");
            ServerHarness.Reply rejected = server.post("/operator/withdrawals/" + id + "/reject", "k11",
                    "{\"reason\":\"name does not match the bank account\"}");
            assertThat(rejected.body().get("state").asString()).isEqualTo("REJECTED");
            assertThat(balance(server, "bob", "USER_CASH")).isEqualTo("1600.00");
            assertThat(server.post("/operator/withdrawals/" + id + "/reject", "k11", "{\"reason\":\"other\"}").status())
                    .as("the same key with another body").isEqualTo(409);
        }
    }

    private static void assertField(ServerHarness.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().get("field").asString()).isEqualTo(field);
    }

    /** the batch import applies each order once; a retry gets the first response, even after a restart. */
    @Test
    void batchImportAppliesEachOrderOnceAndRetriesReturnTheFirstResponse() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 100; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"type\":\"pay\",\"id\":\"b").append(i)
                        .append("\",\"user\":\"u").append(i % 9).append("\",\"merchant\":\"")
                        .append(i == 50 ? "nobody" : "shop").append("\",\"amount\":\"").append(10 + i)
                        .append(".00\",\"channel\":\"store\"}");
            }
            String body = batch.append("]").toString();
            ServerHarness.Reply first = server.post("/orders/batch", "batch-1", body);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().get("results")).hasSize(100);
            assertThat(first.body().get("results").get(0).get("id").asString()).isEqualTo("b0");
            assertThat(first.body().get("results").get(0).get("status").asInt()).isEqualTo(200);
            assertThat(first.body().get("results").get(50).get("status").asInt()).isEqualTo(422);
            assertThat(first.body().get("results").get(50).get("body").get("code").asString())
                    .isEqualTo("UNKNOWN_MERCHANT");
            assertThat(server.get("/economy").body().get("unsettledOrders").asInt()).isEqualTo(99);

            ServerHarness.Reply retry = server.post("/orders/batch", "batch-1", body);
            assertThat(retry.body()).as("a retry gets the first response").isEqualTo(first.body());
            assertThat(server.get("/economy").body().get("unsettledOrders").asInt()).as("one effect").isEqualTo(99);
            assertThat(server.post("/orders/batch", "batch-1", body.replace("10.00", "10.01")).status()).isEqualTo(409);

            ServerHarness.Reply bad = server.post("/orders/batch", "batch-2", "[{\"type\":\"pay\",\"id\":\"x\","
                    + "\"user\":\"a\",\"merchant\":\"shop\",\"amount\":\"1.001\",\"channel\":\"store\"}]");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body().get("field").asString()).isEqualTo("[0].amount");
            assertThat(server.post("/orders/batch", "batch-3", "[{\"type\":\"tick\"}]").body().get("field").asString())
                    .isEqualTo("[0].type");
            assertThat(server.get("/operator/check").body().get("invariantsHold").asBoolean()).isTrue();
            String hash = server.get("/operator/check").body().get("stateHash").asString();
            server.close();
            try (ServerHarness again = start()) {
                assertThat(again.get("/operator/check").body().get("stateHash").asString()).isEqualTo(hash);
                assertThat(again.post("/orders/batch", "batch-1", body).body()).isEqualTo(first.body());
            }
        }
    }
}
