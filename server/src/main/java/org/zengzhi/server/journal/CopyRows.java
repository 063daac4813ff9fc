package org.zengzhi.server.journal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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

    CopyRows add(Instant value) {
        return add(value == null ? null : value.toString());
    }

    CopyRows add(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
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
