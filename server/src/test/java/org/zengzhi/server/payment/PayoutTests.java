package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

import tools.jackson.databind.JsonNode;

/**
 * Payouts and refunds at the provider over real HTTP and a real database, shared by the H2
 * and PostgreSQL runs: an approved withdrawal is sent to the sandbox once and settled by its signed payout
 * callback, never twice; tampered, stale, replayed and mismatched payout callbacks are refused and change
 * nothing; a payout lost between commit and send goes out after a restart; a refunded order and a payment
 * the engine refused get their money back at the provider, once.
 */
abstract class PayoutTests {
    private static final String MERCHANT = "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\","
            + "\"region\":\"440106\"}";

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database();

    ServerHarness start(String... more) throws Exception {
        List<String> properties = new ArrayList<>(List.of(database()));
        properties.add("zengzhi.sandbox.secret=" + PaymentTests.SECRET);
        properties.addAll(List.of(more));
        return new ServerHarness(properties.toArray(new String[0]));
    }

    /** 2000.00 of orders, all points sold: alice has 1600.00 of cash to withdraw (80/20 rule). */
    static void fund(ServerHarness server, String user) throws Exception {
        assertThat(server.post("fund-" + user, "{\"type\":\"order\",\"id\":\"fund-" + user + "\",\"user\":\"" + user
                + "\",\"amount\":\"2000.00\",\"poolShare\":\"2000.00\"}").status()).isEqualTo(200);
        String points = server.get("/users/" + user + "/wallet").body().get("points").asString();
        assertThat(server.post("sell-" + user, "{\"type\":\"sell\",\"id\":\"sell-" + user + "\",\"user\":\"" + user
                + "\",\"points\":\"" + points + "\"}").status()).isEqualTo(200);
    }

    /** A withdrawal small enough to be approved at once; returns its id once its payout is with the sandbox. */
    static String withdrawSent(ServerHarness server, String key, String amount) throws Exception {
        Reply requested = server.post("/withdrawals", key, "{\"user\":\"alice\",\"amount\":\"" + amount + "\"}");
        assertThat(requested.body().get("state").asString()).as(requested.body().toString()).isEqualTo("APPROVED");
        server.bean(ProviderOutbox.class).drain();
        return requested.body().get("id").asString();
    }

    static JsonNode payout(ServerHarness server, String withdrawal) throws Exception {
        return server.get("/withdrawals/" + withdrawal).body().get("providerPayout");
    }

    static Reply bankAnswers(ServerHarness server, String transfer, String body, String key) throws Exception {
        return server.post("/payouts/sandbox/" + transfer + "/complete", key, body);
    }

    static String cash(ServerHarness server, String account) throws Exception {
        for (JsonNode balance : server.get("/users/alice/wallet").body().get("balances")) {
            if (balance.get("account").asString().equals(account)) {
                return balance.get("amount").asString();
            }
        }
        return "0.00";
    }

    static String stateHash(ServerHarness server) throws Exception {
        return server.get("/operator/check").body().get("stateHash").asString();
    }

    static String external(ServerHarness server) throws Exception {
        return server.get("/economy").body().get("platform").get("EXTERNAL_PAYMENTS").asString();
    }

