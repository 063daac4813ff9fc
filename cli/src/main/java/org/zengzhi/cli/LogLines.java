package org.zengzhi.cli;

import java.time.Instant;
import java.util.function.Supplier;

import org.zengzhi.engine.Command;

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
}
