package org.zengzhi.log;

/**
 * A log line that is not a well-formed command. Replay stops at the first one: running the commands
 * after it would give an auditor a state that no real history produced.
 */
public final class MalformedLineException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;
    private final String field;

    /** @param field the JSON field at fault, or {@code null} when the line as a whole is */
    MalformedLineException(long lineNumber, String field, String reason) {
        super("line " + lineNumber + ": " + (field == null ? "" : "field \"" + field + "\": ") + reason);
        this.lineNumber = lineNumber;
        this.field = field;
    }

    public long lineNumber() {
        return lineNumber;
    }

    public String field() {
        return field;
    }
}
