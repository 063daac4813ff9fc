package org.zengzhi.server.withdrawal.web;

import java.util.List;
import java.util.Locale;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.withdrawal.Withdrawal;
import org.zengzhi.engine.withdrawal.WithdrawalState;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Withdrawals as JSON, built on the gateway's thread (the engine is single-threaded). */
final class WithdrawalJson {
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
}
