package org.zengzhi.server.storewallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

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
            Reply wallet = server.send(lee, "GET", "/suppliers/farm/wallet", null, null);
            assertThat(wallet.status()).as(wallet.body().toString()).isEqualTo(200);
            assertThat(wallet.body().get("cash").asString()).isEqualTo("165.00");
            assertThat(wallet.body().get("owner").asString()).isEqualTo("lee");

            Reply payee = server.send(lee, "POST", "/suppliers/farm/payees", CARD, "card-1");
            assertThat(payee.status()).as(payee.body().toString()).isEqualTo(201);
            assertThat(payee.body().toString()).doesNotContain("6222020200115678");
            String body = "{\"amount\":\"100.00\",\"payee\":\"" + payee.body().get("payee").asString() + "\"}";
            Reply first = server.send(lee, "POST", "/suppliers/farm/withdrawals", body, "wd-1");
            assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
            assertThat(first.body().get("state").asString()).isEqualTo("APPROVED");
            assertThat(server.send(lee, "POST", "/suppliers/farm/withdrawals", body, "wd-1").body())
                    .as("a retry is answered with the first result").isEqualTo(first.body());
            assertThat(server.send(lee, "POST", "/suppliers/farm/withdrawals", "{\"amount\":\"60.00\"}", "wd-1")
                    .status()).as("the key with another body").isEqualTo(409);

            wallet = server.send(lee, "GET", "/suppliers/farm/wallet", null, null);
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

    private static void assertField(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().get("field").asString()).isEqualTo(field);
    }
}
