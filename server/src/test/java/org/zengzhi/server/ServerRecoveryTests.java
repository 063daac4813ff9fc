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

    private ServerHarness start() {
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
