package org.zengzhi.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Rejections;

/**
 * What every state-changing endpoint shares: the Idempotency-Key check, the request hash a retry is
 * compared by, the submission to the gateway, and the mapping of engine events and problems to HTTP
 * responses. Controllers stay thin: validate, build the command, call {@link #submit}.
 */
public final class GatewayCalls {
    public static final int KEY_LENGTH_MAX = 200;
    /** The charset is named: a client must not guess how the field names and details are encoded. */
    public static final MediaType PROBLEM = new MediaType(MediaType.APPLICATION_PROBLEM_JSON, StandardCharsets.UTF_8);

    private GatewayCalls() {
    }

    /** A 400 naming the header when the key is missing or too long, else null. */
    public static Response keyProblem(String key) {
        if (key == null || key.isBlank() || key.length() > KEY_LENGTH_MAX) {
            return Problems.badRequest("Idempotency-Key", "every state-changing call needs an Idempotency-Key "
                    + "header of 1 to " + KEY_LENGTH_MAX + " characters");
        }
        return null;
    }

    /**
     * Queues the command; the answer comes once its batch is durable. {@code scope} keeps the keys of one
     * family of endpoints apart from another's; {@code requestHash} is what a retry must match.
     */
    public static CompletableFuture<ResponseEntity<String>> submit(EngineGateway gateway, String scope, String key,
            String requestHash, Function<Instant, Command> command, Function<List<Event>, Response> render) {
        Response unreplayable = unreplayable(command);
        if (unreplayable != null) {
            return done(unreplayable);
        }
        return submitParsed(gateway, scope, key, requestHash, command, render);
    }

    /**
     * {@link #submit} for a command this request already parsed from a journal line ({@code POST /commands}):
     * the parser accepted every field, so the command writes back to a line that parses, and the hot path does
     * not pay for writing and parsing it once more to find out.
     */
    public static CompletableFuture<ResponseEntity<String>> submitParsed(EngineGateway gateway, String scope,
            String key, String requestHash, Function<Instant, Command> command, Function<List<Event>, Response> render) {
        CommandRequest request = new CommandRequest(command, render, scope + ":" + key, requestHash);
        return gateway.submit(request).thenApply(GatewayCalls::entity);
    }

    /**
     * A 400 naming the field when the command would be journaled as a line that does not parse back — a
     * required text left out of the body, so null — else null. Recovery replays the journal through the
     * parser: such a line, once committed (rejected commands are journaled too), stopped the gateway at its
     * next rebuild and kept the server from starting. Checked on the caller's thread, before the queue.
     */
    public static Response unreplayable(Function<Instant, Command> command) {
        String line;
        try {
            line = LogLines.write(command.apply(Instant.EPOCH));
        } catch (RuntimeException e) {
            return Problems.badRequest(null, "the request does not make a command: " + e);
        }
        try {
            new LogLines(() -> Instant.EPOCH).parse(1, line);
            return null;
        } catch (IllegalArgumentException e) {
            return CommandLines.lineProblem(e);
        }
    }

    /** The same, with the usual rendering: events on success, a 422 problem on a rejection. */
    public static CompletableFuture<ResponseEntity<String>> submit(EngineGateway gateway, String scope, String key,
            String requestHash, Function<Instant, Command> command) {
        Response problem = keyProblem(key);
        if (problem != null) {
            return done(problem);
        }
        return submit(gateway, scope, key, requestHash, command, GatewayCalls::render);
    }

    /** A single rejection becomes a 422 problem with its code and field; anything else 200 with the events. */
    public static Response render(List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        return new Response(200, "{\"events\":" + LogLines.events(events) + "}");
    }

    public static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? PROBLEM : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }

    public static CompletableFuture<ResponseEntity<String>> done(Response response) {
        return CompletableFuture.completedFuture(entity(response));
    }

    public static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A JSON body computed on the gateway's thread, as a 200. */
    public static CompletableFuture<ResponseEntity<String>> json(CompletableFuture<String> body) {
        return body.thenApply(text -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(text));
    }

    /**
     * SHA-256 in hex over the parts with a line break between them, so that parts cannot run into each other;
     * one part hashes as itself, as the journal's existing idempotency records were hashed.
     */
    public static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    digest.update((byte) '\n');
                }
                digest.update(parts[i]);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
