package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

/**
 * Payments through the sandbox provider over real HTTP and a real database, shared by the H2 and
 * PostgreSQL runs: the sandbox's signed callback marks the order paid in the engine; tampered, stale and
 * replayed callbacks are refused and change nothing; later and concurrent deliveries have one effect; an
 * order the engine rejects leaves the payment FAILED; bad input names its field.
 */
abstract class PaymentTests {
    static final String SECRET = "it-sandbox-secret";
    private static final String MERCHANT = "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\","
            + "\"region\":\"440106\"}";

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database();

    ServerHarness start(String... more) throws Exception {
        List<String> properties = new ArrayList<>(List.of(database()));
        properties.addAll(List.of(more));
        return new ServerHarness(properties.toArray(new String[0]));
    }

    /** A server whose sandbox secret the test knows, so it can sign callbacks itself. */
    ServerHarness startWithSecret() throws Exception {
        return start("zengzhi.sandbox.secret=" + SECRET);
    }

    static Reply createStorePayment(ServerHarness server, String key, String order, String amount) throws Exception {
        return server.post("/payments", Map.of("Idempotency-Key", key), "{\"order\":\"" + order + "\",\"user\":\"alice\","
                + "\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"" + amount + "\"}");
    }

    static Reply complete(ServerHarness server, Reply created, String key) throws Exception {
        String payUrl = created.body().get("payUrl").asString();
        return server.post(payUrl.substring(payUrl.indexOf("/api/v1") + "/api/v1".length()),
                Map.of("Idempotency-Key", key), "");
    }

    static String notification(Reply created, String amount) {
        return "{\"providerTransaction\":\"" + created.body().get("providerTransaction").asString() + "\",\"order\":\""
                + created.body().get("order").asString() + "\",\"amount\":\"" + amount + "\",\"status\":\"SUCCESS\"}";
    }

