package org.zengzhi.server.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

import tools.jackson.databind.JsonNode;

/**
 * The four-party API on H2 (issue 20 items 1–3 and 5; issue 18 rules 1–4, 6; ):
 * the operator registers two suppliers with logins, one lists a product, consumers pay it, time passes past the
 * 30 + 7 days, and the consumer redeems and transfers the 贡献值 the settlement paid. {@link PostgresPartyApiIT}
 * runs the same on PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartyApiIT {
    @TempDir
    static Path temp;
    static PartyEconomy economy;
    static ServerHarness server;
    static String amy;
    static String bob;
    static String pam;
    static String cy;
    static String farm;
    static String mill;

    @BeforeAll
    static void start() throws Exception {
        startOn(TestDatabases.h2(temp.resolve("data")));
    }

    static void startOn(String... database) throws Exception {
        economy = new PartyEconomy(temp, database);
        server = economy.server;
        amy = economy.login("amy");
        bob = economy.login("bob");
        pam = economy.login("pam");
        cy = economy.login("cy");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static BigDecimal amount(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    private static ServerHarness.Reply pay(String token, String key, String product, String device, String extra)
            throws Exception {
        return server.send(token, "POST", "/me/party/orders", "{\"product\":\"" + product + "\",\"device\":\"" + device
                + "\"" + extra + "}", key);
    }

    /** The customer pays the intent's cash at the sandbox: the sandbox's signed callback pays the order. */
    private static ServerHarness.Reply complete(String token, JsonNode intent, String key) throws Exception {
        return server.send(token, "POST", "/payments/sandbox/" + intent.get("providerTransaction").asString()
                + "/complete", null, key);
    }

    /** The caller's four-party order as its wallet shows it, or null when there is no such order. */
    private static JsonNode order(String token, String order) throws Exception {
        for (JsonNode row : server.send(token, "GET", "/me/party", null, null).body().get("orders")) {
            if (row.get("order").asString().equals(order)) {
                return row;
            }
        }
        return null;
    }

    /** Pays an order through the sandbox (intent, then the customer pays) and answers the paid order. */
    private static JsonNode payThrough(String token, String key, String product, String device, String extra)
            throws Exception {
        ServerHarness.Reply intent = pay(token, key, product, device, extra);
        assertThat(intent.status()).as(intent.body().toString()).isEqualTo(201);
        ServerHarness.Reply paid = complete(token, intent.body(), "complete-" + key);
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
        assertThat(paid.body().get("callback").get("status").asString()).as(paid.body().toString()).isEqualTo("PAID");
        return order(token, intent.body().get("order").asString());
    }

    /** The payment of an intent as its payer reads it. */
    private static JsonNode payment(String token, JsonNode intent) throws Exception {
        return server.send(token, "GET", "/payments/" + intent.get("payment").asString(), null, null).body();
    }

    @Test
    @Order(1)
    void operatorRegistersSuppliersWithLogins_retriesAnswerTheFirst_issue20Item1() throws Exception {
        String body = "{\"supplier\":\"farm\",\"username\":\"farm-owner\",\"password\":\"Tea-Hills-Spring-88\","
                + "\"baseline\":\"10000.00\",\"deposit\":\"5000.00\"}";
        ServerHarness.Reply created = server.post("/operator/suppliers", "sup-farm", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("deposit").asString()).isEqualTo("5000.00");
        ServerHarness.Reply again = server.post("/operator/suppliers", "sup-farm", body);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(created.body());
        assertThat(server.post("/operator/suppliers", "sup-farm", body.replace("5000.00", "6000.00")).status())
                .as("the same key for another request").isEqualTo(409);
        ServerHarness.Reply mill = server.post("/operator/suppliers", "sup-mill", "{\"supplier\":\"mill\",\"username\":"
                + "\"mill-owner\",\"password\":\"Flour-Stone-Wheel-77\"}");
        assertThat(mill.status()).as(mill.body().toString()).isEqualTo(201);
        farm = server.login("farm-owner", "Tea-Hills-Spring-88");
        PartyApiIT.mill = server.login("mill-owner", "Flour-Stone-Wheel-77");
        JsonNode view = server.send(farm, "GET", "/suppliers/farm", null, null).body();
        assertThat(view.get("deposit").asString()).isEqualTo("5000.00");
        assertThat(view.get("login").asString()).isEqualTo("farm-owner");
        assertThat(view.get("prepay").asString()).isEqualTo("30%");
    }

    @Test
    @Order(2)
    void registrationNamesTheBadFieldAndIsTheOperators() throws Exception {
        ServerHarness.Reply badName = server.post("/operator/suppliers", "sup-x1", "{\"supplier\":\"x\",\"username\":"
                + "\"a b\",\"password\":\"Tea-Hills-Spring-88\"}");
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().get("field").asString()).isEqualTo("username");
        ServerHarness.Reply badDeposit = server.post("/operator/suppliers", "sup-x2", "{\"supplier\":\"x\",\"username\":"
                + "\"x-owner\",\"password\":\"Tea-Hills-Spring-88\",\"deposit\":\"lots\"}");
        assertThat(badDeposit.status()).isEqualTo(400);
        assertThat(badDeposit.body().get("field").asString()).isEqualTo("deposit");
        ServerHarness.Reply taken = server.post("/operator/suppliers", "sup-x3", "{\"supplier\":\"x\",\"username\":"
                + "\"amy\",\"password\":\"Tea-Hills-Spring-88\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().get("field").asString()).isEqualTo("username");
        ServerHarness.Reply twice = server.post("/operator/suppliers", "sup-x4", "{\"supplier\":\"farm\",\"username\":"
                + "\"farm-two\",\"password\":\"Tea-Hills-Spring-88\"}");
        assertThat(twice.status()).as("the engine refuses a second farm").isEqualTo(422);
        assertThat(twice.body().get("field").asString()).isEqualTo("supplier");
        assertThat(server.send(amy, "POST", "/operator/suppliers", "{\"supplier\":\"y\",\"username\":\"y-owner\","
                + "\"password\":\"Tea-Hills-Spring-88\"}", "sup-y").status()).isEqualTo(403);
        assertThat(server.send(null, "POST", "/auth/login", "{\"username\":\"farm-two\",\"password\":"
                + "\"Tea-Hills-Spring-88\"}", null).status()).as("no login for a refused supplier").isEqualTo(401);
    }

    @Test
    @Order(3)
    void supplierListsAProductInTheCatalogueAndTheEngine_issue20Item2_R7_2() throws Exception {
        String tea = "{\"product\":\"tea-1\",\"name\":\"明前龙井 250g\",\"price\":\"100.00\",\"cost\":\"30.00\",\"stock\":10}";
        ServerHarness.Reply listed = server.send(farm, "POST", "/suppliers/farm/products", tea, "list-tea");
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
        assertThat(server.send(farm, "POST", "/suppliers/farm/products", tea, "list-tea").body()).isEqualTo(listed.body());
        ServerHarness.Reply badPrice = server.send(farm, "POST", "/suppliers/farm/products",
                tea.replace("\"100.00\"", "\"-1\""), "list-bad");
        assertThat(badPrice.status()).isEqualTo(400);
        assertThat(badPrice.body().get("field").asString()).isEqualTo("price");
        JsonNode product = server.send(farm, "GET", "/suppliers/farm", null, null).body().get("products").get(0);
        assertThat(product.get("product").asString()).isEqualTo("tea-1");
        assertThat(product.get("name").asString()).isEqualTo("明前龙井 250g");
        assertThat(product.get("price").asString()).isEqualTo("100.00");
        assertThat(product.get("stock").asLong()).isEqualTo(10);
        assertThat(server.send(amy, "GET", "/products/tea-1", null, null).body().get("name").asString())
                .as("one product in the catalogue").isEqualTo("明前龙井 250g");
        ServerHarness.Reply mall = server.send(amy, "POST", "/payments", "{\"order\":\"m1\",\"user\":\"amy\","
                + "\"channel\":\"mall\",\"items\":[{\"product\":\"tea-1\",\"quantity\":1}]}", "mall-tea");
        assertThat(mall.status()).as("not on the mall split: " + mall.body()).isEqualTo(422);
        assertThat(mall.body().get("field").asString()).isEqualTo("items[0].product");
        assertThat(mall.body().get("code").asString()).isEqualTo("SUPPLIER_PRODUCT");
        // Issue 19 item 1: the supplier manages its own product's stock, once per key.
        ServerHarness.Reply restock = server.send(farm, "POST", "/suppliers/farm/products/tea-1/changes",
                "{\"addStock\":5}", "restock-tea");
        assertThat(restock.status()).as(restock.body().toString()).isEqualTo(200);
        assertThat(restock.body().get("stock").asLong()).isEqualTo(15);
        assertThat(server.send(farm, "POST", "/suppliers/farm/products/tea-1/changes", "{\"addStock\":5}",
                "restock-tea").body()).isEqualTo(restock.body());
        assertThat(server.send(farm, "POST", "/suppliers/farm/products/tea-1/changes", "{\"addStock\":-5}",
                "writeoff-tea").body().get("stock").asLong()).isEqualTo(10);
        assertThat(server.send(farm, "POST", "/suppliers/farm/products/nothing/changes", "{\"addStock\":1}",
                "restock-nothing").status()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void anotherSupplierOrAConsumerIsRefusedOnEveryIdTakingEndpoint_R8_4() throws Exception {
        for (String token : new String[] {mill, amy}) {
            ServerHarness.Reply read = server.send(token, "GET", "/suppliers/farm", null, null);
            assertThat(read.status()).isEqualTo(403);
            assertThat(read.body().get("field").asString()).isEqualTo("id");
            assertThat(server.send(token, "POST", "/suppliers/farm/products", "{\"product\":\"p\",\"name\":\"n\","
                    + "\"price\":\"1.00\"}", "steal-list").status()).isEqualTo(403);
            assertThat(server.send(token, "POST", "/suppliers/farm/token-redemptions", "{\"item\":\"feeDiscount\"}",
                    "steal-tokens").status()).isEqualTo(403);
            assertThat(server.send(token, "POST", "/suppliers/farm/products/tea-1/changes", "{\"addStock\":-10}",
                    "steal-stock").status()).isEqualTo(403);
        }
        assertThat(server.get("/suppliers/farm").status()).as("operators see every supplier").isEqualTo(200);
        assertThat(server.get("/suppliers/nowhere").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void consumerPaysThroughTheProviderAndTheSupplierSeesThePrepayment_issue18Rule1_issue19Item4() throws Exception {
        ServerHarness.Reply intent = pay(amy, "amy-pay-1", "tea-1", "phone-amy", ",\"promoter\":\"pam\"");
        assertThat(intent.status()).as(intent.body().toString()).isEqualTo(201);
        assertThat(intent.body().get("status").asString()).isEqualTo("CREATED");
        assertThat(intent.body().get("amount").asString()).as("the listed price, computed by the server").isEqualTo("100.00");
        assertThat(intent.body().get("payUrl").asString()).contains("/payments/sandbox/");
        ServerHarness.Reply retry = pay(amy, "amy-pay-1", "tea-1", "phone-amy", ",\"promoter\":\"pam\"");
        assertThat(retry.body()).as("a retry answers the first intent").isEqualTo(intent.body());
        assertThat(pay(amy, "amy-pay-1", "tea-1", "phone-amy", "").status()).as("the key with another order")
                .isEqualTo(409);
        String orderId = intent.body().get("order").asString();
        assertThat(order(amy, orderId)).as("no order before the provider says paid").isNull();
        assertThat(server.send(farm, "GET", "/suppliers/farm", null, null).body().get("cash").asString())
                .isEqualTo("0.00");

        ServerHarness.Reply paid = complete(amy, intent.body(), "amy-complete-1");
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
        assertThat(paid.body().get("callback").get("status").asString()).isEqualTo("PAID");
        ServerHarness.Reply again = complete(amy, intent.body(), "amy-complete-2");
        assertThat(again.body().get("callback").get("status").asString()).as("a second callback, a new delivery").isEqualTo("PAID");
        assertThat(complete(bob, intent.body(), "bob-complete-x").status()).as("only the payer pays").isEqualTo(404);
        JsonNode order = order(amy, orderId);
        assertThat(order.get("amount").asString()).isEqualTo("100.00");
        // 30% of the supplier's 55% share of 100.00.
        assertThat(order.get("prepaid").asString()).isEqualTo("16.50");
        assertThat(order.get("risk").asString()).isEqualTo("CLEAR");
        assertThat(payment(amy, intent.body()).get("status").asString()).isEqualTo("PAID");
        JsonNode farmView = server.send(farm, "GET", "/suppliers/farm", null, null).body();
        assertThat(farmView.get("cash").asString()).as("the callback twice applied once").isEqualTo("16.50");
        assertThat(farmView.get("products").get(0).get("stock").asLong()).as("one taken, once").isEqualTo(9);
        assertThat(farmView.get("orders")).hasSize(1);
        JsonNode supplierOrder = farmView.get("orders").get(0);
        assertThat(supplierOrder.get("order").asString()).isEqualTo(orderId);
        assertThat(supplierOrder.get("status").asString()).isEqualTo("PAID");
        assertThat(supplierOrder.get("prepaid").asString()).isEqualTo("16.50");
        assertThat(farmView.get("totals").get("PAID").get("prepaid").asString()).isEqualTo("16.50");
        ServerHarness.Reply tooMuchContrib = pay(amy, "amy-pay-c", "tea-1", "phone-amy", ",\"contrib\":\"1.00\"");
        assertThat(tooMuchContrib.status()).as("checked before any intent exists").isEqualTo(422);
        assertThat(tooMuchContrib.body().get("field").asString()).isEqualTo("contrib");
        assertThat(tooMuchContrib.body().get("code").asString()).isEqualTo("INSUFFICIENT_CONTRIB");
        ServerHarness.Reply noPromoter = pay(amy, "amy-pay-p", "tea-1", "phone-amy", ",\"promoter\":\"nobody\"");
        assertThat(noPromoter.status()).isEqualTo(422);
        assertThat(noPromoter.body().get("field").asString()).isEqualTo("promoter");
        ServerHarness.Reply noDevice = pay(amy, "amy-pay-x", "tea-1", "", "");
        assertThat(noDevice.status()).isEqualTo(400);
        assertThat(noDevice.body().get("field").asString()).isEqualTo("device");
        ServerHarness.Reply unknown = pay(amy, "amy-pay-y", "nothing", "phone-amy", "");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("field").asString()).isEqualTo("product");
        assertThat(pay(amy, null, "tea-1", "phone-amy", "").body().get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    @Order(6)
    void theFourthOrderFromOneIpIsHeldForReview_issue18Rule6_R7_4() throws Exception {
        // Every test request comes from 127.0.0.1: amy's order was the first from it, so bob's third is the 4th.
        for (int i = 1; i <= 3; i++) {
            JsonNode paid = payThrough(bob, "bob-pay-" + i, "tea-1", "tablet-" + i, "");
            assertThat(paid.get("risk").asString()).isEqualTo(i == 3 ? "IP" : "CLEAR");
        }
        ServerHarness.Reply unpaid = pay(bob, "bob-pay-unpaid", "tea-1", "tablet-9", "");
        assertThat(unpaid.status()).as(unpaid.body().toString()).isEqualTo(201);
        JsonNode orders = server.send(bob, "GET", "/me/party", null, null).body().get("orders");
        assertThat(orders).as("an intent never paid leaves no order").hasSize(3);
        assertThat(payment(bob, unpaid.body()).get("status").asString()).isEqualTo("CREATED");
        assertThat(orders.get(0).get("underReview").asBoolean()).as("newest first: the 4th is 待审核").isTrue();
        assertThat(orders.get(1).get("underReview").asBoolean()).isFalse();
    }

    @Test
    @Order(7)
    void aRefundBeforeSettlementClawsThePrepaymentBackAndRefundsAtTheProvider_issue20Item3() throws Exception {
        ServerHarness.Reply intent = pay(cy, "cy-pay-1", "tea-1", "phone-cy", "");
        assertThat(complete(cy, intent.body(), "cy-complete-1").status()).isEqualTo(200);
        String orderId = intent.body().get("order").asString();
        String cashBefore = server.send(farm, "GET", "/suppliers/farm", null, null).body().get("cash").asString();
        assertThat(server.send(amy, "POST", "/me/party/orders/" + orderId + "/refund", null, "amy-refund-cy").status())
                .as("only the buyer asks").isEqualTo(404);
        ServerHarness.Reply refunded = server.send(cy, "POST", "/me/party/orders/" + orderId + "/refund", null,
                "cy-refund-1");
        assertThat(refunded.status()).as(refunded.body().toString()).isEqualTo(200);
        assertThat(refunded.body().get("clawedBack").asString()).isEqualTo("16.50");
        assertThat(refunded.body().get("cashRefunded").asString()).isEqualTo("100.00");
        assertThat(server.send(cy, "POST", "/me/party/orders/" + orderId + "/refund", null, "cy-refund-1").body())
                .as("a retry answers the first").isEqualTo(refunded.body());
        ServerHarness.Reply twice = server.send(cy, "POST", "/me/party/orders/" + orderId + "/refund", null,
                "cy-refund-2");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body().get("code").asString()).isEqualTo("ALREADY_REFUNDED");
        assertThat(new BigDecimal(server.send(farm, "GET", "/suppliers/farm", null, null).body().get("cash").asString()))
                .isEqualByComparingTo(new BigDecimal(cashBefore).subtract(new BigDecimal("16.50")));
        assertThat(order(cy, orderId).get("status").asString()).isEqualTo("REFUNDED");
        JsonNode payment = refundedAtProvider(cy, intent.body());
        assertThat(payment.get("refund").get("amount").asString()).isEqualTo("100.00");
    }

    /** The payment once the provider outbox has refunded it (it runs after the commit, on its own thread). */
    private static JsonNode refundedAtProvider(String token, JsonNode intent) throws Exception {
        JsonNode payment = payment(token, intent);
        for (int i = 0; i < 100 && payment.get("refund").isNull(); i++) {
            server.bean(org.zengzhi.server.payment.ProviderOutbox.class).drain();
            Thread.sleep(50);
            payment = payment(token, intent);
        }
        assertThat(payment.get("refund").isNull()).as(payment.toString()).isFalse();
        return payment;
    }

    @Test
    @Order(14)
    void aSettledOrderIsNotRefunded_issue20Item3() throws Exception {
        JsonNode settled = server.send(amy, "GET", "/me/party", null, null).body().get("orders").get(0);
        assertThat(settled.get("status").asString()).isEqualTo("SETTLED");
        ServerHarness.Reply refused = server.send(amy, "POST", "/me/party/orders/" + settled.get("order").asString()
                + "/refund", null, "amy-refund-1");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("code").asString()).isEqualTo("ALREADY_SETTLED");
        assertThat(refused.body().get("field").asString()).isEqualTo("order");
        assertThat(order(amy, settled.get("order").asString()).get("status").asString()).isEqualTo("SETTLED");
    }

    @Test
    @Order(11)
    void afterSettlementTheConsumerRedeemsAndTransfers贡献值WithTheFee_R7_1() throws Exception {
        economy.passTime("after-37-days", Duration.ofDays(38));
        JsonNode wallet = server.send(amy, "GET", "/me/party", null, null).body();
        assertThat(wallet.get("contrib").asString()).as("8% of 100.00").isEqualTo("8.00");
        assertThat(wallet.get("history").get(0).get("kind").asString()).isEqualTo("REBATE");
        assertThat(wallet.get("orders").get(0).get("status").asString()).isEqualTo("SETTLED");
        ServerHarness.Reply redeemed = server.send(amy, "POST", "/me/party/contrib/redemptions", "{\"amount\":\"3.00\"}",
                "amy-redeem-1");
        assertThat(redeemed.status()).as(redeemed.body().toString()).isEqualTo(200);
        assertThat(server.send(amy, "POST", "/me/party/contrib/redemptions", "{\"amount\":\"3.00\"}", "amy-redeem-1")
                .body()).as("a retry redeems nothing more").isEqualTo(redeemed.body());
        JsonNode quote = server.send(amy, "GET", "/me/party/contrib/transfer-quote?amount=5.00", null, null).body();
        assertThat(quote.get("fee").asString()).isEqualTo("0.05");
        assertThat(quote.get("received").asString()).isEqualTo("4.95");
        ServerHarness.Reply tooMuch = server.send(amy, "POST", "/me/party/contrib/transfers",
                "{\"to\":\"bob\",\"amount\":\"5.01\"}", "amy-transfer-0");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().get("field").asString()).isEqualTo("amount");
        ServerHarness.Reply badAmount = server.send(amy, "POST", "/me/party/contrib/transfers",
                "{\"to\":\"bob\",\"amount\":\"five\"}", "amy-transfer-x");
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.body().get("field").asString()).isEqualTo("amount");
        ServerHarness.Reply sent = server.send(amy, "POST", "/me/party/contrib/transfers",
                "{\"to\":\"bob\",\"amount\":\"5.00\"}", "amy-transfer-1");
        assertThat(sent.status()).as(sent.body().toString()).isEqualTo(200);
        JsonNode after = server.send(amy, "GET", "/me/party", null, null).body();
        assertThat(after.get("contrib").asString()).isEqualTo("0.00");
        assertThat(after.get("cash").asString()).as("3.00 redeemed to 零钱").isEqualTo("3.00");
        JsonNode out = after.get("history").get(0);
        assertThat(out.get("kind").asString()).isEqualTo("TRANSFER_OUT");
        assertThat(out.get("fee").asString()).isEqualTo("0.05");
        JsonNode in = server.send(bob, "GET", "/me/party", null, null).body().get("history").get(0);
        assertThat(in.get("kind").asString()).isEqualTo("TRANSFER_IN");
        assertThat(in.get("amount").asString()).isEqualTo("4.95");
    }

    @Test
    @Order(12)
    void theSupplierSeesSettlementsAndTokens_andThePromoterItsLadder_R5_3() throws Exception {
        JsonNode farmView = server.send(farm, "GET", "/suppliers/farm", null, null).body();
        JsonNode settled = farmView.get("totals").get("SETTLED");
        assertThat(settled.get("orders").asLong()).as("the held order settles too, its rewards held").isEqualTo(4);
        assertThat(amount(farmView, "tokens")).as("1% of the settled sales").isEqualByComparingTo("4.00");
        // 55% of 100.00 less the 16.50 prepaid, for each of the four.
        assertThat(amount(settled, "settled")).isEqualByComparingTo("154.00");
        ServerHarness.Reply tooDear = server.send(farm, "POST", "/suppliers/farm/token-redemptions",
                "{\"item\":\"直播间推广\"}", "farm-tokens-1");
        assertThat(tooDear.status()).as(tooDear.body().toString()).isEqualTo(422);
        JsonNode promoter = server.send(pam, "GET", "/me/party-promoter", null, null).body();
        assertThat(promoter.get("promoter").asBoolean()).isTrue();
        assertThat(promoter.get("rank").asString()).isEqualTo("推广者");
        assertThat(promoter.get("creditScore").asInt()).isEqualTo(700);
        assertThat(promoter.get("earning").asBoolean()).isTrue();
        assertThat(promoter.get("commissionEarned").asString()).as("12% of amy's 100.00").isEqualTo("12.00");
        assertThat(promoter.get("next").get("rank").asString()).isEqualTo("团队长");
        assertThat(promoter.get("next").get("teamSize").asInt()).isEqualTo(5);
        assertThat(server.send(amy, "GET", "/me/party-promoter", null, null).body().get("promoter").asBoolean()).isFalse();
    }

    @Test
    @Order(13)
    void aVerifiedOrderReleasesTheRebate_andALowRatingCostsTheDeposit_issue18Rules4and6() throws Exception {
        JsonNode held = server.send(bob, "GET", "/me/party", null, null).body().get("orders").get(0);
        assertThat(held.get("underReview").asBoolean()).isTrue();
        assertThat(held.get("held").asString()).as("settled with its rewards held").isNotEqualTo("0.00");
        economy.submit(at -> new org.zengzhi.engine.Command.VerifyOrder("verify-1", at, held.get("order").asString(),
                true));
        JsonNode bobView = server.send(bob, "GET", "/me/party", null, null).body();
        assertThat(bobView.get("orders").get(0).get("underReview").asBoolean()).isFalse();
        assertThat(bobView.get("orders").get(0).get("risk").asString()).isEqualTo("APPROVED");
        JsonNode released = bobView.get("history").get(0);
        assertThat(released.get("kind").asString()).isEqualTo("REBATE");
        assertThat(released.get("other").asString()).isEqualTo(held.get("order").asString());
        assertThat(released.get("amount").asString()).isEqualTo("8.00");

        ServerHarness.Reply rated = server.send(amy, "POST", "/me/party/ratings",
                "{\"product\":\"tea-1\",\"rating\":\"3.5\"}", "amy-rate-1");
        assertThat(rated.status()).as(rated.body().toString()).isEqualTo(200);
        ServerHarness.Reply notBought = server.send(mill, "POST", "/me/party/ratings",
                "{\"product\":\"tea-1\",\"rating\":\"1\"}", "mill-rate-1");
        assertThat(notBought.status()).isEqualTo(403);
        assertThat(notBought.body().get("field").asString()).isEqualTo("product");
        ServerHarness.Reply badRating = server.send(amy, "POST", "/me/party/ratings",
                "{\"product\":\"tea-1\",\"rating\":\"6\"}", "amy-rate-2");
        assertThat(badRating.body().get("field").asString()).isEqualTo("rating");
        JsonNode product = server.send(farm, "GET", "/suppliers/farm", null, null).body().get("products").get(0);
        assertThat(product.get("rating").asString()).isEqualTo("3.50");
        assertThat(product.get("ratings").asLong()).isEqualTo(1);

        // The month of the rating closes after it ended: its average 3.5 is below 4.5, so 5% of the deposit goes.
        java.time.Instant later = java.time.Instant.now().plus(Duration.ofDays(75));
        String month = java.time.YearMonth.from(java.time.Instant.now().plus(Duration.ofDays(38))
                .atZone(java.time.ZoneOffset.UTC)).toString();
        economy.submit(at -> new org.zengzhi.engine.Command.CloseMonth("close-1", later, month));
        JsonNode farmView = server.send(farm, "GET", "/suppliers/farm", null, null).body();
        assertThat(farmView.get("deposit").asString()).isEqualTo("4750.00");
        JsonNode penalty = farmView.get("history").get(0);
        assertThat(penalty.get("kind").asString()).isEqualTo("PENALTY");
        assertThat(penalty.get("amount").asString()).isEqualTo("250.00");
        assertThat(penalty.get("other").asString()).isEqualTo("tea-1");
    }

    @Test
    @Order(15)
    void anOrderPaidWhollyIn贡献值NeedsNoPaymentIntent_issue20Item3() throws Exception {
        String cup = "{\"product\":\"cup-1\",\"name\":\"茶杯\",\"price\":\"1.00\",\"cost\":\"0.30\",\"stock\":5}";
        assertThat(server.send(farm, "POST", "/suppliers/farm/products", cup, "list-cup").status()).isEqualTo(201);
        ServerHarness.Reply paid = pay(bob, "bob-pay-cup", "cup-1", "tablet-1", ",\"contrib\":\"1.00\"");
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        assertThat(paid.body().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.body().get("cash").asString()).isEqualTo("0.00");
        assertThat(pay(bob, "bob-pay-cup", "cup-1", "tablet-1", ",\"contrib\":\"1.00\"").body())
                .as("a retry answers the first order").isEqualTo(paid.body());
        assertThat(server.bean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM payment_intents WHERE order_id = ?", Integer.class,
                paid.body().get("order").asString())).as("no cash, so no provider").isZero();
        assertThat(order(bob, paid.body().get("order").asString()).get("contrib").asString()).isEqualTo("1.00");
    }
}
