package org.zengzhi.server.partyops;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.JsonNode;

/**
 * The four-party operator's API (issue 20 item 6; issue 18 rules 6, 7, 9) on
 * {@link PartyEconomy}: the risk queue and its decisions, credit scores, escrow statements and their findings,
 * costs, charges, the month close and its P&L. Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PartyOpsApiTests {
    ServerHarness server;
    PartyEconomy economy;
    String amy;

    abstract String[] database(Path temp) throws Exception;

    @BeforeAll
    void start() throws Exception {
        Path temp = Files.createTempDirectory("partyops");
        List<String> properties = new ArrayList<>(List.of(database(temp)));
        properties.add("zengzhi.plan=four-party.yaml");
        server = new ServerHarness(properties.toArray(new String[0]));
        economy = new PartyEconomy();
        economy.history(server);
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"amy\",\"password\":\"amy-secret\"}", null)
                .status()).isEqualTo(201);
        amy = server.login("amy", "amy-secret");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    JsonNode overview() throws Exception {
        ServerHarness.Reply reply = server.get("/operator/party");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asString())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
    }

    static BigDecimal amount(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    ServerHarness.Reply verify(String order, boolean approve, String key) throws Exception {
        return server.post("/operator/party/orders/" + order + "/verify", key, "{\"approve\":" + approve + "}");
    }

    @Test
    @Order(1)
    void flaggedOrdersWaitInTheQueueWithDeviceIpAndHeldRewards_R7_4() throws Exception {
        JsonNode view = overview();
        JsonNode queue = view.get("riskQueue");
        assertThat(queue).hasSize(3);
        assertThat(view.get("waiting").asLong()).isEqualTo(3);
        JsonNode o4 = row(queue, "order", "o4");
        assertThat(o4.get("device").asString()).isEqualTo("dev-a");
        assertThat(o4.get("ip").asString()).isEqualTo("10.0.0.1");
        assertThat(o4.get("consumer").asString()).isEqualTo("cat");
        assertThat(o4.get("risk").asString()).isEqualTo("DEVICE_AND_IP");
        assertThat(o4.get("status").asString()).isEqualTo("FLAGGED");
        assertThat(o4.get("settled").asBoolean()).isTrue();
        assertThat(amount(o4, "amount")).isEqualByComparingTo("100.00");
        // Rebate 8%, pia's commission 12% and, on cat's first order, pia's invite reward 8% of 100.00 wait in
        // escrow (rule 6); o5 and o7 hold the first two only.
        assertThat(amount(o4, "held")).isEqualByComparingTo("28.00");
        assertThat(amount(row(queue, "order", "o5"), "held")).isEqualByComparingTo("20.00");
        assertThat(row(queue, "order", "o7").get("risk").asString()).isEqualTo("DEVICE");
        assertThat(view.get("money").get("heldOrders").asInt()).isEqualTo(3);
        assertThat(amount(view.get("money"), "held")).isEqualByComparingTo("68.00");
        assertThat(view.get("money").get("reserveCovers").asBoolean()).as("rule 3: reserve = outstanding").isTrue();
        assertThat(amount(view.get("money"), "contribReserve")).isEqualByComparingTo(
                amount(view.get("money"), "contribOutstanding"));
    }

    @Test
    @Order(2)
    void approveReleasesTheRewardsRefuseCancelsThemAndASecondDecisionIsRefused_R7_4() throws Exception {
        ServerHarness.Reply approved = verify("o4", true, "v-o4");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        ServerHarness.Reply retry = verify("o4", true, "v-o4");
        assertThat(retry.status()).as("a retry answers the first result (R-8.3)").isEqualTo(200);
        assertThat(retry.body()).isEqualTo(approved.body());
        ServerHarness.Reply refused = verify("o5", false, "v-o5");
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(200);
        JsonNode view = overview();
        JsonNode o4 = row(view.get("riskQueue"), "order", "o4");
        assertThat(o4.get("status").asString()).isEqualTo("APPROVED");
        assertThat(amount(o4, "released")).isEqualByComparingTo("28.00");
        assertThat(o4.get("decidedAt").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        JsonNode o5 = row(view.get("riskQueue"), "order", "o5");
        assertThat(o5.get("status").asString()).isEqualTo("REFUSED");
        assertThat(amount(o5, "cancelled")).isEqualByComparingTo("20.00");
        assertThat(view.get("waiting").asLong()).isEqualTo(1);
        assertThat(amount(view.get("money"), "held")).isEqualByComparingTo("20.00");

        ServerHarness.Reply again = verify("o4", false, "v-o4-again");
        assertThat(again.status()).as("the engine refuses a second decision").isEqualTo(422);
        assertThat(again.body().get("field").asString()).isEqualTo("order");
        assertThat(again.body().get("message").asString()).isNotBlank();
        assertThat(row(overview().get("riskQueue"), "order", "o4").get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    @Order(3)
    void twoConcurrentDecisionsOnOneOrderOneWinsTheOtherIsRejected_R7_4() throws Exception {
        CompletableFuture<ServerHarness.Reply> yes = CompletableFuture.supplyAsync(() -> call(() -> verify("o7", true, "c-yes")));
        CompletableFuture<ServerHarness.Reply> no = CompletableFuture.supplyAsync(() -> call(() -> verify("o7", false, "c-no")));
        List<Integer> statuses = new ArrayList<>(List.of(yes.join().status(), no.join().status()));
        statuses.sort(Integer::compare);
        assertThat(statuses).containsExactly(200, 422);
        ServerHarness.Reply loser = yes.join().status() == 422 ? yes.join() : no.join();
        assertThat(loser.body().get("field").asString()).isEqualTo("order");
        String status = row(overview().get("riskQueue"), "order", "o7").get("status").asString();
        assertThat(status).isEqualTo(yes.join().status() == 200 ? "APPROVED" : "REFUSED");
    }

    private interface Call {
        ServerHarness.Reply run() throws Exception;
    }

    private static ServerHarness.Reply call(Call call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(4)
    void promotersBelowTheMinimumAreListedWithTheCommissionWithheld_R7_4() throws Exception {
        JsonNode view = overview();
        assertThat(view.get("creditScoreMin").asInt()).isEqualTo(600);
        JsonNode leo = row(view.get("promoters"), "user", "leo");
        assertThat(leo.get("creditScore").asInt()).isEqualTo(550);
        assertThat(leo.get("belowMinimum").asBoolean()).isTrue();
        assertThat(amount(leo, "withheld")).as("12% of bob's 100.00").isEqualByComparingTo("12.00");
        JsonNode pia = row(view.get("promoters"), "user", "pia");
        assertThat(pia.get("belowMinimum").asBoolean()).isFalse();
        assertThat(amount(pia, "withheld")).isZero();

        ServerHarness.Reply set = server.post("/operator/party/credit-scores", "s-leo", "{\"user\":\"leo\",\"score\":640}");
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        JsonNode after = row(overview().get("promoters"), "user", "leo");
        assertThat(after.get("creditScore").asInt()).isEqualTo(640);
        assertThat(after.get("belowMinimum").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void anEscrowStatementWithADifferenceIsAFindingAndNothingIsCorrected_R7_5() throws Exception {
        BigDecimal ledger = amount(overview().get("money"), "escrow");
        ServerHarness.Reply equal = server.post("/operator/party/escrow-statements", "e-1",
                "{\"balance\":\"" + ledger.toPlainString() + "\"}");
        assertThat(equal.status()).as(equal.body().toString()).isEqualTo(200);
        ServerHarness.Reply off = server.post("/operator/party/escrow-statements", "e-2",
                "{\"balance\":\"" + ledger.add(BigDecimal.ONE).toPlainString() + "\"}");
        assertThat(off.status()).as(off.body().toString()).isEqualTo(200);
        JsonNode view = overview();
        JsonNode latest = view.get("statements").get(0);
        assertThat(latest.get("finding").asBoolean()).isTrue();
        assertThat(amount(latest, "difference")).isEqualByComparingTo("1.00");
        assertThat(amount(latest, "ledger")).isEqualByComparingTo(ledger);
        JsonNode first = view.get("statements").get(1);
        assertThat(first.get("finding").asBoolean()).isFalse();
        assertThat(amount(view.get("money"), "escrow")).as("never auto-corrected").isEqualByComparingTo(ledger);
    }

    @Test
    @Order(6)
    void theMonthCloseGivesTheEnginesPnlWithTheWaterfallOfGmv_R7_6() throws Exception {
        assertThat(server.post("/operator/party/operating-costs", "cost-1", "{\"amount\":\"30.00\",\"reason\":\"房租\"}")
                .status()).isEqualTo(200);
        assertThat(server.post("/operator/party/data-service-charges", "charge-1",
                "{\"supplier\":\"tea-farm\",\"amount\":\"12.50\"}").status()).isEqualTo(200);
        String month = YearMonth.from(economy.now.atZone(ZoneOffset.UTC)).minusMonths(1).toString();
        ServerHarness.Reply closed = server.post("/operator/party/month-close", "close-" + month,
                "{\"month\":\"" + month + "\"}");
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);

        ServerHarness.Reply reply = server.get("/operator/party/pnl?month=" + month);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode pnl = reply.body().get("pnl");
        // Every line equals the engine's, as its monthClosed event (the close's answer) carries it.
        JsonNode engine = null;
        for (JsonNode event : closed.body().get("events")) {
            if ("monthClosed".equals(event.get("event").asString())) {
                engine = event.get("pnl");
            }
        }
        assertThat(engine).as(closed.body().toString()).isNotNull();
        int compared = 0;
        for (java.util.Map.Entry<String, JsonNode> line : engine.properties()) {
            if (pnl.has(line.getKey())) {
                assertThat(pnl.get(line.getKey()).asString()).as(line.getKey()).isEqualTo(line.getValue().asString());
                compared++;
            }
        }
        assertThat(compared).as("gmv, fee, dataService, platformIncome, rebate, commission, … platformResult")
                .isGreaterThanOrEqualTo(19);
        BigDecimal gmv = BigDecimal.valueOf(PartyEconomy.PRICE_FEN * PartyEconomy.ORDERS, 2);
        assertThat(amount(pnl, "gmv")).isEqualByComparingTo(gmv);
        assertThat(amount(pnl, "fee")).as("6% of GMV").isEqualByComparingTo(gmv.multiply(new BigDecimal("0.06")));
        assertThat(amount(pnl, "dataService")).isEqualByComparingTo("12.50");
        assertThat(amount(pnl, "operatingCost")).isEqualByComparingTo("30.00");
        assertThat(amount(pnl, "platformIncome")).isEqualByComparingTo(amount(pnl, "fee").add(new BigDecimal("12.50")));
        assertThat(amount(pnl, "net")).isEqualByComparingTo(amount(pnl, "platformIncome").subtract(new BigDecimal("30.00")));
        assertThat(amount(pnl, "cancelled")).as("o5's refused rewards, and o7's if refused").isPositive();
        assertThat(amount(pnl, "supplierProfit")).isEqualByComparingTo(
                amount(pnl, "supplierShare").subtract(amount(pnl, "supplierCost")));
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode part : reply.body().get("waterfall")) {
            sum = sum.add(amount(part, "amount"));
        }
        assertThat(sum).as("the waterfall's parts add up to GMV").isEqualByComparingTo(gmv);
        assertThat(reply.body().get("burn").get("mode").asString()).isEqualTo("PRO_RATA");
        assertThat(reply.body().get("burn").get("haircut").asBoolean()).isTrue();

        JsonNode view = overview();
        assertThat(view.get("months").get(0).asString()).isEqualTo(month);
        assertThat(view.get("burns").get(0).get("month").asString()).isEqualTo(month);
        assertThat(server.get("/operator/party/pnl").body()).as("the latest month by default").isEqualTo(reply.body());

        ServerHarness.Reply twice = server.post("/operator/party/month-close", "close-again", "{\"month\":\"" + month + "\"}");
        assertThat(twice.status()).as("a month closes once").isEqualTo(422);
        assertThat(twice.body().get("code").asString()).isEqualTo("INVALID_PERIOD");
    }

    @Test
    void suppliersAreListedWithSalesDepositTokensAndRatings() throws Exception {
        JsonNode farm = row(overview().get("suppliers"), "supplier", "tea-farm");
        assertThat(amount(farm, "sales")).isEqualByComparingTo(BigDecimal.valueOf(PartyEconomy.PRICE_FEN * PartyEconomy.ORDERS, 2));
        assertThat(amount(farm, "deposit")).isEqualByComparingTo("5000.00");
        assertThat(farm.get("products").asInt()).isEqualTo(1);
        assertThat(amount(farm, "tokens")).as("1% of settled sales").isPositive();
    }

    @Test
    void onlyOperatorsMayReadOrDecide_R8_4() throws Exception {
        assertThat(server.send(amy, "GET", "/operator/party", null, null).status()).isEqualTo(403);
        assertThat(server.send(amy, "POST", "/operator/party/orders/o7/verify", "{\"approve\":true}", "amy-1").status())
                .isEqualTo(403);
        assertThat(server.send(amy, "POST", "/operator/party/escrow-statements", "{\"balance\":\"1.00\"}", "amy-2")
                .status()).isEqualTo(403);
        assertThat(server.send(null, "GET", "/operator/party", null, null).status()).isEqualTo(401);
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing_R8_5() throws Exception {
        int statements = overview().get("statements").size();
        assertField(server.post("/operator/party/orders/o7/verify", "b-1", "{}"), "approve");
        assertField(server.post("/operator/party/escrow-statements", "b-2", "{\"balance\":\"lots\"}"), "balance");
        assertField(server.post("/operator/party/escrow-statements", "b-3", "{\"balance\":\"1.234\"}"), "balance");
        assertField(server.post("/operator/party/operating-costs", "b-4", "{\"amount\":\"-5\"}"), "amount");
        assertField(server.post("/operator/party/data-service-charges", "b-5", "{\"amount\":\"5\"}"), "supplier");
        assertField(server.post("/operator/party/credit-scores", "b-6", "{\"user\":\"pia\",\"score\":1001}"), "score");
        assertField(server.post("/operator/party/month-close", "b-7", "{\"month\":\"2026-13\"}"), "month");
        assertField(server.post("/operator/party/year-close", "b-8", "{\"year\":\"26\"}"), "year");
        assertField(server.get("/operator/party/pnl?month=june"), "month");
        assertField(server.post("/operator/party/escrow-statements", (String) null, "{\"balance\":\"1.00\"}"), "Idempotency-Key");
        ServerHarness.Reply unknown = server.post("/operator/party/data-service-charges", "b-9",
                "{\"supplier\":\"nobody\",\"amount\":\"5.00\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("field").asString()).isEqualTo("supplier");
        assertThat(overview().get("statements").size()).isEqualTo(statements);
    }

    private static void assertField(ServerHarness.Reply reply, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.body().get("field").asString()).isEqualTo(field);
    }
}
