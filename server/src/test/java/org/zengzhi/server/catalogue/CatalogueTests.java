package org.zengzhi.server.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.zengzhi.server.payment.IntentExpiry;
import org.zengzhi.server.payment.ProviderOutbox;

import tools.jackson.databind.JsonNode;

/**
 * The product catalogue (issue 19 item 1, R-2.2) over real HTTP and a real database, shared by the H2 and
 * PostgreSQL runs: an operator adds products; a mall payment names products and quantities and the server sets
 * its amount and split; stock never goes below zero; bad input names its field.
 */
abstract class CatalogueTests {
    static final String TEA = "{\"product\":\"tea\",\"name\":\"龙井 250g\",\"price\":\"1000.00\",\"split\":{"
            + "\"cost\":\"300.00\",\"distribution\":\"300.00\",\"platform\":\"100.00\",\"pool\":\"300.00\"},"
            + "\"stock\":3,\"images\":[\"https://img.example.com/tea.jpg\"]}";

    abstract String[] database();

    ServerHarness start() throws Exception {
        return new ServerHarness(database());
    }

    static String consumer(ServerHarness server, String user) throws Exception {
        server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\"" + user
                + "-secret\"}", null);
        return server.login(user, user + "-secret");
    }

    static Reply buy(ServerHarness server, String token, String user, String order, String items) throws Exception {
        return server.send(token, "POST", "/payments", "{\"order\":\"" + order + "\",\"user\":\"" + user
                + "\",\"channel\":\"mall\",\"items\":" + items + "}", "pay-" + order);
    }

    @Test
    void theCatalogueSetsTheAmountAndTheSplitOfAMallPayment() throws Exception {
        try (ServerHarness server = start()) {
            Reply created = server.post("/operator/products", "tea-1", TEA);
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            assertThat(server.post("/operator/products", "tea-1", TEA).body()).as("a retry gets the first answer")
                    .isEqualTo(created.body());
            assertThat(server.post("/operator/products", "tea-1", TEA.replace("龙井", "碧螺春")).status())
                    .as("the key with another body").isEqualTo(409);
            String alice = consumer(server, "alice");
            assertThat(server.send(alice, "POST", "/operator/products", TEA, "tea-2").status())
                    .as("a consumer may not add products").isEqualTo(403);
            assertThat(server.send(alice, "GET", "/products", null, null).body().get(0).get("images").get(0)
                    .asString()).isEqualTo("https://img.example.com/tea.jpg");

            Reply paid = buy(server, alice, "alice", "m1", "[{\"product\":\"tea\",\"quantity\":2}]");
            assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
            assertThat(paid.body().get("amount").asString()).isEqualTo("2000.00");
            Reply view = server.get("/payments/" + paid.body().get("payment").asString());
            assertThat(view.body().get("split").get("pool").asString()).as("the product's split, twice").isEqualTo("600.00");
            assertThat(view.body().get("split").get("cost").asString()).isEqualTo("600.00");
            assertThat(server.get("/products/tea").body().get("stock").asInt()).isEqualTo(1);
            assertThat(buy(server, alice, "alice", "m1", "[{\"product\":\"tea\",\"quantity\":2}]").body())
                    .as("a retry after the stock ran low gets its payment").isEqualTo(paid.body());
        }
    }

    /** Issue 19 item 4: an unknown product or too few in stock is refused before any intent exists. */
    @Test
    void unknownProductsAndShortStockAreRefusedBeforeAnyIntent() throws Exception {
        try (ServerHarness server = start()) {
            server.post("/operator/products", "tea-1", TEA);
            String alice = consumer(server, "alice");
            Reply unknown = buy(server, alice, "alice", "m1", "[{\"product\":\"coffee\",\"quantity\":1}]");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.body().get("field").asString()).isEqualTo("items[0].product");
            assertThat(unknown.body().get("code").asString()).isEqualTo("UNKNOWN_PRODUCT");
            Reply short_ = buy(server, alice, "alice", "m2", "[{\"product\":\"tea\",\"quantity\":4}]");
            assertThat(short_.status()).isEqualTo(422);
            assertThat(short_.body().get("field").asString()).isEqualTo("items[0].quantity");
            Reply amount = server.send(alice, "POST", "/payments", "{\"order\":\"m3\",\"user\":\"alice\",\"channel\":"
                    + "\"mall\",\"amount\":\"1.00\",\"items\":[{\"product\":\"tea\",\"quantity\":1}]}", "pay-m3");
            assertThat(amount.status()).isEqualTo(400);
            assertThat(amount.body().get("field").asString()).isEqualTo("amount");
            Reply badProduct = server.post("/operator/products", "bad-1", TEA.replace("\"stock\":3", "\"stock\":-1"));
            assertThat(badProduct.status()).isEqualTo(400);
            assertThat(badProduct.body().get("field").asString()).isEqualTo("stock");
            Reply badSplit = server.post("/operator/products", "bad-2", TEA.replace("\"pool\":\"300.00\"",
                    "\"pool\":\"301.00\""));
            assertThat(badSplit.body().get("field").asString()).isEqualTo("split");
            assertThat(server.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM payment_intents",
                    Integer.class)).isEqualTo(0);
        }
    }

    /**
     * Issue 19 item 1: the operator manages a listed product — restock or write off by a delta, take it off the
     * shelf — each change once under its key; stock never below zero; a consumer may not; bad input names its field.
     */
    @Test
    void theOperatorRestocksAndShelvesAProductOnceUnderItsKey() throws Exception {
        try (ServerHarness server = start()) {
            server.post("/operator/products", "tea-1", TEA);
            Reply restocked = server.post("/operator/products/tea/changes", "restock-1", "{\"addStock\":7}");
            assertThat(restocked.status()).as(restocked.body().toString()).isEqualTo(200);
            assertThat(restocked.body().get("stock").asLong()).isEqualTo(10);
            Reply retried = server.post("/operator/products/tea/changes", "restock-1", "{\"addStock\":7}");
            assertThat(retried.body()).isEqualTo(restocked.body());
            assertThat(server.post("/operator/products/tea/changes", "restock-1", "{\"addStock\":8}").status())
                    .isEqualTo(409);
            Reply tooMuch = server.post("/operator/products/tea/changes", "writeoff-1", "{\"addStock\":-11}");
            assertThat(tooMuch.status()).isEqualTo(422);
            assertThat(tooMuch.body().get("field").asString()).isEqualTo("addStock");
            assertThat(server.post("/operator/products/tea/changes", "bad-1", "{\"addStock\":\"3\"}").body()
                    .get("field").asString()).isEqualTo("addStock");
            assertThat(server.post("/operator/products/tea/changes", "bad-2", "{\"onShelf\":false,\"price\":1}")
                    .body().get("field").asString()).isEqualTo("price");
            assertThat(server.post("/operator/products/nothing/changes", "bad-3", "{\"onShelf\":false}").status())
                    .isEqualTo(404);
            Reply off = server.post("/operator/products/tea/changes", "off-1", "{\"onShelf\":false}");
            assertThat(off.status()).isEqualTo(200);
            String alice = consumer(server, "alice");
            assertThat(server.send(alice, "POST", "/operator/products/tea/changes", "{\"onShelf\":true}", "k").status())
                    .isEqualTo(403);
            Reply bought = buy(server, alice, "alice", "m1", "[{\"product\":\"tea\",\"quantity\":1}]");
            assertThat(bought.status()).as("off the shelf").isEqualTo(422);
            assertThat(server.bean(JdbcTemplate.class).queryForObject("SELECT stock FROM products WHERE product_id = 'tea'",
                    Long.class)).isEqualTo(10);
        }
    }

    /** a mall order refunded before settlement gives its stock back, once. */
    @Test
    void aRefundBeforeSettlementGivesTheStockBack() throws Exception {
        try (ServerHarness server = start()) {
            server.post("/operator/products", "tea-1", TEA);
            String alice = consumer(server, "alice");
            Reply created = buy(server, alice, "alice", "m1", "[{\"product\":\"tea\",\"quantity\":2}]");
            String payUrl = created.body().get("payUrl").asString();
            assertThat(server.post(payUrl.substring(payUrl.indexOf("/api/v1") + "/api/v1".length()),
                    Map.of("Idempotency-Key", "complete-m1"), "").body().get("callback").get("status").asString())
                    .isEqualTo("PAID");
            assertThat(server.get("/products/tea").body().get("stock").asInt()).isEqualTo(1);
            assertThat(server.post("/orders/m1/refund", "refund-1", "").status()).isEqualTo(200);
            server.bean(ProviderOutbox.class).drain();
            assertThat(server.get("/products/tea").body().get("stock").asInt()).isEqualTo(3);
            server.bean(ProviderOutbox.class).drain();
            assertThat(server.post("/orders/m1/refund", "refund-2", "").status()).isEqualTo(422);
            assertThat(server.get("/products/tea").body().get("stock").asInt()).as("given back once").isEqualTo(3);
        }
    }

    /**
     * An unpaid intent holds its cart's stock only for {@code zengzhi.payments.intent-ttl}: the sweep expires it and
     * gives the stock back, once, in one transaction; a provider's late callback for it is answered EXPIRED and the
     * money refunded at the provider, and no order is made. A paid intent is never expired.
     */
    @Test
    void anUnpaidIntentExpires_itsStockComesBack_andALatePaymentIsRefunded() throws Exception {
        List<String> properties = new ArrayList<>(List.of(database()));
        properties.add("zengzhi.payments.intent-ttl=PT10M");
        try (ServerHarness server = new ServerHarness(properties.toArray(String[]::new))) {
            server.post("/operator/products", "tea-1", TEA);
            String alice = consumer(server, "alice");
            Reply unpaid = buy(server, alice, "alice", "m1", "[{\"product\":\"tea\",\"quantity\":2}]");
            Reply paid = buy(server, alice, "alice", "m2", "[{\"product\":\"tea\",\"quantity\":1}]");
            assertThat(server.get("/products/tea").body().get("stock").asInt()).isZero();
            String payUrl = paid.body().get("payUrl").asString();
            assertThat(server.post(payUrl.substring(payUrl.indexOf("/api/v1") + "/api/v1".length()),
                    Map.of("Idempotency-Key", "complete-m2"), "").body().get("callback").get("status").asString())
                    .isEqualTo("PAID");

            IntentExpiry expiry = server.bean(IntentExpiry.class);
            assertThat(expiry.sweep(Instant.now())).as("younger than the TTL").isZero();
            Instant later = Instant.now().plus(Duration.ofMinutes(11));
            assertThat(expiry.sweep(later)).as("only the unpaid one").isEqualTo(1);
            assertThat(expiry.sweep(later)).as("once").isZero();
            assertThat(server.get("/products/tea").body().get("stock").asInt()).as("its 2 are back").isEqualTo(2);
            String payment = unpaid.body().get("payment").asString();
            assertThat(server.get("/payments/" + payment).body().get("status").asString()).isEqualTo("EXPIRED");
            assertThat(server.get("/payments/" + paid.body().get("payment").asString()).body().get("status").asString())
                    .isEqualTo("PAID");

            String hash = server.get("/operator/check").body().get("stateHash").asString();
            String lateUrl = unpaid.body().get("payUrl").asString();
            Reply late = server.post(lateUrl.substring(lateUrl.indexOf("/api/v1") + "/api/v1".length()),
                    Map.of("Idempotency-Key", "complete-m1"), "");
            assertThat(late.status()).as(late.body().toString()).isEqualTo(200);
            assertThat(late.body().get("callback").get("status").asString()).isEqualTo("EXPIRED");
            assertThat(late.body().get("callback").get("code").asString()).isEqualTo("PAYMENT_EXPIRED");
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("no order was made")
                    .isEqualTo(hash);
            server.bean(ProviderOutbox.class).drain();
            JsonNode view = server.get("/payments/" + payment).body();
            assertThat(view.get("refund").isNull()).as("refunded at the provider: " + view).isFalse();
            assertThat(server.get("/products/tea").body().get("stock").asInt()).as("not given back twice").isEqualTo(2);
            assertThat(buy(server, alice, "alice", "m3", "[{\"product\":\"tea\",\"quantity\":2}]").status())
                    .as("another buyer may have them").isEqualTo(201);
        }
    }

    /** Stock is taken by one conditional update: concurrent buyers of the last items never oversell. */
    @Test
    void concurrentBuyersNeverOversell() throws Exception {
        try (ServerHarness server = start()) {
            server.post("/operator/products", "tea-1", TEA);
            String alice = consumer(server, "alice");
            ExecutorService buyers = Executors.newFixedThreadPool(8);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String order = "c" + i;
                replies.add(buyers.submit(() -> buy(server, alice, "alice", order,
                        "[{\"product\":\"tea\",\"quantity\":1}]")));
            }
            int created = 0;
            for (Future<Reply> reply : replies) {
                created += reply.get().status() == 201 ? 1 : 0;
            }
            buyers.shutdown();
            assertThat(created).isEqualTo(3);
            assertThat(server.get("/products/tea").body().get("stock").asInt()).isEqualTo(0);
        }
    }
}
