package org.zengzhi.cluster.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.zengzhi.cluster.OutputSink;
import org.zengzhi.engine.Event;
import org.zengzhi.log.LogLines;

/**
 * The cluster's outputs in PostgreSQL, in a schema of their own (issue 21, deliver 2). Two tables, both keyed so a
 * command applied again (a take-over replaying from an older snapshot, or a zombie owner) writes nothing twice:
 * <ul>
 *   <li>{@code outputs (tenant, log_offset)}: the command id, how many events and the events as log lines (the
 *       postings the read models are built from);</li>
 *   <li>{@code idempotency (tenant, command_id)}: the offset that first carried the command id, so a request
 *       retried with the same key is answered from its first result.</li>
 * </ul>
 * A batch of one tenant is written in one transaction with {@code INSERT … ON CONFLICT DO NOTHING}. The tables are
 * made by {@link #createSchema()} with plain {@code CREATE … IF NOT EXISTS} (no Flyway: they belong to the cluster,
 * not to the server's schema).
 */
public final class PgOutputs implements OutputSink, AutoCloseable {
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private final String schema;
    private final Connections connections;
    private final AtomicLong refused = new AtomicLong();

    /** Writes to {@code schema} of the database at {@code jdbcUrl} over at most {@code poolSize} connections. */
    public PgOutputs(String jdbcUrl, String user, String password, String schema, int poolSize) {
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + SCHEMA_NAME + ": " + schema);
        }
        this.schema = schema;
        this.connections = new Connections(jdbcUrl, user, password, poolSize);
    }

    /** Makes the schema and its two tables if they are not there. */
    public PgOutputs createSchema() {
        connections.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".outputs (tenant text NOT NULL, "
                        + "log_offset bigint NOT NULL, command_id text NOT NULL, events int NOT NULL, "
                        + "event_lines text NOT NULL, PRIMARY KEY (tenant, log_offset))");
                s.execute("CREATE TABLE IF NOT EXISTS " + schema + ".idempotency (tenant text NOT NULL, "
                        + "command_id text NOT NULL, log_offset bigint NOT NULL, PRIMARY KEY (tenant, command_id))");
            }
            c.commit();
            return null;
        });
        return this;
    }

    /** Drops the schema and everything in it (tests and the demo start clean). */
    public PgOutputs dropSchema() {
        connections.run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            c.commit();
            return null;
        });
        return this;
    }

    @Override
    public boolean write(String tenant, long offset, String commandId, List<Event> events) {
        return writeBatch(tenant, List.of(new Applied(offset, commandId, events))) == 1;
    }

    @Override
    public int writeBatch(String tenant, List<Applied> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        return connections.run(c -> {
            int wrote = insert(c, tenant, batch);
            insertKeys(c, tenant, batch);
            c.commit();
            refused.addAndGet(batch.size() - wrote);
            return wrote;
        });
    }

    private int insert(Connection c, String tenant, List<Applied> batch) throws SQLException {
        int n = batch.size();
        Long[] offsets = new Long[n];
        String[] ids = new String[n];
        Integer[] counts = new Integer[n];
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            Applied a = batch.get(i);
            offsets[i] = a.offset();
            ids[i] = a.commandId();
            counts[i] = a.events().size();
            lines[i] = LogLines.events(a.events());
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + schema + ".outputs "
                + "(tenant, log_offset, command_id, events, event_lines) "
                + "SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::int[], ?::text[]) "
                + "ON CONFLICT (tenant, log_offset) DO NOTHING")) {
            p.setString(1, tenant);
            p.setArray(2, c.createArrayOf("bigint", offsets));
            p.setArray(3, c.createArrayOf("text", ids));
            p.setArray(4, c.createArrayOf("int", counts));
            p.setArray(5, c.createArrayOf("text", lines));
            return p.executeUpdate();
        }
    }

    private void insertKeys(Connection c, String tenant, List<Applied> batch) throws SQLException {
        int n = batch.size();
        Long[] offsets = new Long[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = batch.get(i).offset();
            ids[i] = batch.get(i).commandId();
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO " + schema + ".idempotency "
                + "(tenant, command_id, log_offset) SELECT ?, * FROM unnest(?::text[], ?::bigint[]) "
                + "ON CONFLICT (tenant, command_id) DO NOTHING")) {
            p.setString(1, tenant);
            p.setArray(2, c.createArrayOf("text", ids));
            p.setArray(3, c.createArrayOf("bigint", offsets));
            p.executeUpdate();
        }
    }

    @Override
    public long lastWritten(String tenant) {
        return connections.run(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT coalesce(max(log_offset), -1) FROM " + schema + ".outputs WHERE tenant = ?")) {
                p.setString(1, tenant);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    long last = r.getLong(1);
                    c.commit();
                    return last;
                }
            }
        });
    }

    /** A tenant's written outputs: command id by offset (the checks count these against the acknowledgements). */
    public Map<Long, String> commandsByOffset(String tenant) {
        return connections.run(c -> {
            Map<Long, String> written = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT log_offset, command_id FROM " + schema + ".outputs WHERE tenant = ?")) {
                p.setString(1, tenant);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        written.put(r.getLong(1), r.getString(2));
                    }
                }
            }
            c.commit();
            return written;
        });
    }

    /** The offset that first carried {@code commandId} for {@code tenant}, or -1: the idempotency record. */
    public long offsetOf(String tenant, String commandId) {
        return connections.run(c -> {
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT log_offset FROM " + schema + ".idempotency WHERE tenant = ? AND command_id = ?")) {
                p.setString(1, tenant);
                p.setString(2, commandId);
                try (ResultSet r = p.executeQuery()) {
                    long offset = r.next() ? r.getLong(1) : -1;
                    c.commit();
                    return offset;
                }
            }
        });
    }

    /** Rows of each table per tenant: {@code [outputs, idempotency records]}. */
    public Map<String, long[]> rowCounts() {
        return connections.run(c -> {
            Map<String, long[]> counts = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT tenant, count(*) FROM " + schema + ".outputs GROUP BY tenant")) {
                while (r.next()) {
                    counts.computeIfAbsent(r.getString(1), t -> new long[2])[0] = r.getLong(2);
                }
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT tenant, count(*) FROM " + schema + ".idempotency GROUP BY tenant")) {
                while (r.next()) {
                    counts.computeIfAbsent(r.getString(1), t -> new long[2])[1] = r.getLong(2);
                }
            }
            c.commit();
            return counts;
        });
    }

    /** Rows this instance offered that were already there (a replayed tail), not written again. */
    public long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        connections.close();
    }
}
