package org.zengzhi.server.operator;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Read views of the engine, built on the gateway's thread (the engine is single-threaded). */
public final class EconomyViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EconomyViews() {
    }

    static String economy(Engine engine) {
        ObjectNode view = JSON.createObjectNode();
        view.put("poolCash", Units.formatFen(engine.poolCash()));
        view.put("circulatingPoints", Units.formatPoints(engine.circulatingPoints()));
        view.put("price", engine.price().display());
        view.put("participants", engine.participantCount());
        view.put("holders", engine.holderCount());
        view.put("merchants", engine.merchantIds().size());
        view.put("unsettledOrders", engine.unsettledOrders());
        view.put("plan", engine.plan().name());
        ObjectNode platform = view.putObject("platform");
        for (AccountType type : AccountType.values()) {
            if (type.system() && engine.balance(type, null) != 0) {
                platform.put(type.name(), Units.format(engine.balance(type, null), type.asset().decimals()));
            }
        }
        return JSON.writeValueAsString(view);
    }

    static String check(Engine engine) {
        ObjectNode view = JSON.createObjectNode();
        view.put("stateHash", engine.stateHash());
        ArrayNode violations = view.putArray("violations");
        engine.checkInvariants().forEach(violations::add);
        view.put("invariantsHold", violations.isEmpty());
        return JSON.writeValueAsString(view);
    }
}
