package org.zengzhi.server.journal.kafka;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.CommandLog;
import org.zengzhi.server.journal.IdempotencyRecord;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.LogFencedException;
import org.zengzhi.server.journal.Snapshot;

/**
 * The tenant's command log on Kafka (issue 21 deliver 2; docs/cluster.md, "The server on the Kafka log"). Kafka holds
 * the log — one record per applied command, one Kafka transaction per batch, under the tenant's transactional
 * producer — and the wrapped SQL {@link Journal} keeps the outputs (journal rows, postings, idempotency records,
 * read models) and the snapshots in the tenant's schema.
 *
 * <p>A batch is written inside ONE SQL transaction that first locks {@link LogPosition}, writes the outputs (so a
 * required read-model write, such as taking coin-mall stock, is decided and its row locked <em>before</em> the
 * command enters the log), then commits the Kafka transaction, then records the offset and commits SQL. So SQL never
 * holds a batch Kafka does not, and Kafka holds a batch SQL does not only if the process died (or SQL failed) between
 * the two commits: the next take-over ({@link KafkaRecovery}) writes it to SQL then, once.
 */
public final class KafkaJournal implements CommandLog, AutoCloseable {
    private final Journal sql;
    private final TransactionTemplate transaction;
    private final LogPosition position;
    private final TenantLog log;
    private volatile Runnable afterKafkaCommit = () -> { };

    public KafkaJournal(Journal sql, JdbcTemplate jdbc, TransactionTemplate transaction, KafkaJournalSettings settings) {
        this.sql = sql;
        this.transaction = transaction;
        this.position = new LogPosition(jdbc);
        this.log = new TenantLog(settings);
    }

    /**
     * Writes the batch to Kafka and SQL, or throws with nothing of it in SQL: {@link LogFencedException} when
     * another node took the tenant over (its SQL position is past this node's, or Kafka fenced the producer).
     */
    @Override
    public void append(List<AppliedCommand> batch) {
        List<LogEntry> entries = batch.stream().map(LogEntry::of).toList();
        transaction.executeWithoutResult(status -> {
            LogPosition.At at = position.lock();
            if (at.sealedFor() != null) {
                throw new LogFencedException("租户已迁出到 " + at.sealedFor() + "，此处不再写入 / the tenant was moved to "
                        + at.sealedFor() + ": its journal here takes no more commands", null);
            }
            long first = batch.get(0).seq();
            if (at.seq() >= first) {
                throw new LogFencedException("the tenant's SQL already holds journal row " + at.seq()
                        + ": another node has taken its log over", null);
            }
            if (at.seq() != first - 1) {
                throw new IllegalStateException("the batch starts at row " + first + " but SQL ends at " + at.seq());
            }
            sql.append(batch);
            long offset = log.commit(entries);
            afterKafkaCommit.run();
            position.advance(batch.get(batch.size() - 1).seq(), offset);
        });
    }

