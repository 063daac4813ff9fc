package org.zengzhi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The server's contract over real HTTP and a real database, shared by the H2 and PostgreSQL runs:
 * group-committed commands survive a restart (snapshot + journal tail = the same state hash), retries with
 * an Idempotency-Key return the first response, bad input names its field and changes nothing.
 */
abstract class ServerRecoveryTests {

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database();

    private ServerHarness start() throws Exception {
        return new ServerHarness(database());
    }

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

    /** roles and object-level checks; every refusal is problem+json. */
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
        }
    }

    /** Operator actions as named endpoints, the holder CSV, and a merchant's own store only. */
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
                    "{\"amount\":\"500.00\",\"reason\":\"launch round\"}", "s1");
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
            assertThat(server.send(operator, "POST", "/operator/accounts", "{\"username\":\"shopkeeper\",\"password\":"
                    + "\"keeper-secret\",\"role\":\"MERCHANT\",\"merchant\":\"shop\"}", null).status()).isEqualTo(201);
            String keeper = server.login("shopkeeper", "keeper-secret");
            assertThat(server.send(keeper, "GET", "/merchants/shop/orders", null, null).body().get(0).get("order")
                    .asString()).isEqualTo("o1");
            assertThat(server.send(keeper, "GET", "/merchants/shop/pay-code", null, null).body().get("path").asString())
                    .isEqualTo("/pay/shop");
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
        }
    }
}
