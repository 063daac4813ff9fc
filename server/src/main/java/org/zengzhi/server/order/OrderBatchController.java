package org.zengzhi.server.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.CommandLines;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Batch import of paid orders: a JSON array of up to {@link EngineGateway#REQUEST_COMMANDS_MAX} {@code pay}
 * commands of the log format, one Idempotency-Key for the whole array. The orders go to the gateway as one
 * request, so they are applied back to back and committed together; each meets its own fate, and the
 * response lists every order's result in the order sent. A retry with the same key and body returns the
 * first response; the same key with another body is 409.
 */
@RestController
@RequestMapping("/api/v1")
class OrderBatchController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngineGateway gateway;

    OrderBatchController(EngineGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(path = "/orders/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> batch(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return GatewayCalls.done(Problems.badRequest("Idempotency-Key", "every state-changing call needs an "
                    + "Idempotency-Key header of 1 to 200 characters"));
        }
        List<ObjectNode> orders = new ArrayList<>();
        try {
            JsonNode tree = JSON.readTree(body);
            if (!(tree instanceof ArrayNode) || tree.isEmpty() || tree.size() > EngineGateway.REQUEST_COMMANDS_MAX) {
                return GatewayCalls.done(Problems.badRequest(null, "the body must be a JSON array of 1 to "
                        + EngineGateway.REQUEST_COMMANDS_MAX + " pay commands"));
            }
            for (int i = 0; i < tree.size(); i++) {
                Response problem = check(tree.get(i), i);
                if (problem != null) {
                    return GatewayCalls.done(problem);
                }
                orders.add((ObjectNode) tree.get(i));
            }
        } catch (JacksonException e) {
            return GatewayCalls.done(Problems.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage()));
        }
        List<CommandRequest> commands = new ArrayList<>(orders.size());
        for (ObjectNode order : orders) {
            commands.add(new CommandRequest(now -> CommandLines.parse(order, now), GatewayCalls::render, null, null));
        }
        return gateway.submitAll(commands, "orders/batch:" + key, GatewayCalls.sha256(body),
                responses -> combine(orders, responses)).thenApply(GatewayCalls::entity);
    }

    /** A problem naming the failing element ({@code [3].amount}), or null for a well-formed pay command. */
    private static Response check(JsonNode element, int index) {
        if (!(element instanceof ObjectNode)) {
            return Problems.badRequest("[" + index + "]", "every element must be a JSON object");
        }
        ObjectNode order = (ObjectNode) element;
        order.remove("at");
        if (!"pay".equals(order.path("type").asString(null))) {
            return Problems.badRequest("[" + index + "].type", "every element must be a \"pay\" command");
        }
        if (!order.hasNonNull("id")) {
            return Problems.badRequest("[" + index + "].id", "every order needs its id");
        }
        try {
            new LogLines(() -> Instant.EPOCH).parse(1, CommandLines.stamped(order, Instant.EPOCH));
        } catch (IllegalArgumentException e) {
            String field = CommandLines.fieldOf(e.getMessage());
            return Problems.badRequest("[" + index + "]" + (field == null ? "" : "." + field),
                    CommandLines.lineDetail(e.getMessage()));
        }
        return null;
    }

    /** {@code {"results":[{"id":…,"status":200,"body":{"events":[…]}}, …]}}, in the order sent. */
    private static Response combine(List<ObjectNode> orders, List<Response> responses) {
        StringBuilder json = new StringBuilder(responses.size() * 400).append("{\"results\":[");
        for (int i = 0; i < responses.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":").append(JSON.writeValueAsString(orders.get(i).get("id").asString()))
                    .append(",\"status\":").append(responses.get(i).status()).append(",\"body\":")
                    .append(responses.get(i).body()).append('}');
        }
        return new Response(200, json.append("]}").toString());
    }
}
