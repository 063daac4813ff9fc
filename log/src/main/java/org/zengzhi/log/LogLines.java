package org.zengzhi.log;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;

/**
 * The command-log format as a library: parse one line into an engine command, write a command as one
 * line. Used by the server for its journal, so a journal is a log {@code zengzhi replay} can run.
 */
public final class LogLines {
    private final LogLineParser parser;

    /** {@code clock} supplies the time for lines of the order flow that carry no "at". */
    public LogLines(Supplier<Instant> clock) {
        this.parser = new LogLineParser(clock);
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException naming the line number and the field when the line is malformed
     */
    public Command parse(long lineNumber, String line) {
        try {
            return parser.parse(lineNumber, line);
        } catch (MalformedLineException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static String write(Command command) {
        return CommandWriter.write(command);
    }

    /** Events as a JSON array of the objects {@code zengzhi replay} prints, one per event. */
    public static String events(List<Event> events) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EventWriter writer = new EventWriter(bytes)) {
            events.forEach(writer::write);
        }
        String lines = bytes.toString(StandardCharsets.UTF_8).strip();
        return "[" + String.join(",", lines.isEmpty() ? List.of() : List.of(lines.split("\n"))) + "]";
    }
}
