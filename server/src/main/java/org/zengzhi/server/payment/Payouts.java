package org.zengzhi.server.payment;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.withdrawal.Withdrawal;
import org.zengzhi.engine.withdrawal.WithdrawalState;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.payment.PaymentProvider.Refused;
import org.zengzhi.server.payment.PaymentProvider.TransferNotification;
import org.zengzhi.server.payment.PaymentProvider.TransferVerification;
import org.zengzhi.server.payment.PaymentProvider.TransferVerified;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payouts of approved withdrawals through the provider, in the {@code payouts} table. An
 * approved withdrawal is sent to the provider once: its row is written before the provider is asked, and the
 * provider is idempotent by withdrawal, so a crash in between is retried without a second transfer. The
 * provider's signed callback settles the withdrawal in the engine once per transfer (the gateway keeps the
 * first answer under the transfer's key), and the engine refuses to settle a withdrawal twice: never paid
 * twice.
 */
public final class Payouts {
    private static final Logger LOG = LoggerFactory.getLogger(Payouts.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final PaymentProvider provider;
    private final Map<String, PaymentProvider> providers;
    private final EngineGateway gateway;
    private final Clock clock;

    public Payouts(JdbcTemplate jdbc, Payments payments, EngineGateway gateway, Clock clock) {
        this.jdbc = jdbc;
        this.provider = payments.defaultProvider();
        this.providers = payments.providers();
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Sends an approved withdrawal's payout, unless it was sent before. A provider that refuses or cannot be
     * reached leaves the row SENDING, and {@link #sendOwed} tries again later.
     */
    public void send(String withdrawal, String user, long payoutFen) {
        try {
            jdbc.update("INSERT INTO payouts (withdrawal_id, user_id, amount_fen, provider, status, created_at) "
                    + "VALUES (?, ?, ?, ?, 'SENDING', ?)", withdrawal, user, payoutFen, provider.name(),
                    Timestamp.from(clock.instant()));
        } catch (DuplicateKeyException e) {
            // Already on its way (or settled): only a row still SENDING is sent again.
        }
        List<Map<String, Object>> row = jdbc.queryForList("SELECT provider, status FROM payouts WHERE withdrawal_id = ?",
                withdrawal);
        if (row.isEmpty() || !"SENDING".equals(row.get(0).get("status"))) {
            return;
        }
        PaymentProvider owner = providers.get((String) row.get(0).get("provider"));
        String transfer = owner.transfer(withdrawal, user, payoutFen);
        jdbc.update("UPDATE payouts SET provider_transfer = ?, status = 'SENT', sent_at = ? WHERE withdrawal_id = ? "
                + "AND status = 'SENDING'", transfer, Timestamp.from(clock.instant()), withdrawal);
        LOG.info("payout of withdrawal {} ({} to {}) sent to {} as {}", withdrawal, Units.formatFen(payoutFen), user,
                owner.name(), transfer);
    }

    /**
     * Sends every approved withdrawal whose payout is not with the provider yet: after a crash between a
     * commit and its send, or after the provider failed to answer. Returns how many were sent.
     */
    public int sendOwed() {
        List<Withdrawal> approved = gateway.query(engine -> engine.withdrawals(WithdrawalState.APPROVED,
                Integer.MAX_VALUE)).join();
        int sent = 0;
        for (Withdrawal withdrawal : approved) {
            List<String> status = jdbc.queryForList("SELECT status FROM payouts WHERE withdrawal_id = ?", String.class,
                    withdrawal.id());
            if (status.isEmpty() || "SENDING".equals(status.get(0))) {
                try {
                    send(withdrawal.id(), withdrawal.user(), withdrawal.payoutFen());
                    sent++;
                } catch (RuntimeException e) {
                    LOG.warn("payout of withdrawal {} not sent yet: {}", withdrawal.id(), e.getMessage());
                }
            }
        }
        return sent;
    }

    /** Payouts the provider has and has not answered yet, oldest first: withdrawal, user, amount, transfer. */
    public List<Map<String, String>> awaitingProvider(int limit) {
        return jdbc.queryForList("SELECT withdrawal_id, user_id, amount_fen, provider, provider_transfer, sent_at FROM payouts "
                + "WHERE status = 'SENT' ORDER BY sent_at LIMIT " + limit).stream()
                .map(row -> Map.of("withdrawal", (String) row.get("withdrawal_id"), "user", (String) row.get("user_id"),
                        "amount", Units.formatFen(((Number) row.get("amount_fen")).longValue()),
                        "provider", (String) row.get("provider"), "transfer", (String) row.get("provider_transfer"),
                        "sentAt", instant(row.get("sent_at"))))
                .toList();
    }

    /** The payout of a withdrawal as JSON fields, or null if none was started. */
    public ObjectNode view(String withdrawal) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT provider, provider_transfer, status, amount_fen, "
                + "failure_reason, sent_at, settled_at FROM payouts WHERE withdrawal_id = ?", withdrawal);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = rows.get(0);
        ObjectNode view = JSON.createObjectNode();
        view.put("provider", (String) row.get("provider"));
        view.put("providerTransfer", (String) row.get("provider_transfer"));
        view.put("status", (String) row.get("status"));
        view.put("amount", Units.formatFen(((Number) row.get("amount_fen")).longValue()));
        view.put("failureReason", (String) row.get("failure_reason"));
        view.put("sentAt", instant(row.get("sent_at")));
        view.put("settledAt", instant(row.get("settled_at")));
        return view;
    }

    /**
     * A provider's payout callback: refused unless verified and matching the payout sent; otherwise the
     * engine's SettleWithdrawal goes through the gateway once per transfer, and every delivery gets the first
     * answer.
     */
    public CompletableFuture<Response> callback(String providerName, Map<String, String> headers, byte[] body) {
        PaymentProvider sender = providers.get(providerName);
        if (sender == null) {
            return done(Problems.problem(404, "Not found", "provider", "no payment provider " + providerName));
        }
        TransferVerification verification = sender.verifyTransfer(headers, body);
        if (verification instanceof Refused refused) {
            LOG.warn("refused a {} payout callback: {} {}", providerName, refused.field(), refused.reason());
            return done(Payments.refusal(refused));
        }
        TransferNotification notification = ((TransferVerified) verification).notification();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT withdrawal_id, amount_fen FROM payouts "
                + "WHERE provider = ? AND provider_transfer = ?", providerName, notification.providerTransfer());
        if (rows.isEmpty()) {
            return done(Problems.problem(404, "Not found", "providerTransfer", "no payout with the " + providerName
                    + " transfer " + notification.providerTransfer()));
        }
        String withdrawal = (String) rows.get(0).get("withdrawal_id");
        long amountFen = ((Number) rows.get(0).get("amount_fen")).longValue();
        if (!withdrawal.equals(notification.withdrawal()) || amountFen != notification.amountFen()) {
            String field = withdrawal.equals(notification.withdrawal()) ? "amount" : "withdrawal";
            LOG.error("a verified {} payout callback for {} does not match the payout's {}", providerName, withdrawal,
                    field);
            return done(Problems.problem(422, "Unprocessable", field, "the notification's " + field + " differs from "
                    + "the payout's; nothing was settled"));
        }
        return gateway.submit(settle(providerName, withdrawal, notification));
    }