    @Test
    void anApprovedWithdrawalIsPaidOnceThroughTheSignedPayoutCallback() throws Exception {
        try (ServerHarness server = start()) {
            fund(server, "alice");
            String id = withdrawSent(server, "w-1", "500.00");
            JsonNode sent = payout(server, id);
            assertThat(sent.get("provider").asString()).isEqualTo("sandbox");
            assertThat(sent.get("status").asString()).isEqualTo("SENT");
            assertThat(sent.get("amount").asString()).as("the withdrawal's payout: amount less fee")
                    .isEqualTo(server.get("/withdrawals/" + id).body().get("payout").asString());
            String transfer = sent.get("providerTransfer").asString();
            assertThat(transfer).startsWith("sbt_");
            assertThat(server.get("/withdrawals/" + id).body().get("state").asString()).as("nothing paid before the bank "
                    + "answers").isEqualTo("APPROVED");
            String externalBefore = external(server);

            Reply paid = bankAnswers(server, transfer, "{\"status\":\"SUCCESS\"}", "bank-1");
            assertThat(paid.status()).as(paid.body().toString()).isEqualTo(200);
            assertThat(paid.body().get("callback").get("status").asString()).isEqualTo("PAID");
            JsonNode withdrawal = server.get("/withdrawals/" + id).body();
            assertThat(withdrawal.get("state").asString()).isEqualTo("PAID");
            assertThat(withdrawal.get("reference").asString()).as("the provider's transfer id").isEqualTo(transfer);
            assertThat(withdrawal.get("providerPayout").get("status").asString()).isEqualTo("PAID");
            assertThat(cash(server, "USER_CASH")).isEqualTo("1100.00");
            assertThat(cash(server, "USER_CASH_WITHDRAWING")).isEqualTo("0.00");
            assertThat(new BigDecimal(external(server))).as("500.00 left the ledger (the outside's account: money in is negative)")
                    .isEqualByComparingTo(new BigDecimal(externalBefore).add(new BigDecimal("500.00")));

            Reply retry = bankAnswers(server, transfer, "{\"status\":\"SUCCESS\"}", "bank-1");
            assertThat(retry.body()).as("a retry under the key gets the first answer").isEqualTo(paid.body());
            Reply reused = bankAnswers(server, transfer, "{\"status\":\"FAILED\",\"reason\":\"x\"}", "bank-1");
            assertThat(reused.status()).as("the key with another body (it was 200: re-probe, issue 19 item 6)")
                    .isEqualTo(409);
            assertThat(reused.body().get("field").asString()).isEqualTo("Idempotency-Key");

            String hash = stateHash(server);
            Reply again = bankAnswers(server, transfer, "{\"status\":\"SUCCESS\"}", "bank-2");
            assertThat(again.body().get("callback")).as("a second delivery gets the first answer")
                    .isEqualTo(paid.body().get("callback"));
            Reply contrary = bankAnswers(server, transfer, "{\"status\":\"FAILED\",\"reason\":\"late\"}", "bank-3");
            assertThat(contrary.body().get("callback")).as("the first answer for a transfer stands")
                    .isEqualTo(paid.body().get("callback"));
            assertThat(stateHash(server)).as("and changes nothing").isEqualTo(hash);
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sandbox_transfers WHERE withdrawal_id = ?", Integer.class,
                    id)).as("one transfer at the provider").isEqualTo(1);
            assertThat(server.post("/payouts/callback", "by-hand", "{\"withdrawal\":\"" + id + "\",\"paid\":true}")
                    .status()).as("nor paid again by hand").isEqualTo(422);
        }
    }

    @Test
    void aFailedPayoutGivesTheFundsBack() throws Exception {
        try (ServerHarness server = start()) {
            fund(server, "alice");
            String id = withdrawSent(server, "w-1", "300.00");
            String transfer = payout(server, id).get("providerTransfer").asString();
            Reply failed = bankAnswers(server, transfer, "{\"status\":\"FAILED\",\"reason\":\"account closed\"}", "bank-1");
            assertThat(failed.body().get("callback").get("status").asString()).isEqualTo("FAILED");
            assertThat(server.get("/withdrawals/" + id).body().get("state").asString()).isEqualTo("FAILED");
            assertThat(payout(server, id).get("failureReason").asString()).isEqualTo("account closed");
            assertThat(cash(server, "USER_CASH")).as("the funds are back").isEqualTo("1600.00");
            assertThat(server.get("/operator/check").body().get("invariantsHold").asBoolean()).isTrue();
        }
    }

    @Test
    void tamperedStaleReplayedAndMismatchedPayoutCallbacksAreRefused() throws Exception {
        try (ServerHarness server = start()) {
            fund(server, "alice");
            String id = withdrawSent(server, "w-1", "200.00");
            String transfer = payout(server, id).get("providerTransfer").asString();
            String body = transferNotification(transfer, id, "200.00");
            String before = stateHash(server);
            Instant now = Instant.now();

            assertRefused(callback(server, body, body.replace("200.00", "2.00"), now, "nonce-tampered"), 401,
                    CallbackSignature.SIGNATURE_HEADER);
            assertRefused(callback(server, body, body, now.minusSeconds(600), "nonce-stale"), 401,
                    CallbackSignature.TIMESTAMP_HEADER);
            assertRefused(callback(server, "{\"withdrawal\":\"" + id + "\"}", "{\"withdrawal\":\"" + id + "\"}", now,
                    "nonce-partial"), 400, "providerTransfer");
            String wrongAmount = transferNotification(transfer, id, "199.99");
            assertRefused(callback(server, wrongAmount, wrongAmount, now, "nonce-amount"), 422, "amount");
            String unknown = transferNotification("sbt_nope", id, "200.00");
            assertRefused(callback(server, unknown, unknown, now, "nonce-unknown"), 404, "providerTransfer");
            assertThat(stateHash(server)).as("refused callbacks change nothing").isEqualTo(before);

            Reply accepted = callback(server, body, body, now, "nonce-good");
            assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
            assertThat(accepted.body().get("status").asString()).isEqualTo("PAID");
            assertRefused(callback(server, body, body, now, "nonce-good"), 401, CallbackSignature.NONCE_HEADER);
            assertThat(server.get("/withdrawals/" + id).body().get("state").asString()).isEqualTo("PAID");
        }
    }

    @Test
    void aPayoutLostBetweenCommitAndSendGoesOutAfterARestart() throws Exception {
        String id;
        try (ServerHarness server = start()) {
            fund(server, "alice");
            id = withdrawSent(server, "w-1", "100.00");
            // As if the process died right after the commit: the provider never heard of the payout.
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            jdbc.update("DELETE FROM sandbox_transfers WHERE withdrawal_id = ?", id);
            jdbc.update("DELETE FROM payouts WHERE withdrawal_id = ?", id);
            assertThat(payout(server, id).isNull()).isTrue();
        }
        try (ServerHarness server = start()) {
            server.bean(ProviderOutbox.class).drain();
            JsonNode sent = payout(server, id);
            assertThat(sent.get("status").asString()).as("sent by the start-up sweep").isEqualTo("SENT");
            Reply paid = bankAnswers(server, sent.get("providerTransfer").asString(), "{\"status\":\"SUCCESS\"}", "bank");
            assertThat(paid.body().get("callback").get("status").asString()).isEqualTo("PAID");
        }
    }

    @Test
    void aRefundedOrderIsRefundedAtTheProviderOnce() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", MERCHANT);
            Reply created = PaymentTests.createStorePayment(server, "pay-o1", "o1", "100.00");
            assertThat(PaymentTests.complete(server, created, "c-1").body().get("callback").get("status").asString())
                    .isEqualTo("PAID");
            String payment = created.body().get("payment").asString();
            assertThat(server.get("/payments/" + payment).body().get("refund").isNull()).as("nothing owed yet").isTrue();

            assertThat(server.post("/orders/o1/refund", "refund-1", "").status()).isEqualTo(200);
            server.bean(ProviderOutbox.class).drain();
            JsonNode refund = server.get("/payments/" + payment).body().get("refund");
            assertThat(refund.get("providerRefund").asString()).isEqualTo("sbr_rf_" + payment);
            assertThat(refund.get("amount").asString()).isEqualTo("100.00");
            assertThat(server.post("/orders/o1/refund", "refund-2", "").status()).as("refunded once").isEqualTo(422);
            server.bean(ProviderOutbox.class).drain();
            assertThat(server.bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM sandbox_refunds",
                    Integer.class)).isEqualTo(1);
            assertThat(server.get("/payments/" + payment).body().get("refund")).isEqualTo(refund);
        }
    }

    @Test
    void aPaymentTheEngineRefusesIsRefundedAtTheProvider() throws Exception {
        try (ServerHarness server = start()) {
            server.post("m", MERCHANT);
            Reply created = PaymentTests.createStorePayment(server, "pay-o1", "o1", "100.00");
            assertThat(server.post("s", "{\"type\":\"suspend\",\"merchant\":\"shop\",\"reason\":\"report\"}").status())
                    .isEqualTo(200);
            Reply completed = PaymentTests.complete(server, created, "c-1");
            assertThat(completed.body().get("callback").get("status").asString()).isEqualTo("FAILED");
            server.bean(ProviderOutbox.class).drain();
            JsonNode view = server.get("/payments/" + created.body().get("payment").asString()).body();
            assertThat(view.get("status").asString()).isEqualTo("FAILED");
            assertThat(view.get("refund").get("amount").asString()).as("the customer's money back").isEqualTo("100.00");
        }
    }

    static String transferNotification(String transfer, String withdrawal, String amount) {
        return "{\"providerTransfer\":\"" + transfer + "\",\"withdrawal\":\"" + withdrawal + "\",\"amount\":\"" + amount
                + "\",\"status\":\"SUCCESS\"}";
    }

    /** Sends a payout callback as the sandbox would, signed with the test's copy of the secret. */
    static Reply callback(ServerHarness server, String signedBody, String sentBody, Instant at, String nonce)
            throws Exception {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = CallbackSignature.sign(PaymentTests.SECRET, timestamp, nonce,
                signedBody.getBytes(StandardCharsets.UTF_8));
        return server.post("/payouts/callback/sandbox", Map.of(CallbackSignature.TIMESTAMP_HEADER, timestamp,
                CallbackSignature.NONCE_HEADER, nonce, CallbackSignature.SIGNATURE_HEADER, signature), sentBody);
    }

    static void assertRefused(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.body().get("field").asString()).isEqualTo(field);
    }

    /** Issue 19 item 3: payee accounts are masked in every view and chosen at withdrawal, never another's. */
    @Test
    void aWithdrawalGoesToThePayeeItsOwnerChose() throws Exception {
        try (ServerHarness server = start()) {
            String alice = register(server, "alice");
            String card = "{\"kind\":\"BANK_CARD\",\"account\":\"6222020200111234\",\"verifiedName\":\"张三丰\"}";
            Reply added = server.send(alice, "POST", "/me/payees", card, "card-1");
            assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
            assertThat(added.body().get("account").asString()).isEqualTo("6222 **** **** 1234");
            assertThat(added.body().get("verifiedName").asString()).isEqualTo("张**");
            assertThat(added.body().toString()).doesNotContain("6222020200111234");
            assertThat(server.send(alice, "POST", "/me/payees", card, "card-1").body()).isEqualTo(added.body());
            assertThat(server.send(alice, "POST", "/me/payees", card.replace("张三丰", "李四"), "card-1").status())
                    .isEqualTo(409);
            Reply badCard = server.send(alice, "POST", "/me/payees", card.replace("6222020200111234", "62x2"), "card-2");
            assertThat(badCard.status()).isEqualTo(400);
            assertThat(badCard.body().get("field").asString()).isEqualTo("account");
            String bob = register(server, "bob");
            String bobs = server.send(bob, "POST", "/me/payees", "{\"kind\":\"ALIPAY\",\"account\":\"bob@example.com\","
                    + "\"verifiedName\":\"Bob\"}", "alipay-1").body().get("payee").asString();
            assertThat(server.send(alice, "GET", "/me/payees", null, null).body().size()).isEqualTo(1);

            fund(server, "alice");
            Reply others = server.send(alice, "POST", "/withdrawals", "{\"user\":\"alice\",\"amount\":\"10.00\","
                    + "\"payee\":\"" + bobs + "\"}", "wd-bob");
            assertThat(others.status()).isEqualTo(422);
            assertThat(others.body().get("field").asString()).isEqualTo("payee");
            String payee = added.body().get("payee").asString();
            Reply requested = server.send(alice, "POST", "/withdrawals", "{\"user\":\"alice\",\"amount\":\"10.00\","
                    + "\"payee\":\"" + payee + "\"}", "wd-own");
            assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
            JsonNode view = server.send(alice, "GET", "/withdrawals/" + requested.body().get("id").asString(), null, null)
                    .body();
            assertThat(view.get("payee").get("account").asString()).isEqualTo("6222 **** **** 1234");
        }
    }

    private static String register(ServerHarness server, String user) throws Exception {
        server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\"" + user
                + "-secret\"}", null);
        return server.login(user, user + "-secret");
    }
}
