package org.zengzhi.server.journal;

import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows of one table inside the journal's transaction: through COPY on PostgreSQL, as one JDBC
 * batch elsewhere (H2). Every row gives a value for each column, in order.
 */
public final class BulkInsert {
    private final JdbcTemplate jdbc;
    private final boolean copy;

    BulkInsert(JdbcTemplate jdbc, boolean copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    public void rows(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String target = table + " (" + String.join(", ", columns) + ")";
        if (!copy) {
            jdbc.batchUpdate("INSERT INTO " + target + " VALUES (" + String.join(", ",
                    Collections.nCopies(columns.size(), "?")) + ")", rows);
            return;
        }
        CopyRows text = new CopyRows(target);
        for (Object[] row : rows) {
            for (Object value : row) {
                text.addValue(value);
            }
            text.endRow();
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            text.copyInto(connection);
            return null;
        });
    }
}
