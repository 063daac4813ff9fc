package org.zengzhi.server.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.JsonNode;

/**
 * The green-points API, run on H2 by GreenApiIT and on PostgreSQL by GreenApiPostgresIT (issue 20 items 1–3 and 6; issue 17 rules 2–6): the plan is plans/green-points.yaml
 * with both pools starting at 100 points, so a few orders start them. Time moves by ticks stamped in the future,
 * which the engine's clock follows (a command stamped earlier runs at the engine's time).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class GreenApiTests {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path temp;
    static ServerHarness server;
    static String amy;
    static String pam;
    static String shopOwner;
    static Instant now;
    static YearMonth appointedMonth;
    static Instant paid;

    /** Starts the economy on the database of {@code properties} (none: H2 in the temporary directory). */
    static void start(String... properties) throws Exception {
        GreenEconomy economy = new GreenEconomy(temp, properties);
        server = economy.server;
        now = economy.now;
        appointedMonth = economy.appointedMonth;
        paid = economy.paid;
        amy = server.login("amy", "amy-secret");
        pam = server.login("pam", "pam-secret");
        shopOwner = server.login("lee-shop", "lee-shop-secret");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void command(String key, String json) throws Exception {
        ServerHarness.Reply reply = server.post(key, json);
        assertThat(reply.status()).as(json + " → " + reply.body()).isEqualTo(200);
    }

    private static ServerHarness.Reply pay(String order, String user, String amount, String voucher) throws Exception {
        ServerHarness.Reply reply = server.post("pay-" + order, "{\"type\":\"pay\",\"id\":\"" + order + "\",\"user\":\""
                + user + "\",\"merchant\":\"shop\",\"amount\":\"" + amount + "\",\"channel\":\"store\""
                + (voucher == null ? "" : ",\"voucher\":\"" + voucher + "\"") + "}");
        assertThat(reply.status()).as(order + " → " + reply.body()).isEqualTo(200);
        return reply;
    }

    private static BigDecimal amount(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    @Test
    @Order(1)
    void consumerSeesLotsWithPeriodsCapAndTheDividendPaid_issue20Item1_issue17Rules2to4() throws Exception {
        ServerHarness.Reply reply = server.send(amy, "GET", "/me/green", null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode green = reply.body();
        assertThat(green.get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode lot = green.get("lots").get(0);
        assertThat(green.get("lots")).hasSize(1);
        assertThat(lot.get("periodsPaid").asInt()).as("the first dividend was paid").isEqualTo(1);
        assertThat(lot.get("periodsMax").asInt()).isEqualTo(40);
        // Rule 4: 0.5% of the lot per period, ⌊⌋; the cap is 5× the points.
        BigDecimal points = amount(lot, "points");
        assertThat(amount(lot, "cap")).isEqualByComparingTo(points.multiply(BigDecimal.valueOf(5)));
        assertThat(amount(lot, "vouchersPaid")).isEqualByComparingTo(
                points.multiply(new BigDecimal("0.005")).setScale(2, java.math.RoundingMode.FLOOR));
        assertThat(amount(green, "vouchers")).as("the wallet holds what the lot was paid")
                .isEqualByComparingTo(amount(lot, "vouchersPaid"));
        assertThat(amount(green, "greenPoints")).isEqualByComparingTo(points);
        assertThat(amount(green, "coins")).as("rule 5: coins at 10% of the points earned")
                .isEqualByComparingTo(points.multiply(new BigDecimal("0.10")));
        JsonNode consumerPool = green.get("pools").get(0);
        assertThat(consumerPool.get("pool").asString()).isEqualTo("CONSUMER");
        assertThat(consumerPool.get("dividendsPaid").asInt()).isEqualTo(1);
        assertThat(consumerPool.get("targetGrowthPpm").asLong()).isEqualTo(150_000);
        assertThat(consumerPool.get("growthPpm").asLong()).as("nothing earned since the dividend").isZero();
        // Rule 3: with no growth, the next dividend comes lateDays + 1 = 31 days after the first, in Beijing days.
        String firstDay = paid.plus(1, ChronoUnit.DAYS).atZone(SHANGHAI).toLocalDate().toString();
        assertThat(consumerPool.get("nextPayDay").asString()).isEqualTo(
                java.time.LocalDate.parse(firstDay).plusDays(31).toString());
        // The dividend history (read model): the first dividend, on its Beijing pay day, with what the lot got.
        assertThat(green.get("dividends")).hasSize(1);
        JsonNode dividend = green.get("dividends").get(0);
        assertThat(dividend.get("day").asString()).isEqualTo(firstDay);
        assertThat(dividend.get("pool").asString()).isEqualTo("CONSUMER");
        assertThat(dividend.get("period").asString()).isEqualTo("1");
        assertThat(dividend.get("rate").asString()).isEqualTo("0.5000%");
        assertThat(dividend.get("scale").asString()).isEqualTo("100.0000%");
        assertThat(amount(dividend, "vouchers")).isEqualByComparingTo(amount(lot, "vouchersPaid"));
    }

    @Test
    void operatorSeesEachPoolsDividendHistory_issue20Item6() throws Exception {
        JsonNode history = server.get("/operator/green").body().get("dividends");
        assertThat(history).hasSize(2);
        java.util.Set<String> pools = new java.util.HashSet<>();
        for (JsonNode row : history) {
            pools.add(row.get("pool").asString());
            assertThat(row.get("period").asInt()).isEqualTo(1);
            assertThat(row.get("growth").isNull()).as("a first dividend has no growth").isTrue();
            assertThat(row.get("day").asString()).isEqualTo(paid.plus(1, ChronoUnit.DAYS).atZone(SHANGHAI)
                    .toLocalDate().toString());
            assertThat(amount(row, "vouchers")).isPositive();
        }
        assertThat(pools).containsExactlyInAnyOrder("CONSUMER", "MERCHANT");
        JsonNode store = server.send(shopOwner, "GET", "/merchants/shop/green", null, null).body();
        JsonNode merchantRow = history.get(0).get("pool").asString().equals("MERCHANT") ? history.get(0) : history.get(1);
        assertThat(store.get("dividends")).hasSize(1);
        assertThat(amount(store.get("dividends").get(0), "vouchers")).as("the only store holds every merchant lot")
                .isEqualByComparingTo(amount(merchantRow, "vouchers"));
    }

    @Test
    @Order(2)
    void consumerPaysAStoreWithVouchersAndTheWalletShowsIt_issue20Item1_issue17Rule6() throws Exception {
        BigDecimal before = amount(server.send(amy, "GET", "/me/green", null, null).body(), "vouchers");
        assertThat(before).isPositive();
        pay("o3", "amy", "10.00", "0.50");
        BigDecimal after = amount(server.send(amy, "GET", "/me/green", null, null).body(), "vouchers");
        assertThat(after).isEqualByComparingTo(before.subtract(new BigDecimal("0.50")));
    }

    @Test
    @Order(3)
    void aStorePaymentThroughTheProviderTakesVouchersAndChargesTheRest_issue17Rule6() throws Exception {
        BigDecimal before = amount(server.send(amy, "GET", "/me/green", null, null).body(), "vouchers");
        ServerHarness.Reply tooMuch = server.post("/payments", java.util.Map.of("Idempotency-Key", "pv-0"),
                "{\"order\":\"pv0\",\"user\":\"amy\",\"merchant\":\"shop\",\"channel\":\"store\","
                        + "\"amount\":\"10.00\",\"voucher\":\"10.00\"}");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body().get("field").asString()).isEqualTo("voucher");
        ServerHarness.Reply created = server.post("/payments", java.util.Map.of("Idempotency-Key", "pv-1"),
                "{\"order\":\"pv1\",\"user\":\"amy\",\"merchant\":\"shop\",\"channel\":\"store\","
                        + "\"amount\":\"10.00\",\"voucher\":\"0.50\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("cash").asString()).as("the provider collects the rest").isEqualTo("9.50");
        String payUrl = created.body().get("payUrl").asString();
        ServerHarness.Reply done = server.post(payUrl.substring(payUrl.indexOf("/api/v1") + "/api/v1".length()),
                java.util.Map.of("Idempotency-Key", "pv-1-complete"), "");
        assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
        BigDecimal after = amount(server.send(amy, "GET", "/me/green", null, null).body(), "vouchers");
        assertThat(after).isEqualByComparingTo(before.subtract(new BigDecimal("0.50")));
    }

    @Test
    @Order(4)
    void aConsumerBuysInTheCoinMallThroughPayments_refusedWhenCoinsAreShort_issue17Rule6() throws Exception {
        BigDecimal before = amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins");
        assertThat(before).as("coins from amy's first order").isPositive();
        ServerHarness.Reply tooMany = server.send(amy, "POST", "/payments", "{\"order\":\"coin-0\",\"user\":\"amy\","
                + "\"merchant\":\"shop\",\"channel\":\"coin\",\"coins\":\"" + before.add(BigDecimal.ONE) + "\"}", "coin-0");
        assertThat(tooMany.status()).as(tooMany.body().toString()).isEqualTo(422);
        assertThat(tooMany.body().get("code").asString()).isEqualTo("INSUFFICIENT_COINS");
        assertThat(tooMany.body().get("field").asString()).isEqualTo("coins");
        assertThat(amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins")).isEqualByComparingTo(before);
        String body = "{\"order\":\"coin-1\",\"user\":\"amy\",\"merchant\":\"shop\",\"channel\":\"coin\",\"coins\":\"5.00\"}";
        ServerHarness.Reply paid = server.send(amy, "POST", "/payments", body, "coin-1");
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
        assertThat(paid.body().get("status").asString()).isEqualTo("PAID");
        ServerHarness.Reply again = server.send(amy, "POST", "/payments", body, "coin-1-retry");
        assertThat(again.status()).as("the same order answers its first answer").isEqualTo(200);
        assertThat(amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins"))
                .as("spent once").isEqualByComparingTo(before.subtract(new BigDecimal("5.00")));
        ServerHarness.Reply other = server.send(amy, "POST", "/payments", body.replace("5.00", "1.00"), "coin-1-other");
        assertThat(other.status()).as("another body for the order").isEqualTo(409);
        ServerHarness.Reply mixed = server.send(amy, "POST", "/payments", body.replace("\"coins\"", "\"amount\""), "coin-2");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body().get("field").asString()).isEqualTo("amount");
        ServerHarness.Reply forOther = server.send(amy, "POST", "/payments", body.replace("amy", "zed"), "coin-3");
        assertThat(forOther.status()).as("R-8.4: a consumer pays only for themselves").isEqualTo(403);
    }

    /**
     * Issue 20 item 1: coin-mall products in the catalogue. The operator lists a product priced in coins; the
     * consumer buys 2 by naming it (the server computes the coins), coins and stock move once, a retry answers the
     * first result, and coins short or stock short are refused naming the field with nothing changed.
     */
    @Test
    @Order(5)
    void aConsumerBuysACoinMallProduct_stockAndCoinsMoveOnce_issue20Item1_issue17Rule6() throws Exception {
        ServerHarness.Reply listed = server.post("/operator/products", "coin-cup", "{\"product\":\"coin-cup\","
                + "\"name\":\"竹杯\",\"coinPrice\":\"0.10\",\"merchant\":\"shop\",\"stock\":3,"
                + "\"images\":[\"https://img.example/cup.png\"]}");
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
        assertThat(listed.body().get("coinPrice").asString()).isEqualTo("0.10");
        assertThat(listed.body().has("price")).as("never sold for cash").isFalse();
        ServerHarness.Reply pricey = server.post("/operator/products", "coin-pot", "{\"product\":\"coin-pot\","
                + "\"name\":\"金壶\",\"coinPrice\":\"900000.00\",\"merchant\":\"shop\",\"stock\":5}");
        assertThat(pricey.status()).as(pricey.body().toString()).isEqualTo(201);
        ServerHarness.Reply both = server.post("/operator/products", "coin-bad", "{\"product\":\"coin-bad\","
                + "\"name\":\"x\",\"coinPrice\":\"1.00\",\"price\":\"1.00\",\"merchant\":\"shop\",\"stock\":1}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("field").asString()).isEqualTo("price");

        BigDecimal before = amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins");
        assertThat(before).as("amy holds enough for 2 cups").isGreaterThanOrEqualTo(new BigDecimal("0.20"));
        String buy = "{\"order\":\"cup-1\",\"user\":\"amy\",\"channel\":\"coin\","
                + "\"items\":[{\"product\":\"coin-cup\",\"quantity\":2}]}";
        ServerHarness.Reply bought = server.send(amy, "POST", "/payments", buy, "cup-1");
        assertThat(bought.status()).as(bought.body().toString()).isEqualTo(200);
        assertThat(bought.body().get("coins").asString()).as("2 × 0.10, computed by the server").isEqualTo("0.20");
        assertThat(bought.body().get("merchant").asString()).isEqualTo("shop");
        ServerHarness.Reply retry = server.send(amy, "POST", "/payments", buy, "cup-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).as("a retry answers the first result").isEqualTo(bought.body());
        assertThat(amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins"))
                .as("spent once").isEqualByComparingTo(before.subtract(new BigDecimal("0.20")));
        assertThat(server.send(amy, "GET", "/products/coin-cup", null, null).body().get("stock").asLong())
                .as("taken once").isEqualTo(1);

        ServerHarness.Reply noStock = server.send(amy, "POST", "/payments", buy.replace("cup-1", "cup-2"), "cup-2");
        assertThat(noStock.status()).as(noStock.body().toString()).isEqualTo(422);
        assertThat(noStock.body().get("code").asString()).isEqualTo("OUT_OF_STOCK");
        assertThat(noStock.body().get("field").asString()).isEqualTo("items[0].quantity");

        ServerHarness.Reply shortCoins = server.send(amy, "POST", "/payments", "{\"order\":\"pot-1\",\"user\":\"amy\","
                + "\"channel\":\"coin\",\"items\":[{\"product\":\"coin-pot\",\"quantity\":1}]}", "pot-1");
        assertThat(shortCoins.status()).as(shortCoins.body().toString()).isEqualTo(422);
        assertThat(shortCoins.body().get("code").asString()).isEqualTo("INSUFFICIENT_COINS");
        assertThat(shortCoins.body().get("field").asString()).isEqualTo("coins");
        assertThat(server.send(amy, "GET", "/products/coin-pot", null, null).body().get("stock").asLong())
                .as("nothing taken").isEqualTo(5);
        assertThat(amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins"))
                .isEqualByComparingTo(before.subtract(new BigDecimal("0.20")));

        ServerHarness.Reply asCash = server.send(amy, "POST", "/payments", "{\"order\":\"cup-cash\",\"user\":\"amy\","
                + "\"channel\":\"mall\",\"items\":[{\"product\":\"coin-cup\",\"quantity\":1}]}", "cup-cash");
        assertThat(asCash.status()).isEqualTo(422);
        assertThat(asCash.body().get("field").asString()).isEqualTo("items[0].product");
        JsonNode all = server.get("/products").body();
        assertThat(all.findValuesAsString("product")).contains("coin-cup", "coin-pot");
    }

    private static long stock(String product) throws Exception {
        return server.send(amy, "GET", "/products/" + product, null, null).body().get("stock").asLong();
    }

    private static BigDecimal coins() throws Exception {
        return amount(server.send(amy, "GET", "/me/green", null, null).body(), "coins");
    }

    /**
     * Issue 20 item 1 with issue 17 rule 6: a coin-mall order is an order. The store refunds it through the refund
     * path of every order (the buyer may not): the coins go back to the buyer and the product to stock, once; a
     * second refund is ALREADY_REFUNDED and changes nothing; a retry under the key answers the first result.
     */
    @Test
    @Order(6)
    void theStoreRefundsACoinMallOrder_coinsAndStockComeBackOnce_issue20Item1() throws Exception {
        assertThat(server.post("/operator/products", "coin-tea", "{\"product\":\"coin-tea\",\"name\":\"茶包\","
                + "\"coinPrice\":\"0.01\",\"merchant\":\"shop\",\"stock\":2}").status()).isEqualTo(201);
        BigDecimal before = coins();
        ServerHarness.Reply bought = server.send(amy, "POST", "/payments", "{\"order\":\"tea-c1\",\"user\":\"amy\","
                + "\"channel\":\"coin\",\"items\":[{\"product\":\"coin-tea\",\"quantity\":2}]}", "tea-c1");
        assertThat(bought.status()).as(bought.body().toString()).isEqualTo(200);
        assertThat(stock("coin-tea")).isZero();
        assertThat(coins()).isEqualByComparingTo(before.subtract(new BigDecimal("0.02")));

        ServerHarness.Reply byBuyer = server.send(amy, "POST", "/orders/tea-c1/refund", "", "refund-tea-amy");
        assertThat(byBuyer.status()).as("the buyer does not refund").isEqualTo(403);
        ServerHarness.Reply refunded = server.send(shopOwner, "POST", "/orders/tea-c1/refund", "", "refund-tea-c1");
        assertThat(refunded.status()).as(refunded.body().toString()).isEqualTo(200);
        assertThat(coins()).as("the coins are back").isEqualByComparingTo(before);
        assertThat(stock("coin-tea")).as("the products are back in stock").isEqualTo(2);

        ServerHarness.Reply retry = server.send(shopOwner, "POST", "/orders/tea-c1/refund", "", "refund-tea-c1");
        assertThat(retry.body()).as("a retry under the key: the first answer").isEqualTo(refunded.body());
        ServerHarness.Reply twice = server.post("/orders/tea-c1/refund", "refund-tea-c1-again", "");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body().get("code").asString()).isEqualTo("ALREADY_REFUNDED");
        assertThat(coins()).isEqualByComparingTo(before);
        assertThat(stock("coin-tea")).as("given back once").isEqualTo(2);
        assertThat(server.post("/orders/no-such-order/refund", "refund-none", "").status()).isEqualTo(404);
    }

    /**
     * Issue 20 item 1: the stock of a coin-mall purchase is taken with the PayOrder's journal row. A purchase the
     * engine refuses (an id a store order has: ids are one space) takes none; the same purchase sent many times at
     * once takes it once; many buyers of the last items never oversell.
     */
    @Test
    @Order(7)
    void aRefusedCoinPurchaseTakesNoStock_andConcurrentBuyersTakeItOnce_issue20Item1() throws Exception {
        assertThat(server.post("/operator/products", "coin-pen", "{\"product\":\"coin-pen\",\"name\":\"笔\","
                + "\"coinPrice\":\"0.01\",\"merchant\":\"shop\",\"stock\":3}").status()).isEqualTo(201);
        BigDecimal before = coins();
        ServerHarness.Reply reused = server.send(amy, "POST", "/payments", "{\"order\":\"o1\",\"user\":\"amy\","
                + "\"channel\":\"coin\",\"items\":[{\"product\":\"coin-pen\",\"quantity\":1}]}", "pen-o1");
        assertThat(reused.status()).as(reused.body().toString()).isEqualTo(422);
        assertThat(reused.body().get("code").asString()).as("o1 is amy's store order").isEqualTo("DUPLICATE_ORDER");
        assertThat(stock("coin-pen")).as("nothing taken").isEqualTo(3);

        String once = "{\"order\":\"pen-1\",\"user\":\"amy\",\"channel\":\"coin\","
                + "\"items\":[{\"product\":\"coin-pen\",\"quantity\":1}]}";
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<ServerHarness.Reply>> same = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                same.add(senders.submit(() -> server.send(amy, "POST", "/payments", once, "pen-1")));
            }
            for (Future<ServerHarness.Reply> reply : same) {
                assertThat(reply.get().status()).as(reply.get().body().toString()).isEqualTo(200);
            }
            assertThat(stock("coin-pen")).as("taken once").isEqualTo(2);
            List<Future<ServerHarness.Reply>> many = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String order = "pen-m" + i;
                many.add(senders.submit(() -> server.send(amy, "POST", "/payments", once.replace("pen-1", order),
                        order)));
            }
            int sold = 0;
            for (Future<ServerHarness.Reply> reply : many) {
                ServerHarness.Reply answer = reply.get();
                if (answer.status() == 200) {
                    sold++;
                } else {
                    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(422);
                    assertThat(answer.body().get("code").asString()).isEqualTo("OUT_OF_STOCK");
                }
            }
            assertThat(sold).as("the 2 left, no more").isEqualTo(2);
        } finally {
            senders.shutdown();
        }
        assertThat(stock("coin-pen")).isZero();
        assertThat(coins()).as("3 pens paid").isEqualByComparingTo(before.subtract(new BigDecimal("0.03")));
    }

    @Test
    void storeSeesItsOwnGreenAndOnlyItsOwn_issue20Item2_R8_4() throws Exception {
        ServerHarness.Reply reply = server.send(shopOwner, "GET", "/merchants/shop/green", null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode green = reply.body();
        assertThat(green.get("boundCustomerSharePpm").asLong()).isEqualTo(50_000);
        assertThat(green.get("lots").size()).isPositive();
        assertThat(amount(green, "vouchers")).as("own dividend and 5% of bound customers' points").isPositive();
        ServerHarness.Reply other = server.send(amy, "GET", "/merchants/shop/green", null, null);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body().get("field").asString()).isEqualTo("id");
        assertThat(server.send(shopOwner, "GET", "/merchants/nowhere/green", null, null).status()).isEqualTo(404);
    }

    @Test
    void operatorSeesPoolsCoverageAndBoard_andConsumersMayNot_issue20Item6() throws Exception {
        JsonNode green = server.get("/operator/green").body();
        assertThat(green.get("pools")).hasSize(2);
        BigDecimal vouchers = amount(green, "vouchersOutstanding");
        BigDecimal coins = amount(green, "coinsOutstanding");
        BigDecimal cash = amount(green, "settlementCentre");
        assertThat(vouchers).isPositive();
        long expected = cash.multiply(BigDecimal.valueOf(1_000_000)).divide(vouchers.add(coins), 0,
                java.math.RoundingMode.FLOOR).longValueExact();
        assertThat(green.get("coveragePpm").asLong()).isEqualTo(expected);
        assertThat(green.get("promoters").get(0).get("user").asString()).isEqualTo("pam");
        assertThat(server.send(amy, "GET", "/operator/green", null, null).status()).isEqualTo(403);
        assertThat(server.send(amy, "POST", "/operator/green/month-close", "{\"month\":\"2026-01\"}", "x").status())
                .isEqualTo(403);
    }

    @Test
    void postsNeedAnIdempotencyKeyAndNameTheField() throws Exception {
        ServerHarness.Reply noKey = server.post("/operator/green/promoters", (String) null, "{\"user\":\"zed\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body().get("field").asString()).isEqualTo("Idempotency-Key");
        ServerHarness.Reply badMonth = server.post("/operator/green/month-close", "close-bad", "{\"month\":\"13/2026\"}");
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.body().get("field").asString()).isEqualTo("month");
        ServerHarness.Reply noUser = server.post("/operator/green/promoters", "appoint-none", "{\"coach\":\"pam\"}");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.body().get("field").asString()).isEqualTo("user");
        ServerHarness.Reply zed = server.post("/operator/green/promoters", "appoint-zed", "{\"user\":\"zed\",\"coach\":\"pam\"}");
        assertThat(zed.status()).as(zed.body().toString()).isEqualTo(200);
        ServerHarness.Reply again = server.post("/operator/green/promoters", "appoint-zed", "{\"user\":\"zed\",\"coach\":\"pam\"}");
        assertThat(again.status()).as("a retry gets the first answer").isEqualTo(200);
        assertThat(again.body()).isEqualTo(zed.body());
        assertThat(server.post("/operator/green/promoters", "appoint-zed", "{\"user\":\"zed\"}").status())
                .as("the same key for another request").isEqualTo(409);
        assertThat(server.send(pam, "GET", "/me/promoter", null, null).body().get("coachees").get(0).get("user")
                .asString()).as("the coaching tree").isEqualTo("zed");
        ServerHarness.Reply twice = server.post("/operator/green/promoters", "appoint-pam-2", "{\"user\":\"pam\"}");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body().get("field").asString()).isEqualTo("user");
        assertThat(twice.body().get("code").asString()).isEqualTo("ALREADY_PROMOTER");
    }

    @Test
    @Order(99)
    void aPromotersMonthCloses_issue20Item3_issue17Rule9() throws Exception {
        JsonNode before = server.send(pam, "GET", "/me/promoter", null, null).body();
        assertThat(before.get("promoter").asBoolean()).isTrue();
        assertThat(before.get("month").asString()).isEqualTo(appointedMonth.toString());
        YearMonth orderMonth = YearMonth.from(paid.atZone(SHANGHAI));
        assertThat(server.send(amy, "GET", "/me/promoter", null, null).body().get("promoter").asBoolean()).isFalse();
        ServerHarness.Reply early = server.post("/operator/green/month-close", "close-0",
                "{\"month\":\"" + appointedMonth.plusMonths(1) + "\"}");
        assertThat(early.status()).as("this month is not over").isEqualTo(422);
        ServerHarness.Reply close = server.post("/operator/green/month-close", "close-1",
                "{\"month\":\"" + appointedMonth + "\"}");
        assertThat(close.status()).as(close.body().toString()).isEqualTo(200);
        JsonNode after = server.send(pam, "GET", "/me/promoter", null, null).body();
        assertThat(after.get("month").asString()).isEqualTo(appointedMonth.plusMonths(1).toString());
        // pam's metric is the 让利 of the recruited store, in the month of the orders.
        assertThat(amount(orderMonth.equals(appointedMonth) ? before : after, "metric")).isPositive();
        assertThat(server.get("/operator/green").body().get("monthToClose").asString())
                .isEqualTo(appointedMonth.plusMonths(1).toString());
        JsonNode income = after.get("income");
        assertThat(income).as("the closed month in pam's income").hasSize(1);
        assertThat(income.get(0).get("month").asString()).isEqualTo(appointedMonth.toString());
        BigDecimal metric = amount(income.get(0), "metric");
        assertThat(metric).isEqualByComparingTo(orderMonth.equals(appointedMonth) ? amount(before, "metric")
                : BigDecimal.ZERO);
        assertThat(amount(income.get(0), "personal")).as("6% of the metric at 初级商务").isEqualByComparingTo(
                metric.multiply(new BigDecimal("0.06")).setScale(2, java.math.RoundingMode.FLOOR));
        assertThat(amount(income.get(0), "total")).isEqualByComparingTo(amount(income.get(0), "personal")
                .add(amount(income.get(0), "coaching")).add(amount(income.get(0), "subsidy")));
    }
}
