package org.zengzhi.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.cli.LogLines;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.gateway.CommandRequest;
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
class ApiController {
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngineGateway gateway;

    ApiController(EngineGateway gateway) {
        this.gateway = gateway;
    }

    @PostMapping(path = "/commands", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> command(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return done(Problems.badRequest("Idempotency-Key", "every state-changing call needs an Idempotency-Key "
                    + "header of 1 to 200 characters"));
        }
        ObjectNode line;
        try {
            JsonNode tree = JSON.readTree(body);
            if (!(tree instanceof ObjectNode)) {
                return done(Problems.badRequest(null, "the body must be one JSON object"));
            }
            line = (ObjectNode) tree;
            line.remove("at");
            if (!line.has("id")) {
                // Commands without an id of their own (all but orders) are named by the caller's key.
                line.put("id", key);
            }
            new LogLines(() -> Instant.EPOCH).parse(1, stamped(line, Instant.EPOCH));
        } catch (JacksonException e) {
            return done(Problems.badRequest(null, "the body is not valid JSON: " + e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            return done(Problems.badRequest(fieldOf(e.getMessage()), e.getMessage().replaceFirst("^line 1: ", "")));
        }
        CommandRequest request = new CommandRequest(now -> parse(line, now), ApiController::render,
                "commands:" + key, sha256(body));
        return gateway.submit(request).thenApply(ApiController::entity);
    }

    @GetMapping("/economy")
    CompletableFuture<ResponseEntity<String>> economy() {
        return gateway.query(Views::economy).thenApply(body -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    /** The invariants of checked now (O(n)), the state hash and the journal position. */
    @GetMapping("/operator/check")
    CompletableFuture<ResponseEntity<String>> check() {
        return gateway.query(Views::check).thenApply(body -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON).body(body));
    }

    @GetMapping("/users/{user}/wallet")
    CompletableFuture<ResponseEntity<String>> wallet(@PathVariable String user) {
        return gateway.query(engine -> Views.wallet(engine, user)).thenApply(body -> body == null
                ? entity(Problems.problem(404, "Not found", "user", "no user " + user))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body));
    }

    static Command parse(ObjectNode line, Instant now) {
        return new LogLines(() -> now).parse(1, stamped(line, now));
    }

    static String stamped(ObjectNode line, Instant now) {
        ObjectNode copy = line.deepCopy();
        copy.put("at", now.toString());
        return JSON.writeValueAsString(copy);
    }

    static Response render(List<Event> events) {
        if (events.size() == 1 && events.get(0) instanceof Event.CommandRejected) {
            Event.CommandRejected rejected = (Event.CommandRejected) events.get(0);
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        return new Response(200, "{\"events\":" + LogLines.events(events) + "}");
    }

    static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? PROBLEM : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }

    static CompletableFuture<ResponseEntity<String>> done(Response response) {
        return CompletableFuture.completedFuture(entity(response));
    }

    /** "line 1: field "amount": …" names the field. */
    static String fieldOf(String message) {
        int start = message.indexOf("field \"");
        return start < 0 ? null : message.substring(start + 7, message.indexOf('"', start + 7));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
