package org.zengzhi.server.web;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's and integrator's command endpoint: any command of the log format (docs/replay.md) as a
 * JSON object, stamped with the server's time. Every call needs an Idempotency-Key.
 */
@RestController
@RequestMapping("/api/v1")
class CommandController {
    /** Decimal numbers stay BigDecimal: an amount written as a JSON number never passes through a double. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final EngineGateway gateway;

    CommandController(EngineGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(path = "/commands", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> command(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        ObjectNode line;
        try {
            JsonNode tree = JSON.readTree(body);
            if (!(tree instanceof ObjectNode)) {
                return GatewayCalls.done(Problems.badRequest(null, "the body must be one JSON object"));
            }
            line = (ObjectNode) tree;
            line.remove("at");
            if (!line.has("id")) {
                // Commands without an id of their own (all but orders) are named by the caller's key.
                line.put("id", key);
            }
            new LogLines(() -> Instant.EPOCH).parse(1, CommandLines.stamped(line, Instant.EPOCH));
        } catch (JacksonException e) {
            return GatewayCalls.done(Problems.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            return GatewayCalls.done(CommandLines.lineProblem(e));
        }
        return GatewayCalls.submitParsed(gateway, "commands", key, GatewayCalls.sha256(body), now -> CommandLines.parse(line, now),
                GatewayCalls::render);
    }
}
