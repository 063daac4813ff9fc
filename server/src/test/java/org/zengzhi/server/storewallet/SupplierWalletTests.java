package org.zengzhi.server.storewallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.server.storewallet.WalletChecks.assertField;
import static org.zengzhi.server.storewallet.WalletChecks.fen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Command;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.ServerHarness.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Suppliers get paid (issue 19 item 2, four-party plan), end to end against a real server: the supplier's wallet
 * (its prepayments and settlements), its payee accounts (收款账户) and a withdrawal from its cash to a payee, by its
 * owner only, with an Idempotency-Key and errors naming the field; the withdrawals read model
 * lists it under the supplier, not in the owner's own list (migration V90). Run on H2 and on PostgreSQL.
 */
abstract class SupplierWalletTests {
    private static final String CARD = "{\"kind\":\"BANK_CARD\",\"account\":\"6222020200115678\",\"verifiedName\":\"王农场\"}";

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database();

    private ServerHarness server() throws Exception {
        List<String> properties = new ArrayList<>(Arrays.asList(database()));
        properties.add("zengzhi.plan=four-party.yaml");
        return new ServerHarness(properties.toArray(new String[0]));
    }

    /** lee owns the supplier "farm", prepaid 30% of its 55% share of alice's 1000.00 order: 165.00 of cash. */
    private static String supplierWithCash(ServerHarness server) throws Exception {
        for (String user : List.of("alice", "lee")) {
            assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\""
                    + user + "-secret-9\"}", null).status()).isEqualTo(201);
        }
        assertThat(server.post("s", "{\"type\":\"supplier\",\"supplier\":\"farm\",\"owner\":\"lee\"}").status())
                .isEqualTo(200);
        assertThat(server.post("s2", "{\"type\":\"supplier\",\"supplier\":\"orphan\"}").status()).isEqualTo(200);
        assertThat(server.post("p", "{\"type\":\"product\",\"product\":\"tea\",\"supplier\":\"farm\","
                + "\"price\":\"1000.00\",\"cost\":\"300.00\"}").status()).isEqualTo(200);
        Reply paid = server.post("o", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"product\":\"tea\","
                + "\"device\":\"d1\",\"ip\":\"10.0.0.1\"}");
        assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
        return server.login("lee", "lee-secret-9");
    }

    @Test
    void issue19Item2_aSupplierOwnerWithdrawsItsCashToItsOwnPayeeOnce() throws Exception {
        try (ServerHarness server = server()) {
            String lee = supplierWithCash(server);
            WalletChecks.walletHas(server, lee, "/suppliers/farm", "165.00", "lee");
            String payee = WalletChecks.addPayee(server, lee, "/suppliers/farm", CARD, "6222020200115678");
            Reply first = WalletChecks.withdrawOnce(server, lee, "/suppliers/farm",
                    "{\"amount\":\"100.00\",\"payee\":\"" + payee + "\"}");
            assertThat(first.body().get("state").asString()).isEqualTo("APPROVED");

            Reply wallet = server.send(lee, "GET", "/suppliers/farm/wallet", null, null);
            assertThat(wallet.body().get("cash").asString()).isEqualTo("65.00");
            assertThat(wallet.body().get("withdrawing").asString()).isEqualTo("100.00");
            String id = first.body().get("id").asString();
            Reply view = server.send(lee, "GET", "/withdrawals/" + id, null, null);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.body().get("payee").get("account").asString()).isEqualTo("6222 **** **** 5678");
            Reply listed = server.send(lee, "GET", "/suppliers/farm/withdrawals", null, null);
            assertThat(listed.body().size()).isEqualTo(1);
            assertThat(listed.body().get(0).get("id").asString()).isEqualTo(id);
            assertThat(server.send(lee, "GET", "/me/withdrawals", null, null).body().size())
                    .as("the supplier's withdrawal is not in the owner's own list").isZero();
        }
    }

    @Test
    void issue19Item2_onlyTheSuppliersOwnerActsForItsWalletAndBadInputNamesTheField() throws Exception {
        try (ServerHarness server = server()) {
            String lee = supplierWithCash(server);
            String alice = server.login("alice", "alice-secret-9");
            assertThat(server.send(alice, "GET", "/suppliers/farm/wallet", null, null).status()).isEqualTo(403);
            assertThat(server.send(alice, "POST", "/suppliers/farm/withdrawals", "{\"amount\":\"10.00\"}", "a-1")
                    .status()).isEqualTo(403);
            assertThat(server.send(alice, "POST", "/suppliers/farm/payees", CARD, "a-2").status()).isEqualTo(403);
            assertThat(server.send(alice, "GET", "/suppliers/farm/withdrawals", null, null).status()).isEqualTo(403);
            assertThat(server.send(null, "GET", "/suppliers/farm/wallet", null, null).status()).isEqualTo(401);
            assertThat(server.get("/suppliers/farm/wallet").status()).as("operators read").isEqualTo(200);
            assertThat(server.post("/suppliers/farm/withdrawals", "op-1", "{\"amount\":\"10.00\"}").status())
                    .as("operators review, they do not withdraw a supplier's cash").isEqualTo(403);
            assertThat(server.get("/suppliers/nowhere/wallet").status()).isEqualTo(404);
            assertField(server.send(lee, "POST", "/suppliers/orphan/withdrawals", "{\"amount\":\"10.00\"}", "o-1"),
                    403, "supplier");

            assertField(server.send(lee, "POST", "/suppliers/farm/withdrawals", "{\"amount\":10}", "b-1"), 400, "amount");
            assertField(server.send(lee, "POST", "/suppliers/farm/withdrawals", "{\"amount\":\"1.00\",\"user\":\"x\"}",
                    "b-2"), 400, "user");
            assertField(server.send(lee, "POST", "/suppliers/farm/withdrawals", "{\"amount\":\"165.01\"}", "b-3"), 422,
                    "amount");
            assertField(server.send(lee, "POST", "/suppliers/farm/withdrawals",
                    "{\"amount\":\"10.00\",\"payee\":\"nope\"}", "b-4"), 422, "payee");
            assertThat(server.send(lee, "POST", "/suppliers/farm/withdrawals", "{\"amount\":\"10.00\"}", null)
                    .status()).as("no Idempotency-Key").isEqualTo(400);
            assertThat(server.send(lee, "GET", "/suppliers/farm/wallet", null, null).body().get("cash").asString())
                    .as("nothing changed").isEqualTo("165.00");
        }
    }

    /**
     * A supplier's daily statements (供应商结算单): o1 and o2 paid (165.00 prepaid each), o1 refunded before
     * settlement (its prepayment clawed back), o2 settled 38 days later (the 385.00 remainder of its 550.00 share),
     * then 100.00 withdrawn: each line is the day's movements and the last closing balance is the ledger's
     * SUPPLIER_CASH to the fen, the frozen cash its SUPPLIER_CASH_WITHDRAWING.
     */
    @Test
    void issue19Item2_aSuppliersStatementsReconcileToItsCashToTheFen() throws Exception {
        try (ServerHarness server = server()) {
            String lee = supplierWithCash(server);
            assertThat(server.post("o2", "{\"type\":\"pay\",\"id\":\"o2\",\"user\":\"alice\",\"product\":\"tea\","
                    + "\"device\":\"d1\",\"ip\":\"10.0.0.1\"}").status()).isEqualTo(200);
            submit(server, at -> new Command.RefundOrder("refund-o1", at, "o1"));
            submit(server, at -> new Command.Tick("tick-38", at.plus(Duration.ofDays(38))));
            String payee = server.send(lee, "POST", "/suppliers/farm/payees", CARD, "card-s").body().get("payee")
                    .asString();
            assertThat(server.send(lee, "POST", "/suppliers/farm/withdrawals", "{\"amount\":\"100.00\",\"payee\":\""
                    + payee + "\"}", "wd-s").status()).isEqualTo(201);

            Reply statements = server.send(lee, "GET", "/suppliers/farm/statements?days=30", null, null);
            assertThat(statements.status()).as(statements.body().toString()).isEqualTo(200);
            JsonNode days = statements.body().get("days");
            assertThat(days.size()).as("the day of payment and the day of settlement").isEqualTo(2);
            JsonNode settledDay = days.get(0);
            JsonNode paidDay = days.get(1);
            assertThat(paidDay.get("opening").asString()).isEqualTo("0.00");
            assertThat(paidDay.get("prepayments").asString()).isEqualTo("330.00");
            assertThat(paidDay.get("clawbacks").asString()).isEqualTo("165.00");
            assertThat(paidDay.get("closing").asString()).isEqualTo("165.00");
            assertThat(settledDay.get("opening").asString()).as("each opening is the day before's closing")
                    .isEqualTo("165.00");
            assertThat(settledDay.get("settlements").asString()).isEqualTo("385.00");
            assertThat(settledDay.get("withdrawn").asString()).isEqualTo("100.00");
            assertThat(settledDay.get("withdrawing").asString()).isEqualTo("100.00");

            Reply wallet = server.send(lee, "GET", "/suppliers/farm/wallet", null, null);
            assertThat(settledDay.get("closing").asString()).as("the ledger's SUPPLIER_CASH")
                    .isEqualTo(wallet.body().get("cash").asString()).isEqualTo("450.00");
            assertThat(settledDay.get("withdrawing").asString()).isEqualTo(wallet.body().get("withdrawing").asString());
            for (JsonNode day : List.of(paidDay, settledDay)) {
                long sum = fen(day, "opening") + fen(day, "prepayments") + fen(day, "settlements")
                        - fen(day, "clawbacks") - fen(day, "withdrawn") + fen(day, "returned") + fen(day, "other");
                assertThat(sum).as("the lines add up to the closing balance").isEqualTo(fen(day, "closing"));
            }
            String csv = server.raw(lee, "/suppliers/farm/statements.csv?days=1");
            assertThat(csv.lines().toList()).hasSize(2);
            assertThat(csv.lines().toList().get(1)).startsWith(settledDay.get("date").asString() + ",165.00,0.00,385.00")
                    .contains(",450.00,");
        }
    }

    @Test
    void issue19Item2_anotherSuppliersStatementsAreRefusedAndBadDaysNamesTheField() throws Exception {
        try (ServerHarness server = server()) {
            String lee = supplierWithCash(server);
            String alice = server.login("alice", "alice-secret-9");
            assertThat(server.send(alice, "GET", "/suppliers/farm/statements", null, null).status()).isEqualTo(403);
            assertThat(server.send(lee, "GET", "/suppliers/orphan/statements", null, null).status())
                    .as("lee does not own another supplier").isEqualTo(403);
            assertThat(server.send(alice, "GET", "/suppliers/farm/statements.csv", null, null).status()).isEqualTo(403);
            assertThat(server.send(null, "GET", "/suppliers/farm/statements", null, null).status()).isEqualTo(401);
            assertThat(server.get("/suppliers/nowhere/statements").status()).isEqualTo(404);
            assertThat(server.get("/suppliers/farm/statements").status()).as("operators read").isEqualTo(200);
            assertField(server.send(lee, "GET", "/suppliers/farm/statements?days=0", null, null), 400, "days");
            assertField(server.send(lee, "GET", "/suppliers/farm/statements?days=367", null, null), 400, "days");
            assertField(server.send(lee, "GET", "/suppliers/farm/statements.csv?days=-5", null, null), 400, "days");
        }
    }

    private static void submit(ServerHarness server, Function<Instant, Command> command) {
        Response answer = server.bean(EngineGateway.class).submit(new CommandRequest(command, GatewayCalls::render,
                null, null)).join();
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
