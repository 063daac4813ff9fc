package org.zengzhi.server.withdrawal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zengzhi.log.LogLines;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.withdrawal.Withdrawal;
import org.zengzhi.engine.withdrawal.WithdrawalState;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Withdrawals as JSON, built on the gateway's thread (the engine is single-threaded). */
public final class WithdrawalJson {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private WithdrawalJson() {
    }

    /** One withdrawal, or null when the engine has none of that id. */
    static String one(Engine engine, String id) {
        Withdrawal withdrawal = engine.withdrawal(id);
        return withdrawal == null ? null : JSON.writeValueAsString(view(withdrawal));
    }

    /** The withdrawals in a state, in request order: the operator's review queue for REQUESTED. */
    static String list(Engine engine, WithdrawalState state, int limit) {
        List<Withdrawal> found = engine.withdrawals(state, limit);
        ObjectNode body = JSON.createObjectNode();
        body.put("state", state.name());
        ArrayNode items = body.putArray("withdrawals");
        found.forEach(withdrawal -> items.add(view(withdrawal)));
        return JSON.writeValueAsString(body);
    }

    static ObjectNode view(Withdrawal withdrawal) {
        ObjectNode view = JSON.createObjectNode();
        view.put("id", withdrawal.id());
        view.put("user", withdrawal.user());
        view.put("state", withdrawal.state().name());
        view.put("amount", Units.formatFen(withdrawal.amountFen()));
        view.put("fee", Units.formatFen(withdrawal.feeFen()));
        view.put("payout", Units.formatFen(withdrawal.payoutFen()));
        view.put("requestedAt", withdrawal.requestedAt().toString());
        view.put("reason", withdrawal.reason());
        view.put("reference", withdrawal.providerReference());
        return view;
    }

    /** "requested" or "REQUESTED" to the state; null for anything else. */
    static WithdrawalState state(String text) {
        for (WithdrawalState state : WithdrawalState.values()) {
            if (state.name().equals(text.toUpperCase(Locale.ROOT))) {
                return state;
            }
        }
        return null;
    }

    /**
     * A withdrawal command's answer: the withdrawal as it now stands plus the events; a rejection as a problem
     * naming its field, an unknown withdrawal as 404.
     */
    static Response answer(List<Event> events, int status) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null && rejected.code() == RejectionCode.UNKNOWN_WITHDRAWAL) {
            return Problems.rejected(404, "Not found", rejected.code().name(), rejected.field());
        }
        if (rejected != null) {
            return GatewayCalls.render(events);
        }
        ObjectNode body = JSON.createObjectNode();
        for (Event event : events) {
            describe(event, body);
        }
        body.set("events", JSON.readTree(LogLines.events(events)));
        return new Response(status, JSON.writeValueAsString(body));
    }

    /** A withdrawal's events all carry the withdrawal as it stands after them; the last one wins. */
    private static void describe(Event event, ObjectNode body) {
        switch (event.type()) {
            case WITHDRAWAL_REQUESTED -> {
                Event.WithdrawalRequested e = (Event.WithdrawalRequested) event;
                fill(body, e.withdrawal(), e.user(), e.state(), e.amountFen(), e.feeFen(), e.payoutFen());
            }
            case WITHDRAWAL_REVIEWED -> {
                Event.WithdrawalReviewed e = (Event.WithdrawalReviewed) event;
                fill(body, e.withdrawal(), e.user(), e.state(), e.amountFen(), e.feeFen(), e.payoutFen());
            }
            case WITHDRAWAL_SETTLED -> {
                Event.WithdrawalSettled e = (Event.WithdrawalSettled) event;
                fill(body, e.withdrawal(), e.user(), e.state(), e.amountFen(), e.feeFen(), e.payoutFen());
            }
            default -> {
            }
        }
    }

    private static void fill(ObjectNode body, String id, String user, WithdrawalState state, long amountFen,
            long feeFen, long payoutFen) {
        body.put("id", id);
        body.put("user", user);
        body.put("state", state.name());
        body.put("amount", Units.formatFen(amountFen));
        body.put("fee", Units.formatFen(feeFen));
        body.put("payout", Units.formatFen(payoutFen));
    }

    /** A user's withdrawals, newest first: amount, fee, payout, state, the review reason, the provider reference. */
    public static String ofUser(List<Map<String, Object>> rows) {
        ArrayNode list = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode withdrawal = list.addObject();
            withdrawal.put("id", (String) row.get("withdrawal_id"));
            withdrawal.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()));
            withdrawal.put("fee", Units.formatFen(((Number) row.get("fee")).longValue()));
            withdrawal.put("payout", Units.formatFen(((Number) row.get("payout")).longValue()));
            withdrawal.put("state", (String) row.get("state"));
            withdrawal.put("reason", (String) row.get("reason"));
            withdrawal.put("reference", (String) row.get("reference"));
            withdrawal.put("requestedAt", ReadTimes.iso(row.get("requested_at")));
            withdrawal.put("decidedAt", ReadTimes.iso(row.get("decided_at")));
        }
        return JSON.writeValueAsString(list);
    }
}
