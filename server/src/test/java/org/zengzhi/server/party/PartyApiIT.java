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
        }
        assertThat(server.get("/suppliers/farm").status()).as("operators see every supplier").isEqualTo(200);
        assertThat(server.get("/suppliers/nowhere").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void consumerPaysAndTheSupplierSeesThePrepayment_issue18Rule1() throws Exception {
        ServerHarness.Reply paid = pay(amy, "amy-pay-1", "tea-1", "phone-amy", ",\"promoter\":\"pam\"");
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
        assertThat(paid.body().get("amount").asString()).as("the listed price, computed by the server").isEqualTo("100.00");
        // 30% of the supplier's 55% share of 100.00.
        assertThat(paid.body().get("prepaid").asString()).isEqualTo("16.50");
        assertThat(paid.body().get("risk").asString()).isEqualTo("CLEAR");
        ServerHarness.Reply retry = pay(amy, "amy-pay-1", "tea-1", "phone-amy", ",\"promoter\":\"pam\"");
        assertThat(retry.body()).as("a retry answers the first order").isEqualTo(paid.body());
        JsonNode farmView = server.send(farm, "GET", "/suppliers/farm", null, null).body();
        assertThat(farmView.get("cash").asString()).isEqualTo("16.50");
        assertThat(farmView.get("products").get(0).get("stock").asLong()).as("one taken, once").isEqualTo(9);
        JsonNode order = farmView.get("orders").get(0);
        assertThat(order.get("order").asString()).isEqualTo(paid.body().get("order").asString());
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("prepaid").asString()).isEqualTo("16.50");
        assertThat(farmView.get("totals").get("PAID").get("prepaid").asString()).isEqualTo("16.50");
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
            ServerHarness.Reply paid = pay(bob, "bob-pay-" + i, "tea-1", "tablet-" + i, "");
            assertThat(paid.status()).as(paid.body().toString()).isEqualTo(201);
            assertThat(paid.body().get("risk").asString()).isEqualTo(i == 3 ? "IP" : "CLEAR");
        }
        JsonNode orders = server.send(bob, "GET", "/me/party", null, null).body().get("orders");
        assertThat(orders).hasSize(3);
        assertThat(orders.get(0).get("underReview").asBoolean()).as("newest first: the 4th is 待审核").isTrue();
        assertThat(orders.get(1).get("underReview").asBoolean()).isFalse();
    }

    @Test
    @Order(7)
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
    @Order(8)
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
    @Order(9)
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
}