    /** Sends a callback as the sandbox would, signed with the test's copy of the secret. */
    static Reply callback(ServerHarness server, String signedBody, String sentBody, Instant at, String nonce)
            throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = CallbackSignature.sign(SECRET, timestamp, nonce, signedBody.getBytes(StandardCharsets.UTF_8));
        return server.post("/payments/callback/sandbox", Map.of(CallbackSignature.TIMESTAMP_HEADER, timestamp,
                CallbackSignature.NONCE_HEADER, nonce, CallbackSignature.SIGNATURE_HEADER, signature), sentBody);
    }

    static String stateHash(ServerHarness server) throws Exception {
        return server.get("/operator/check").body().get("stateHash").asString();
    }

    static int unsettledOrders(ServerHarness server) throws Exception {
        return server.get("/economy").body().get("unsettledOrders").asInt();
    }

    @Test
    void theSandboxCallbackMarksTheOrderPaid() throws Exception {
        try (ServerHarness server = start()) {
            assertThat(server.post("m", MERCHANT).status()).isEqualTo(200);
            Reply created = createStorePayment(server, "pay-o1", "o1", "100.00");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.body().get("status").asString()).isEqualTo("CREATED");
            String payment = created.body().get("payment").asString();
            assertThat(server.get("/payments/" + payment).body().get("status").asString()).isEqualTo("CREATED");
            assertThat(unsettledOrders(server)).as("nothing is paid before the callback").isEqualTo(0);
            assertThat(server.get("/users/alice/wallet").status()).isEqualTo(404);

            Reply completed = complete(server, created, "complete-1");
            assertThat(completed.status()).isEqualTo(200);
            assertThat(completed.body().get("callback").get("status").asString()).isEqualTo("PAID");
            Reply paid = server.get("/payments/" + payment);
            assertThat(paid.body().get("status").asString()).isEqualTo("PAID");
            assertThat(paid.body().get("paidAt").isNull()).isFalse();
            assertThat(unsettledOrders(server)).isEqualTo(1);
            assertThat(server.get("/users/alice/wallet").status()).as("the engine knows the payer now").isEqualTo(200);

            String hash = stateHash(server);
            Reply again = complete(server, created, "complete-2");
            assertThat(again.body().get("callback")).as("a second delivery gets the first answer")
                    .isEqualTo(completed.body().get("callback"));
            assertThat(stateHash(server)).as("and changes nothing").isEqualTo(hash);
            assertThat(complete(server, created, "complete-1").body()).as("a retry under the key: the first answer")
                    .isEqualTo(completed.body());
            Reply other = createStorePayment(server, "pay-o2", "o2", "20.00");
            Reply reused = complete(server, other, "complete-1");
            assertThat(reused.status()).as("the key of another transaction's completion (re-probe, issue 19 item 6)")
                    .isEqualTo(409);
            assertThat(reused.body().get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(server.get("/payments/" + other.body().get("payment").asString()).body().get("status")
                    .asString()).as("and nothing was paid").isEqualTo("CREATED");
            assertThat(server.post("t", "{\"type\":\"tick\"}").status()).isEqualTo(200);
            assertThat(unsettledOrders(server)).as("the store order settles at the next tick").isEqualTo(0);
            assertThat(server.get("/economy").body().get("holders").asInt()).isEqualTo(1);
        }
    }

    /** Issue 19 item 9: a transaction id is not a licence to pay; only its payer (or an operator) may. */
    @Test
    void onlyThePayerMayCompleteASandboxPayment() throws Exception {
        try (ServerHarness server = start()) {
            assertThat(server.post("m", MERCHANT).status()).isEqualTo(200);
            String alice = register(server, "alice");
            String bob = register(server, "bob");
            Reply created = server.send(alice, "POST", "/payments", "{\"order\":\"o1\",\"user\":\"alice\","
                    + "\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"10.00\"}", "pay-o1");
            assertThat(created.status()).isEqualTo(201);
            String payUrl = created.body().get("payUrl").asString();
            String path = payUrl.substring(payUrl.indexOf("/api/v1") + "/api/v1".length());

            Reply anonymous = server.send(null, "POST", path, null, "c1");
            assertThat(anonymous.status()).isEqualTo(401);
            Reply stranger = server.send(bob, "POST", path, null, "c2");
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(stranger.body().get("field").asString()).isEqualTo("providerTransaction");
            assertThat(server.get("/payments/" + created.body().get("payment").asString()).body().get("status")
                    .asString()).as("nobody but the payer moved it").isEqualTo("CREATED");

            Reply payer = server.send(alice, "POST", path, null, "c3");
            assertThat(payer.status()).isEqualTo(200);
            assertThat(payer.body().get("callback").get("status").asString()).isEqualTo("PAID");
        }
    }

    /** an Idempotency-Key is the caller's own; two consumers who send the same key make two payments. */
    @Test
    void twoCallersWithTheSameKeyMakeTwoPayments() throws Exception {
        try (ServerHarness server = start()) {
            assertThat(server.post("m", MERCHANT).status()).isEqualTo(200);
            String alice = register(server, "alice");
            String bob = register(server, "bob");
            Reply hers = server.send(alice, "POST", "/payments", "{\"order\":\"o1\",\"user\":\"alice\","
                    + "\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"10.00\"}", "same-key");
            Reply his = server.send(bob, "POST", "/payments", "{\"order\":\"o2\",\"user\":\"bob\","
                    + "\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"20.00\"}", "same-key");
            assertThat(hers.status()).isEqualTo(201);
            assertThat(his.status()).as(his.body().toString()).isEqualTo(201);
            assertThat(his.body().get("payment").asString()).isNotEqualTo(hers.body().get("payment").asString());
            assertThat(his.body().get("amount").asString()).isEqualTo("20.00");
        }
    }

    /** Registers a consumer over the API and signs in; returns the bearer token. */
    static String register(ServerHarness server, String user) throws Exception {
        String password = user + "-Sandbox-Passphrase-7";
        Reply registered = server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\""
                + password + "\"}", "register-" + user);
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return server.login(user, password);
    }

    @Test
    void retriesOfTheCreateCallAreIdempotent() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", MERCHANT);
            Reply first = createStorePayment(server, "pay-o1", "o1", "10.00");
            assertThat(first.status()).isEqualTo(201);
            Reply retry = createStorePayment(server, "pay-o1", "o1", "10.00");
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            Reply otherBody = createStorePayment(server, "pay-o1", "o1", "11.00");
            assertThat(otherBody.status()).isEqualTo(409);
            assertThat(otherBody.body().get("field").asString()).isEqualTo("Idempotency-Key");
            Reply sameOrder = createStorePayment(server, "pay-o1-again", "o1", "10.00");
            assertThat(sameOrder.status()).isEqualTo(409);
            assertThat(sameOrder.body().get("field").asString()).isEqualTo("order");
        }
    }

    @Test
    void tamperedStaleAndReplayedCallbacksAreRefused() throws Exception {
        try (ServerHarness server = startWithSecret()) {
            server.post("m", MERCHANT);
            Reply created = createStorePayment(server, "pay-o1", "o1", "100.00");
            String body = notification(created, "100.00");
            String before = stateHash(server);
            Instant now = Instant.now();

            Reply tampered = callback(server, body, body.replace("\"o1\"", "\"o2\""), now, "nonce-tampered");
            assertThat(tampered.status()).isEqualTo(401);
            assertThat(tampered.body().get("field").asString()).isEqualTo(CallbackSignature.SIGNATURE_HEADER);
            Reply stale = callback(server, body, body, now.minusSeconds(600), "nonce-stale");
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.body().get("field").asString()).isEqualTo(CallbackSignature.TIMESTAMP_HEADER);
            Reply unsigned = server.post("/payments/callback/sandbox", Map.of(), body);
            assertThat(unsigned.status()).isEqualTo(400);
            Reply notHex = server.post("/payments/callback/sandbox", Map.of(CallbackSignature.TIMESTAMP_HEADER,
                    Long.toString(now.getEpochSecond()), CallbackSignature.NONCE_HEADER, "nonce-not-hex",
                    CallbackSignature.SIGNATURE_HEADER, "zz".repeat(32)), body);
            assertThat(notHex.status()).as("a malformed signature header is 400, like the other headers").isEqualTo(400);
            assertThat(notHex.body().get("field").asString()).isEqualTo(CallbackSignature.SIGNATURE_HEADER);
            assertThat(stateHash(server)).as("refused callbacks change nothing").isEqualTo(before);
            assertThat(server.get("/payments/" + created.body().get("payment").asString()).body().get("status")
                    .asString()).isEqualTo("CREATED");

            Reply paid = callback(server, body, body, now, "nonce-first");
            assertThat(paid.status()).isEqualTo(200);
            assertThat(paid.body().get("status").asString()).isEqualTo("PAID");
            String after = stateHash(server);
            Reply replayed = callback(server, body, body, now, "nonce-first");
            assertThat(replayed.status()).isEqualTo(401);
            assertThat(replayed.body().get("field").asString()).isEqualTo(CallbackSignature.NONCE_HEADER);
            Reply redelivered = callback(server, body, body, Instant.now(), "nonce-second");
            assertThat(redelivered.status()).isEqualTo(200);
            assertThat(redelivered.body()).isEqualTo(paid.body());
            assertThat(stateHash(server)).as("one effect").isEqualTo(after);
            assertThat(unsettledOrders(server)).isEqualTo(1);
        }
    }

    @Test
    void concurrentDuplicateCallbacksHaveOneEffect() throws Exception {
        try (ServerHarness server = startWithSecret()) {
            server.post("m", MERCHANT);
            Reply created = createStorePayment(server, "pay-o1", "o1", "10.00");
            String body = notification(created, "10.00");
            ExecutorService provider = Executors.newFixedThreadPool(8);
            List<Future<Reply>> replies = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < 16; i++) {
                String nonce = "nonce-concurrent-" + i;
                replies.add(provider.submit(() -> callback(server, body, body, now, nonce)));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                bodies.add(reply.get().body().toString());
            }
            provider.shutdown();
            assertThat(bodies).containsOnly(bodies.get(0));
            assertThat(bodies.get(0)).contains("\"PAID\"");
            assertThat(unsettledOrders(server)).as("one effect").isEqualTo(1);
            assertThat(server.bean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM journal WHERE command_id = 'o1'", Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void anOrderTheEngineRejectsLeavesThePaymentFailed() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", MERCHANT);
            Reply created = createStorePayment(server, "pay-o1", "o1", "10.00");
            assertThat(server.post("s", "{\"type\":\"suspend\",\"merchant\":\"shop\",\"reason\":\"report\"}").status())
                    .isEqualTo(200);
            Reply completed = complete(server, created, "complete-1");
            assertThat(completed.status()).isEqualTo(200);
            assertThat(completed.body().get("callback").get("status").asString()).isEqualTo("FAILED");
            assertThat(completed.body().get("callback").get("code").asString()).isEqualTo("MERCHANT_SUSPENDED");
            Reply failed = server.get("/payments/" + created.body().get("payment").asString());
            assertThat(failed.body().get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.body().get("code").asString()).isEqualTo("MERCHANT_SUSPENDED");
            assertThat(unsettledOrders(server)).isEqualTo(0);
            assertThat(server.post("r", "{\"type\":\"suspend\",\"merchant\":\"shop\",\"reason\":\"ok\","
                    + "\"suspended\":false}").status()).isEqualTo(200);
            assertThat(complete(server, created, "complete-2").body().get("callback").get("status").asString())
                    .as("the outcome was decided once").isEqualTo("FAILED");
            assertThat(unsettledOrders(server)).isEqualTo(0);
        }
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() throws Exception {
        try (ServerHarness server = startWithSecret()) {
            String before = stateHash(server);
            String store = "{\"order\":\"o1\",\"user\":\"a\",\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":";
            Reply noKey = server.post("/payments", Map.of(), store + "\"1.00\"}");
            assertThat(noKey.status()).isEqualTo(400);
            assertThat(noKey.body().get("field").asString()).isEqualTo("Idempotency-Key");
            assertField(server.post("/payments", Map.of("Idempotency-Key", "k1"), store + "\"1.001\"}"), 400, "amount");
            assertField(server.post("/payments", Map.of("Idempotency-Key", "k2"), store.replace("store", "post")
                    + "\"1.00\"}"), 400, "channel");
            assertField(server.post("/payments", Map.of("Idempotency-Key", "k3"), "{\"order\":\"o1\",\"user\":\"a\","
                    + "\"channel\":\"mall\",\"amount\":\"10.00\",\"split\":{\"cost\":\"1\",\"distribution\":\"1\","
                    + "\"platform\":\"1\",\"pool\":\"1\"}}"), 400, "split");
            assertField(server.post("/payments/sandbox/sbx_nothing/complete", Map.of("Idempotency-Key", "k4"), ""),
                    404, "providerTransaction");
            assertField(server.post("/payments/callback/paypal", Map.of(), "{}"), 404, "provider");
            assertField(server.get("/payments/pay_nothing"), 404, "payment");
            String unknown = "{\"providerTransaction\":\"sbx_nothing\",\"order\":\"o1\",\"amount\":\"1.00\","
                    + "\"status\":\"SUCCESS\"}";
            assertField(callback(server, unknown, unknown, Instant.now(), "nonce-unknown"), 404, "providerTransaction");
            assertThat(server.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM payment_intents",
                    Integer.class)).as("nothing stored").isEqualTo(0);
            assertThat(stateHash(server)).isEqualTo(before);
        }
    }

    @Test
    void paymentsAndTheGeneratedSecretSurviveARestart() throws Exception {
        Reply created;
        String secret;
        try (ServerHarness server = start()) {
            server.post("m", MERCHANT);
            created = server.post("/payments", Map.of("Idempotency-Key", "pay-m1"), "{\"order\":\"m1\",\"user\":\"bob\","
                    + "\"merchant\":\"shop\",\"channel\":\"mall\",\"amount\":\"1000.00\",\"split\":{\"cost\":\"300.00\","
                    + "\"distribution\":\"300.00\",\"platform\":\"100.00\",\"pool\":\"300.00\"}}");
            assertThat(created.status()).isEqualTo(201);
            secret = server.bean(JdbcTemplate.class).queryForObject(
                    "SELECT secret FROM provider_secrets WHERE provider = 'sandbox'", String.class);
            assertThat(secret).matches("[0-9a-f]{64}");
        }
        try (ServerHarness server = start()) {
            assertThat(server.bean(JdbcTemplate.class).queryForObject(
                    "SELECT secret FROM provider_secrets WHERE provider = 'sandbox'", String.class)).isEqualTo(secret);
            Reply view = server.get("/payments/" + created.body().get("payment").asString());
            assertThat(view.body().get("split").get("pool").asString()).isEqualTo("300.00");
            assertThat(complete(server, created, "complete-m1").body().get("callback").get("status").asString())
                    .isEqualTo("PAID");
            assertThat(unsettledOrders(server)).isEqualTo(1);
        }
    }

    /** Issue 19 item 1: the split is the product's or the plan's, never the paying consumer's choice. */
    @Test
    void aConsumerMayNotChooseTheMallSplit() throws Exception {
        try (ServerHarness server = start()) {
            server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"alice-secret\"}", null);
            String alice = server.login("alice", "alice-secret");
            String mall = "{\"order\":\"m1\",\"user\":\"alice\",\"channel\":\"mall\",\"amount\":\"1000.00\"";
            Reply chosen = server.send(alice, "POST", "/payments", mall + ",\"split\":{\"cost\":\"0.00\","
                    + "\"distribution\":\"0.00\",\"platform\":\"0.00\",\"pool\":\"1000.00\"}}", "pay-m1");
            assertField(chosen, 403, "split");
            assertThat(intentCount(server)).as("no intent for a refused payment").isEqualTo(0);
            Reply planSplit = server.send(alice, "POST", "/payments", mall + "}", "pay-m1-plan");
            assertThat(planSplit.status()).as(planSplit.body().toString()).isEqualTo(201);
        }
    }

    /** Issue 19 item 4: what the engine would refuse is refused before an intent exists. */
    @Test
    void whatTheEngineWouldRefuseIsRefusedBeforeAnyIntent() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", MERCHANT);
            assertThat(createStorePayment(server, "pay-o1", "o1", "10.00").status()).isEqualTo(201);
            Reply noShop = server.post("/payments", Map.of("Idempotency-Key", "pay-x"), "{\"order\":\"o2\","
                    + "\"user\":\"alice\",\"merchant\":\"nowhere\",\"channel\":\"store\",\"amount\":\"10.00\"}");
            assertField(noShop, 422, "merchant");
            assertThat(noShop.body().get("code").asString()).isEqualTo("UNKNOWN_MERCHANT");
            assertThat(server.post("s", "{\"type\":\"suspend\",\"merchant\":\"shop\",\"reason\":\"report\"}")
                    .status()).isEqualTo(200);
            Reply suspended = createStorePayment(server, "pay-s", "o3", "10.00");
            assertField(suspended, 422, "merchant");
            assertThat(suspended.body().get("code").asString()).isEqualTo("MERCHANT_SUSPENDED");
            Reply deduct = server.post("/payments", Map.of("Idempotency-Key", "pay-d"), "{\"order\":\"o4\","
                    + "\"user\":\"alice\",\"channel\":\"mall\",\"amount\":\"60.00\",\"deduct\":\"40.00\"}");
            assertField(deduct, 422, "deduct");
            assertThat(deduct.body().get("code").asString()).isEqualTo("INSUFFICIENT_DEDUCT");
            assertThat(intentCount(server)).as("only the first payment has an intent").isEqualTo(1);
        }
    }

    private static int intentCount(ServerHarness server) {
        return server.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM payment_intents", Integer.class);
    }

    private static void assertField(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().get("field").asString()).isEqualTo(field);
    }
}
