package org.zengzhi.server.journal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format: the bulk path of the group commit
 * (ARCHITECTURE: bulk writes use COPY on PostgreSQL). Values are written as PostgreSQL reads them back
 * exactly: integers in decimal, times as ISO-8601 instants, text with backslash, tab, line feed and
 * carriage return escaped, null as {@code \N}.
 */
final class CopyRows {
    private final String target;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    /** {@code target} is the table and its columns, e.g. {@code postings (command_seq, amount)}. */
    CopyRows(String target) {
        this.target = target;
    }

    CopyRows add(long value) {
        separate();
        text.append(value);
        return this;
    }

    /** A JDBC-style value: a number, text, a time ({@link Timestamp} or {@link Instant}) or null. */
    CopyRows addValue(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return add(((Number) value).longValue());
        }
        if (value instanceof Timestamp timestamp) {
            return add(timestamp.toInstant());
        }
        if (value == null || value instanceof String || value instanceof Instant) {
            return value instanceof Instant instant ? add(instant) : add((String) value);
        }
        throw new IllegalArgumentException("COPY takes numbers, text and times, not " + value.getClass().getName());
    }

    CopyRows add(Instant value) {
        return add(value == null ? null : value.toString());
    }

    CopyRows add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = escape(value.charAt(i));
            if (escaped != null) {
                text.append(value, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        text.append(value, plain, value.length());
        return this;
    }

    /** How COPY's text format writes a character it treats specially, or null for one written as it is. */
    private static String escape(char c) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> null;
        };
    }

    /** Ends the current row. */
    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    /** The rows as COPY reads them. */
    String text() {
        return text.toString();
    }

    /** Sends the rows on {@code connection} (in its transaction); nothing is sent when there are none. */
    void copyInto(Connection connection) throws SQLException {
        if (rows == 0) {
            return;
        }
        byte[] bytes = text().getBytes(StandardCharsets.UTF_8);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