    private CommandRequest settle(String providerName, String withdrawal, TransferNotification notification) {
        String transfer = notification.providerTransfer();
        String key = "payouts:callback:" + providerName + ":" + transfer;
        return new CommandRequest(
                now -> new Command.SettleWithdrawal("payout:" + providerName + ":" + transfer, now, withdrawal,
                        notification.paid(), transfer),
                events -> outcome(withdrawal, notification, events), key,
                Payments.sha256(key.getBytes(StandardCharsets.UTF_8)),
                (command, events) -> rejection(events) != null ? List.of()
                        : List.of(new ReadModelWrite("UPDATE payouts SET status = ?, failure_reason = ?, settled_at = ? "
                                + "WHERE withdrawal_id = ?", Arrays.asList(notification.paid() ? "PAID" : "FAILED",
                                        notification.reason(), Timestamp.from(command.at()), withdrawal))));
    }

    private static Response outcome(String withdrawal, TransferNotification notification, List<Event> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("withdrawal", withdrawal);
        body.put("providerTransfer", notification.providerTransfer());
        String rejection = rejection(events);
        if (rejection == null) {
            body.put("status", notification.paid() ? "PAID" : "FAILED");
        } else {
            // The withdrawal was settled before (by hand): the engine pays nothing twice. A provider that says it
            // paid such a withdrawal has paid it twice in the real world, which an operator must chase.
            if (notification.paid()) {
                LOG.error("the provider paid withdrawal {} (transfer {}), which was no longer awaiting payout ({})",
                        withdrawal, notification.providerTransfer(), rejection);
            }
            body.put("status", "IGNORED");
            body.put("code", rejection);
        }
        return new Response(200, JSON.writeValueAsString(body));
    }

    private static String rejection(List<Event> events) {
        return Rejections.code(events);
    }

    private static String instant(Object timestamp) {
        return timestamp == null ? null : ReadTimes.iso(timestamp);
    }

    private static CompletableFuture<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
