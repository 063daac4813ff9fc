package org.zengzhi.server.payment;

import java.time.Instant;

import org.zengzhi.engine.Command;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A four-party order paid through the provider (issue 20 item 3): what the engine's {@code PayPartyOrder} carries
 * besides the order id, time and user. Its cash part ({@code amount − contrib}) is the intent's amount; the 贡献值
 * part is not cash. Stored with the intent as JSON.
 */
public record PartyPurchase(String product, int quantity, long contribFen, String promoter, String device, String ip) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The engine command the paid callback submits: the order id is the command id. */
    public Command.PayPartyOrder command(String order, Instant at, String user) {
        return new Command.PayPartyOrder(order, at, user, product, quantity, contribFen, promoter, device, ip);
    }

    String json() {
        ObjectNode node = JSON.createObjectNode();
        node.put("product", product);
        node.put("quantity", quantity);
        node.put("contribFen", contribFen);
        node.put("promoter", promoter);
        node.put("device", device);
        node.put("ip", ip);
        return JSON.writeValueAsString(node);
    }

    static PartyPurchase fromJson(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = JSON.readTree(json);
        JsonNode promoter = node.get("promoter");
        return new PartyPurchase(node.get("product").asString(), node.get("quantity").asInt(),
                node.get("contribFen").asLong(), promoter == null || promoter.isNull() ? null : promoter.asString(),
                node.get("device").asString(), node.get("ip").asString());
    }
}
