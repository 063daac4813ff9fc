package org.zengzhi.server.web;

import java.time.Instant;

import org.zengzhi.log.LogLines;
import org.zengzhi.engine.Command;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Commands written as JSON objects of the journal's line format, as {@code POST /commands} and
 * {@code POST /orders/batch} take them: stamped with the server's time, parsed by the journal's own parser, and its
 * refusals turned into problems that name the field.
 */
public final class CommandLines {
    /** Configured as the command endpoint's reader, so a line is written back exactly as it was read. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private CommandLines() {
    }

    public static Command parse(ObjectNode line, Instant now) {
        return new LogLines(() -> now).parse(1, stamped(line, now));
    }

    public static String stamped(ObjectNode line, Instant now) {
        ObjectNode copy = line.deepCopy();
        copy.put("at", now.toString());
        return JSON.writeValueAsString(copy);
    }

    /** A 400 naming the field the journal-line parser refused, with its message less the "line 1: " prefix. */
    public static Response lineProblem(IllegalArgumentException refusal) {
        return Problems.badRequest(fieldOf(refusal.getMessage()), lineDetail(refusal.getMessage()));
    }

    /** The parser's message without the "line 1: " it puts before every message. */
    public static String lineDetail(String message) {
        return message.replaceFirst("^line 1: ", "");
    }

    /** "line 1: field "amount": …" names the field. */
    public static String fieldOf(String message) {
        int start = message.indexOf("field \"");
        return start < 0 ? null : message.substring(start + 7, message.indexOf('"', start + 7));
    }
}