    /**
     * Writes commands that are in Kafka but not yet in SQL (a take-over's catch-up); rows SQL already holds are
     * skipped, under the position's lock, so a late writer of the same rows never makes them twice.
     */
    void writeCaughtUp(List<AppliedCommand> batch, long lastOffset) {
        transaction.executeWithoutResult(status -> {
            LogPosition.At at = position.lock();
            List<AppliedCommand> missing = new ArrayList<>(batch.size());
            for (AppliedCommand applied : batch) {
                if (applied.seq() > at.seq()) {
                    missing.add(applied);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            if (missing.get(0).seq() != at.seq() + 1) {
                throw new IllegalStateException("catch-up from row " + missing.get(0).seq() + " but SQL ends at " + at.seq());
            }
            sql.append(missing);
            position.advance(missing.get(missing.size() - 1).seq(), lastOffset);
        });
    }

    /** Fences every other writer of the tenant's log; returns the offset a reader must pass to see all before. */
    long takeOver() {
        return log.fence();
    }

    LogPosition.At sqlPosition() {
        return position.read();
    }

    /**
     * Refuses, at a take-over, a schema whose journal is not this Kafka log's (docs/cluster.md, "Moving a tenant of
     * the server nodes"): sealed (moved out), written against another cluster, topic or partition, or held in SQL
     * only (never imported); stamps the log of a position that has none yet. A new tenant (nothing in SQL) starts
     * after the take-over's {@code marker}: records of the same slug from an earlier life in this partition (a
     * tenant moved out, a slug used again) are never read as its own.
     */
    void checkLog(long marker) {
        LogPosition.Row row = position.row(false);
        LogPosition.Log here = log.where();
        String tenant = log.tenant();
        if (row.sealed() != null) {
            throw new IllegalStateException("租户 " + tenant + " 已封存并迁出到 " + row.sealed().target() + "，不能在此启动 / "
                    + "tenant " + tenant + " was sealed and moved to " + row.sealed().target() + "; it does not start "
                    + "here (a copy of its schema is imported on the target)");
        }
        if (row.log() != null && !row.log().equals(here)) {
            throw new IllegalStateException("租户 " + tenant + " 的数据库位置属于另一个 Kafka 日志（" + row.log() + "），需先导入 / "
                    + "tenant " + tenant + "'s schema records a position in another Kafka log (" + row.log() + ", here "
                    + here + "): import it first (POST /api/v1/deployment/tenants/" + tenant + "/journal/kafka)");
        }
        if (row.imported() == null && row.at().offset() < 0 && Math.max(row.at().seq(), sql.lastSeq()) > 0) {
            throw new IllegalStateException("租户 " + tenant + " 的日志只在 SQL 中，需先切换到 Kafka 日志 / tenant " + tenant
                    + "'s journal rows are in SQL only: switch it onto the Kafka journal first (suspend it, then POST "
                    + "/api/v1/deployment/tenants/" + tenant + "/journal/kafka; docs/cluster.md)");
        }
        if (row.log() == null && row.imported() == null && row.at().offset() < 0 && sql.lastSeq() == 0) {
            transaction.executeWithoutResult(status -> {
                if (position.row(true).log() == null) {
                    position.startAt(here, marker + 1, Instant.now());
                }
            });
        } else if (row.log() == null) {
            position.stamp(here);
        }
    }

    /** The whole position row (import, seal, log), for the import and the seal. */
    LogPosition position() {
        return position;
    }

    TenantLog log() {
        return log;
    }

    /** The SQL journal this log keeps its outputs in. */
    public Journal sql() {
        return sql;
    }

    /**
     * For tests of a crash between the two commits (fault injection at that one point): runs after the Kafka
     * commit, before the SQL commit; what it throws rolls the SQL transaction back.
     */
    public void afterKafkaCommit(Runnable hook) {
        afterKafkaCommit = hook;
    }

    /** The highest position in Kafka's committed log: SQL's, or beyond it the tenant's records after SQL's offset. */
    @Override
    public long lastSeq() {
        LogPosition.At at = position.read();
        long[] last = {at.seq()};
        log.read(at.offset() + 1, -1, (entry, offset) -> {
            if (!entry.marker()) {
                last[0] = Math.max(last[0], entry.seq());
            }
        });
        return last[0];
    }

    /**
     * The log after {@code seq}, from Kafka (read_committed), read from the partition's start (or, for a tenant moved
     * in, from SQL up to the import and from Kafka after it); markers skipped.
     */
    @Override
    public void readAfter(long seq, Consumer<JournalRow> consumer) {
        long[] last = {seq};
        long from = 0;
        LogPosition.Imported imported = position.row(false).imported();
        if (imported != null) {
            // Moved in at this position: the rows up to the import are in SQL only, the later ones in Kafka from there.
            if (seq < imported.seq()) {
                sql.readAfter(seq, row -> {
                    if (row.seq() <= imported.seq()) {
                        consumer.accept(row);
                        last[0] = row.seq();
                    }
                });
            }
            last[0] = Math.max(last[0], imported.seq());
            from = imported.offset();
        }
        log.read(from, -1, (entry, offset) -> {
            if (!entry.marker() && entry.seq() > last[0]) {
                consumer.accept(new JournalRow(entry.seq(), entry.line(), entry.rejection()));
                last[0] = entry.seq();
            }
        });
    }

    @Override
    public void saveSnapshot(Snapshot snapshot) {
        sql.saveSnapshot(snapshot);
    }

    @Override
    public Snapshot latestSnapshot() {
        return sql.latestSnapshot();
    }

    @Override
    public Map<String, String> idempotencyHashes() {
        return sql.idempotencyHashes();
    }

    @Override
    public IdempotencyRecord idempotencyRecord(String key) {
        return sql.idempotencyRecord(key);
    }

    @Override
    public void close() {
        log.close();
    }
}
