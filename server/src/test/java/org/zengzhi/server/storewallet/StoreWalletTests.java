package org.zengzhi.server.storewallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.server.storewallet.WalletChecks.assertField;
import static org.zengzhi.server.storewallet.WalletChecks.fen;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Stores get paid (issue 19 item 2), end to end against a real server: the store's wallet, its payee accounts
 * (收款账户, item 3) and a withdrawal from its settled cash (门店实收) to a payee, by its own account only, with an
 * Idempotency-Key and errors naming the field. Run on H2 and on PostgreSQL.
 */
abstract class StoreWalletTests {
    private static final String CARD = "{\"kind\":\"BANK_CARD\",\"account\":\"6222020200111234\",\"verifiedName\":\"李老板\"}";

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database();

    /** lee owns "shop", whose account is "shopkeeper"; alice paid 1000.00 there at 20%: 800.00 settled cash. */
    private static String storeWithTakings(ServerHarness server) throws Exception {
        server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"alice-secret\"}", null);
        assertThat(server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\","
                + "\"region\":\"440106\",\"commissionRate\":\"0.20\"}").status()).isEqualTo(200);
        assertThat(server.post("m2", "{\"type\":\"merchant\",\"merchant\":\"other\",\"owner\":\"kim\","
                + "\"region\":\"440106\"}").status()).isEqualTo(200);
        server.post("p", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\","
                + "\"amount\":\"1000.00\",\"channel\":\"store\"}");
        server.post("t", "{\"type\":\"tick\"}");
        assertThat(server.post("/operator/accounts", "acc-1", "{\"username\":\"shopkeeper\",\"password\":"
                + "\"keeper-secret-7\",\"role\":\"MERCHANT\",\"merchant\":\"shop\"}").status()).isEqualTo(201);
        return server.login("shopkeeper", "keeper-secret-7");
    }

    @Test
    void issue19Item2_aStoreWithdrawsItsTakingsToItsOwnPayeeOnce() throws Exception {
        try (ServerHarness server = new ServerHarness(database())) {
            String keeper = storeWithTakings(server);
            WalletChecks.walletHas(server, keeper, "/merchants/shop", "800.00", "lee");
            String payeeId = WalletChecks.addPayee(server, keeper, "/merchants/shop", CARD, "6222020200111234");
            assertThat(server.send(keeper, "GET", "/merchants/shop/payees", null, null).body().size()).isEqualTo(1);
            Reply first = WalletChecks.withdrawOnce(server, keeper, "/merchants/shop",
                    "{\"amount\":\"50.00\",\"payee\":\"" + payeeId + "\"}");

            JsonAssert.cash(server.send(keeper, "GET", "/merchants/shop/wallet", null, null), "750.00", "50.00");
            assertStatementsReconcile(server, keeper, "750.00");
            Reply view = server.send(keeper, "GET", "/withdrawals/" + first.body().get("id").asString(), null, null);
            assertThat(view.status()).as("the store's own account reads its withdrawal (it was 404: probe, issue 19)")
                    .isEqualTo(200);
            assertThat(view.body().get("payee").get("account").asString()).isEqualTo("6222 **** **** 1234");
            String alice = server.login("alice", "alice-secret");
            assertThat(server.send(alice, "GET", "/withdrawals/" + first.body().get("id").asString(), null, null)
                    .status()).as("anyone else is told it does not exist").isEqualTo(404);
            Reply listed = server.send(keeper, "GET", "/merchants/shop/withdrawals", null, null);
            assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
            assertThat(listed.body().size()).as("the store's withdrawals, by the read model's store column").isEqualTo(1);
            assertThat(listed.body().get(0).get("id").asString()).isEqualTo(first.body().get("id").asString());
            assertThat(server.send(alice, "GET", "/merchants/shop/withdrawals", null, null).status()).isEqualTo(403);
        }
    }

    @Test
    void issue19Item2_onlyTheStoreActsForItsWalletAndBadInputNamesTheField() throws Exception {
        try (ServerHarness server = new ServerHarness(database())) {
            String keeper = storeWithTakings(server);
            String alice = server.login("alice", "alice-secret");
            assertThat(server.send(alice, "GET", "/merchants/shop/wallet", null, null).status()).isEqualTo(403);
            assertThat(server.send(alice, "POST", "/merchants/shop/withdrawals", "{\"amount\":\"10.00\"}", "a-1")
                    .status()).isEqualTo(403);
            assertThat(server.send(alice, "POST", "/merchants/shop/payees", CARD, "a-2").status()).isEqualTo(403);
            assertThat(server.send(keeper, "GET", "/merchants/other/wallet", null, null).status()).isEqualTo(403);
            assertThat(server.send(keeper, "POST", "/merchants/other/withdrawals", "{\"amount\":\"10.00\"}", "k-1")
                    .status()).isEqualTo(403);
            assertThat(server.send(null, "GET", "/merchants/shop/wallet", null, null).status()).isEqualTo(401);
            assertThat(server.get("/merchants/shop/wallet").status()).as("operators read").isEqualTo(200);
            assertThat(server.post("/merchants/shop/withdrawals", "op-1", "{\"amount\":\"10.00\"}").status())
                    .as("operators review, they do not withdraw a store's cash").isEqualTo(403);
            assertThat(server.get("/merchants/nowhere/wallet").status()).isEqualTo(404);

            assertField(server.send(keeper, "POST", "/merchants/shop/withdrawals", "{\"amount\":10}", "b-1"), 400, "amount");
            assertField(server.send(keeper, "POST", "/merchants/shop/withdrawals", "{\"amount\":\"1.001\"}", "b-2"), 400,
                    "amount");
            assertField(server.send(keeper, "POST", "/merchants/shop/withdrawals", "{\"amount\":\"1.00\",\"user\":\"x\"}",
                    "b-3"), 400, "user");
            assertField(server.send(keeper, "POST", "/merchants/shop/withdrawals", "{\"amount\":\"900.00\"}", "b-4"), 422,
                    "amount");
            assertField(server.send(keeper, "POST", "/merchants/shop/withdrawals",
                    "{\"amount\":\"10.00\",\"payee\":\"nope\"}", "b-5"), 422, "payee");
            assertThat(server.send(keeper, "POST", "/merchants/shop/withdrawals", "{\"amount\":\"10.00\"}", null)
                    .status()).as("no Idempotency-Key").isEqualTo(400);
            JsonAssert.cash(server.send(keeper, "GET", "/merchants/shop/wallet", null, null), "800.00", "0.00");
        }
    }

    /**
     * The settlement statements (结算单) reconcile to the ledger to the fen: each day closes at its opening plus its
     * movements, each opens at the previous close, the newest close is the wallet's cash, and over the days the
     * store's 800.00 of takings came in and the 50.00 withdrawn went out.
     */
    private static void assertStatementsReconcile(ServerHarness server, String keeper, String cash) throws Exception {
        Reply statements = server.send(keeper, "GET", "/merchants/shop/statements?days=366", null, null);
        assertThat(statements.status()).as(statements.body().toString()).isEqualTo(200);
        JsonNode days = statements.body().get("days");
        assertThat(days.get(0).get("closing").asString()).isEqualTo(cash);
        long settled = 0;
        long withdrawn = 0;
        long gross = 0;
        for (int i = 0; i < days.size(); i++) {
            JsonNode day = days.get(i);
            long closing = fen(day, "opening") + fen(day, "settled") - fen(day, "refunds") - fen(day, "withdrawn")
                    + fen(day, "returned") + fen(day, "other");
            assertThat(fen(day, "closing")).isEqualTo(closing);
            if (i + 1 < days.size()) {
                assertThat(fen(day, "opening")).isEqualTo(fen(days.get(i + 1), "closing"));
            }
            settled += fen(day, "settled");
            assertThat(fen(day, "gross") - fen(day, "commission")).as("A − C of the day's orders is its takings")
                    .isEqualTo(fen(day, "settled"));
            gross += fen(day, "gross");
            withdrawn += fen(day, "withdrawn");
        }
        assertThat(fen(days.get(days.size() - 1), "opening")).isZero();
        assertThat(settled).isEqualTo(80_000);
        assertThat(gross).as("alice's 1000.00 order at 20%").isEqualTo(100_000);
        assertThat(withdrawn).isEqualTo(5_000);
        String csv = server.raw(keeper, "/merchants/shop/statements.csv");
        assertThat(csv).startsWith("date,opening,settled,refunds,withdrawn,returned,other,closing,gross,commission\n")
                .contains(cash + ",1000.00,200.00");
        assertField(server.send(keeper, "GET", "/merchants/shop/statements?days=-5", null, null), 400, "days");
        assertThat(server.send(keeper, "GET", "/merchants/other/statements", null, null).status()).isEqualTo(403);
    }

    /** The wallet's cash and frozen cash, exactly as strings of yuan. */
    private static final class JsonAssert {
        static void cash(Reply wallet, String cash, String withdrawing) {
            assertThat(wallet.body().get("cash").asString()).isEqualTo(cash);
            assertThat(wallet.body().get("withdrawing").asString()).isEqualTo(withdrawing);
        }
    }
}
