package org.zengzhi.server.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.ledger.Posting;

/**
 * The database side of the gateway: a batch of applied commands is written in ONE transaction — journal
 * rows, their postings, the pool's price after the batch, the idempotency records and the read-model rows
 * the commands update — with JDBC batches, so nothing per
 * order takes a row lock on a hot row (ARCHITECTURE, persistence).
 */
public final class Journal implements CommandLog {
    /** Snapshots kept: the newest, which recovery reads, and the one before it for an operator to fall back on. */
    public static final int SNAPSHOTS_KEPT = 2;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<ReadModel> readModels;
    private volatile Boolean postgres;

    /** {@code readModels} are written in this order, after the journal rows, in every batch's transaction. */
    public Journal(JdbcTemplate jdbc, TransactionTemplate transaction, List<ReadModel> readModels) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.readModels = List.copyOf(readModels);
    }

    /** Writes the batch durably; throws (and writes nothing) if the database refuses any of it. */
    @Override
    public void append(List<AppliedCommand> batch) {
        transaction.executeWithoutResult(status -> {
            BulkInsert insert = new BulkInsert(jdbc, postgres());
            List<Object[]> journal = new ArrayList<>(batch.size());
            List<Object[]> postings = new ArrayList<>();
            List<Object[]> keys = new ArrayList<>();
            for (AppliedCommand applied : batch) {
                collect(applied, journal, postings, keys);
            }
            insert.rows("journal", List.of("seq", "command_id", "command_type", "at", "line", "rejection"), journal);
            insert.rows("postings", List.of("command_seq", "posting_index", "account_type", "owner", "asset", "amount"),
                    postings);
            insert.rows("idempotency", List.of("idem_key", "request_hash", "command_seq", "status", "response"), keys);
            insert.rows("price_history", List.of("command_seq", "event_index", "at", "pool_cash", "circulating_points"),
                    prices(batch));
            for (ReadModel readModel : readModels) {
                readModel.write(jdbc, insert, batch);
            }
            for (AppliedCommand applied : batch) {
                for (ReadModelWrite write : applied.readModel()) {
                    if (jdbc.update(write.sql(), write.arguments().toArray()) == 0 && write.required()) {
                        throw new ReadModelWrite.NotApplied(write);
                    }
                }
            }
        });
    }

    /**
     * The times of the newest {@code limit} accepted commands of a type, newest first, as the driver returns them
     * (for example the subsidies marked on the dashboard's price chart).
     */
    public List<Object> acceptedTimes(String commandType, int limit) {
        return jdbc.queryForList("SELECT at FROM journal WHERE command_type = ? AND rejection IS NULL ORDER BY seq DESC "
                + "LIMIT " + limit, commandType).stream().map(row -> row.get("at")).toList();
    }

    /** True on PostgreSQL, where the bulk rows go through COPY; JDBC batches elsewhere (H2). */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection -> connection.isWrapperFor(PGConnection.class));
            postgres = known;
        }
        return known;
    }

    /** A command's journal row, its postings and its idempotency record, as rows of values. */
    private static void collect(AppliedCommand applied, List<Object[]> journal, List<Object[]> postings,
            List<Object[]> keys) {
        journal.add(new Object[] {applied.seq(), applied.command().id(), applied.command().type().name(),
            Timestamp.from(applied.command().at()), applied.line(), applied.rejection()});
        List<Posting> list = applied.postings();
        for (int i = 0; i < list.size(); i++) {
            Posting posting = list.get(i);
            postings.add(new Object[] {applied.seq(), i, posting.type().name(), posting.owner(),
                posting.asset().name(), posting.amount()});
        }
        IdempotencyRecord record = applied.idempotency();
        if (record != null) {
            keys.add(new Object[] {record.key(), record.requestHash(), record.commandSeq(), record.status(),
                record.response()});
        }
    }

    /**
     * Every price change of the batch, as price-history rows (R-3.8: every price change is an event; issue 20
     * item 7). One row per batch lost the history of a batch or a tick that held a whole rise (the demo showed
     * the rise from 1.00 to 21.19 as one segment of five points).
     */
    private static List<Object[]> prices(List<AppliedCommand> batch) {
        List<Object[]> rows = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            for (int i = 0; i < applied.events().size(); i++) {
                if (applied.events().get(i) instanceof Event.PriceChanged price) {
                    rows.add(new Object[] {applied.seq(), i, Timestamp.from(price.at()), price.poolCashFen(),
                        price.circulatingPointsMicro()});
                }
            }
        }
        return rows;
    }

    /** The highest journal sequence number, or 0 for an empty journal. */
    @Override
    public long lastSeq() {
        Long last = jdbc.queryForObject("SELECT MAX(seq) FROM journal", Long.class);
        return last == null ? 0 : last;
    }

    /** Journal rows after {@code seq}, in order, read in pages so a long tail does not fill the heap. */
    @Override
    public void readAfter(long seq, Consumer<JournalRow> consumer) {
        final int pageSize = 10_000;
        long from = seq;
        while (true) {
            List<JournalRow> page = jdbc.query("SELECT seq, line, rejection FROM journal WHERE seq > ? ORDER BY seq "
                    + "LIMIT " + pageSize, (rs, i) -> new JournalRow(rs.getLong(1), rs.getString(2), rs.getString(3)), from);
            page.forEach(consumer);
            if (page.size() < pageSize) {
                return;
            }
            from = page.get(page.size() - 1).seq();
        }
    }

    /** Journal rows stamped at or before {@code until}, in order, paged like {@link #readAfter}. */
    public void readUntil(Instant until, Consumer<JournalRow> consumer) {
        final int pageSize = 10_000;
        long from = 0;
        while (true) {
            List<JournalRow> page = jdbc.query("SELECT seq, line, rejection FROM journal WHERE seq > ? AND at <= ? "
                    + "ORDER BY seq LIMIT " + pageSize, (rs, i) -> new JournalRow(rs.getLong(1), rs.getString(2),
                            rs.getString(3)), from, Timestamp.from(until));
            page.forEach(consumer);
            if (page.size() < pageSize) {
                return;
            }
            from = page.get(page.size() - 1).seq();
        }
    }

    /**
     * Stores a snapshot, then drops all but the {@link #SNAPSHOTS_KEPT} newest: recovery starts from the newest,
     * the journal holds everything else, and a server that keeps its settled orders writes a larger snapshot
     * every interval (about 190 bytes an order), so keeping them all would fill the disk.
     */
    @Override
    public void saveSnapshot(Snapshot snapshot) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO snapshots (seq, state_hash, state, taken_at) VALUES (?, ?, ?, ?)", snapshot.seq(),
                    snapshot.stateHash(), snapshot.state(), Timestamp.from(Instant.now()));
            List<Long> oldestKept = jdbc.queryForList("SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 1 OFFSET ?",
                    Long.class, SNAPSHOTS_KEPT - 1);
            if (!oldestKept.isEmpty()) {
                jdbc.update("DELETE FROM snapshots WHERE seq < ?", oldestKept.get(0));
            }
        });
    }

    /** The newest snapshot, or null. */
    @Override
    public Snapshot latestSnapshot() {
        List<Snapshot> found = jdbc.query("SELECT seq, state_hash, state FROM snapshots ORDER BY seq DESC LIMIT 1",
                (rs, i) -> new Snapshot(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every committed idempotency key with the hash of its request (the responses stay in the table). */
    @Override
    public Map<String, String> idempotencyHashes() {
        Map<String, String> hashes = new HashMap<>();
        jdbc.query("SELECT idem_key, request_hash FROM idempotency", (rs) -> {
            hashes.put(rs.getString(1), rs.getString(2));
        });
        return hashes;
    }

    /** The stored first answer under a key, or null. */
    @Override
    public IdempotencyRecord idempotencyRecord(String key) {
        List<IdempotencyRecord> found = jdbc.query("SELECT idem_key, request_hash, command_seq, status, response FROM "
                + "idempotency WHERE idem_key = ?", (rs, i) -> new IdempotencyRecord(rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getInt(4), rs.getString(5)), key);
        return found.isEmpty() ? null : found.get(0);
    }
}
