package org.zengzhi.server.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

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
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Callers may identify a request by any text ("amount|reason", an order id); it is kept as its SHA-256 so
     * every idempotency record has the same size, whatever the request carried.
     */
    public CommandRequest {
        if (requestHash != null && !SHA256_HEX.matcher(requestHash).matches()) {
            requestHash = sha256(requestHash);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A request that updates no read-model rows besides the gateway's own. */
    public CommandRequest(Function<Instant, Command> command, Function<List<Event>, Response> render,
            String idempotencyKey, String requestHash) {
        this(command, render, idempotencyKey, requestHash, (applied, events) -> List.of());
    }
}
