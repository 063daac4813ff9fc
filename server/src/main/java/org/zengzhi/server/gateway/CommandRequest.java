package org.zengzhi.server.gateway;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;

/**
 * A state-changing request for the gateway: {@code command} builds the engine command from the time the
 * writer thread stamps on it; {@code render} turns the events into the response. With an idempotency
 * key, a retry with the same {@code requestHash} gets the first response and a different one a conflict.
 */
public record CommandRequest(Function<Instant, Command> command, Function<List<Event>, Response> render,
        String idempotencyKey, String requestHash) {
}
