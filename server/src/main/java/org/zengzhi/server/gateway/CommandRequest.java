package org.zengzhi.server.gateway;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.journal.ReadModelWrite;

/**
 * A state-changing request for the gateway: {@code command} builds the engine command from the time the
 * writer thread stamps on it; {@code render} turns the events into the response. With an idempotency
 * key, a retry with the same {@code requestHash} gets the first response and a different one a conflict.
 * {@code readModel} names the read-model rows to update from the command and its events; they are written
 * in the batch's transaction, with the journal row.
 */
public record CommandRequest(Function<Instant, Command> command, Function<List<Event>, Response> render,
        String idempotencyKey, String requestHash, BiFunction<Command, List<Event>, List<ReadModelWrite>> readModel) {

    /** A request that updates no read-model rows besides the gateway's own. */
    public CommandRequest(Function<Instant, Command> command, Function<List<Event>, Response> render,
            String idempotencyKey, String requestHash) {
        this(command, render, idempotencyKey, requestHash, (applied, events) -> List.of());
    }
}
