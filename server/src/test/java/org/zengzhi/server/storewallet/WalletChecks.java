package org.zengzhi.server.storewallet;

import static org.assertj.core.api.Assertions.assertThat;

import org.zengzhi.engine.Units;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

import tools.jackson.databind.JsonNode;

/**
 * The steps the store's and the supplier's wallet tests (issue 19 item 2) share, for a wallet at {@code wallet}
 * ({@code /merchants/shop}, {@code /suppliers/farm}): its figures, a payee added, a withdrawal made once under its
 * Idempotency-Key, and errors naming the field.
 */
final class WalletChecks {
    private WalletChecks() {
    }

    /** The wallet as {@code token} reads it: 200, with this cash and owner. */
    static void walletHas(ServerHarness server, String token, String wallet, String cash, String owner)
            throws Exception {
        Reply reply = server.send(token, "GET", wallet + "/wallet", null, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().get("cash").asString()).isEqualTo(cash);
        assertThat(reply.body().get("owner").asString()).isEqualTo(owner);
    }

    /** Adds the payee {@code card} (its account {@code number}), answered 201 without the number; its id. */
    static String addPayee(ServerHarness server, String token, String wallet, String card, String number)
            throws Exception {
        Reply payee = server.send(token, "POST", wallet + "/payees", card, "card-1");
        assertThat(payee.status()).as(payee.body().toString()).isEqualTo(201);
        assertThat(payee.body().toString()).doesNotContain(number);
        return payee.body().get("payee").asString();
    }

    /** Withdraws {@code body} under the key wd-1: 201, the retry answers the first result, another body 409. */
    static Reply withdrawOnce(ServerHarness server, String token, String wallet, String body) throws Exception {
        Reply first = server.send(token, "POST", wallet + "/withdrawals", body, "wd-1");
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(server.send(token, "POST", wallet + "/withdrawals", body, "wd-1").body())
                .as("a retry is answered with the first result").isEqualTo(first.body());
        assertThat(server.send(token, "POST", wallet + "/withdrawals", "{\"amount\":\"60.00\"}", "wd-1").status())
                .as("the key with another body").isEqualTo(409);
        return first;
    }

    static long fen(JsonNode day, String field) {
        return Units.parseFen(day.get(field).asString());
    }

    static void assertField(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().get("field").asString()).isEqualTo(field);
    }
}
