package org.zengzhi.server.web;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zengzhi.cli.LogLines;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

/** What every controller does the same way: responses, problem+json, idempotent command submission. */
public final class Http {
    private static final int KEY_LENGTH_MAX = 200;

    private Http() {
    }

    public static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }

    public static CompletableFuture<ResponseEntity<String>> done(Response response) {
        return CompletableFuture.completedFuture(entity(response));
    }

    public static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** A problem when the Idempotency-Key header is missing or too long, else null. */
    public static Response keyProblem(String key) {
        return key == null || key.isBlank() || key.length() > KEY_LENGTH_MAX
                ? Problems.badRequest("Idempotency-Key", "every state-changing call needs an Idempotency-Key header of 1 to "
                        + KEY_LENGTH_MAX + " characters")
                : null;
    }

    /** 200 with the events as {@code replay} prints them, or 422 with the rejection's code and field. */
    public static Response render(List<Event> events) {
        if (events.size() == 1 && events.get(0) instanceof Event.CommandRejected) {
            Event.CommandRejected rejected = (Event.CommandRejected) events.get(0);
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        return new Response(200, "{\"events\":" + LogLines.events(events) + "}");
    }

    /**
     * Submits one command built at the gateway's time, idempotent under {@code scope}:{@code key};
     * {@code requestHash} identifies the request's content so a reused key with other content is a conflict.
     */
    public static CompletableFuture<ResponseEntity<String>> submit(EngineGateway gateway, String scope, String key,
            String requestHash, Function<java.time.Instant, Command> command) {
        Response problem = keyProblem(key);
        if (problem != null) {
            return done(problem);
        }
        return gateway.submit(new CommandRequest(command, Http::render, scope + ":" + key, requestHash))
                .thenApply(Http::entity);
    }
}
