package org.zengzhi.server.journal.kafka;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the tenant's SQL outputs reach in its Kafka journal (table {@code kafka_log_position}, V140, V150): the last
 * journal position written to SQL and the Kafka offset of the record that carried it; which Kafka log that offset
 * belongs to (cluster, topic, partition); the import that moved the tenant in and the seal that moved it out. Read
 * with a row lock inside each batch's transaction, so two writers of one tenant (an old owner's late batch, a new
 * owner's catch-up, an import, a seal) take turns, and the second sees what the first wrote.
 */
final class LogPosition {
    private static final String COLUMNS = "seq, kafka_offset, sealed_for";
    private static final String ROW = "seq, kafka_offset, cluster_id, topic, kafka_partition, import_seq, import_hash, "
            + "import_offset, imported_at, sealed_for, sealed_seq, sealed_hash, sealed_at";

    /** The last seq in SQL and its Kafka offset (-1: none yet); {@code sealedFor}: moved out to there, or null. */
    record At(long seq, long offset, String sealedFor) {
    }

    /** The Kafka log a position belongs to. */
    record Log(String clusterId, String topic, int partition) {
    }

    /** The whole row: the position, its log (null before the first take-over), the import and the seal (or null). */
    record Row(At at, Log log, Imported imported, Sealed sealed) {
    }

    /** Moved in at this position: SQL holds rows 1..seq, whose state hash is {@code hash}; Kafka from offset on. */
    record Imported(long seq, String hash, long offset, Instant at) {
    }

    /** Moved out: to {@code target}, with SQL holding rows 1..seq of state hash {@code hash}. */
    record Sealed(String target, long seq, String hash, Instant at) {
    }

    private final JdbcTemplate jdbc;

    LogPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position, locked until the surrounding transaction ends. */
    At lock() {
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM kafka_log_position WHERE id = 1 FOR UPDATE",
                (rs, i) -> new At(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    /** The position as last committed, without a lock. */
    At read() {
        return jdbc.queryForObject("SELECT " + COLUMNS + " FROM kafka_log_position WHERE id = 1",
                (rs, i) -> new At(rs.getLong(1), rs.getLong(2), rs.getString(3)));
    }

    /** The whole row; {@code locked}: FOR UPDATE, until the surrounding transaction ends. */
    Row row(boolean locked) {
        return jdbc.queryForObject("SELECT " + ROW + " FROM kafka_log_position WHERE id = 1" + (locked ? " FOR UPDATE" : ""),
                LogPosition::row);
    }

    void advance(long seq, long offset) {
        jdbc.update("UPDATE kafka_log_position SET seq = ?, kafka_offset = ? WHERE id = 1", seq, offset);
    }

    /** Records the log of a position that has none yet (the first take-over); false if one was recorded meanwhile. */
    boolean stamp(Log log) {
        return jdbc.update("UPDATE kafka_log_position SET cluster_id = ?, topic = ?, kafka_partition = ? WHERE id = 1 "
                + "AND cluster_id IS NULL", log.clusterId(), log.topic(), log.partition()) == 1;
    }

    /** The import: SQL holds rows 1..seq; the log is {@code log} from {@code imported.offset()}; any seal is lifted. */
    void adopt(Log log, Imported imported) {
        jdbc.update("UPDATE kafka_log_position SET seq = ?, kafka_offset = ?, cluster_id = ?, topic = ?, "
                + "kafka_partition = ?, import_seq = ?, import_hash = ?, import_offset = ?, imported_at = ?, "
                + "sealed_for = NULL, sealed_seq = NULL, sealed_hash = NULL, sealed_at = NULL WHERE id = 1",
                imported.seq(), imported.offset() - 1, log.clusterId(), log.topic(), log.partition(), imported.seq(),
                imported.hash(), imported.offset(), Timestamp.from(imported.at()));
    }

    /**
     * A new tenant's first take-over: its log is {@code log} from {@code offset} on (recorded as an import of nothing,
     * with no hash, so {@link KafkaJournal#readAfter} starts there too).
     */
    void startAt(Log log, long offset, Instant at) {
        jdbc.update("UPDATE kafka_log_position SET kafka_offset = ?, cluster_id = ?, topic = ?, kafka_partition = ?, "
                + "import_seq = 0, import_offset = ?, imported_at = ? WHERE id = 1 AND seq = 0", offset - 1,
                log.clusterId(), log.topic(), log.partition(), offset, Timestamp.from(at));
    }

    void seal(Sealed sealed) {
        jdbc.update("UPDATE kafka_log_position SET sealed_for = ?, sealed_seq = ?, sealed_hash = ?, sealed_at = ? "
                + "WHERE id = 1", sealed.target(), sealed.seq(), sealed.hash(), Timestamp.from(sealed.at()));
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        At at = new At(rs.getLong(1), rs.getLong(2), rs.getString(10));
        String cluster = rs.getString(3);
        Log log = cluster == null ? null : new Log(cluster, rs.getString(4), rs.getInt(5));
        Timestamp importedAt = rs.getTimestamp(9);
        Imported imported = importedAt == null ? null
                : new Imported(rs.getLong(6), rs.getString(7), rs.getLong(8), importedAt.toInstant());
        Timestamp sealedAt = rs.getTimestamp(13);
        Sealed sealed = sealedAt == null ? null
                : new Sealed(rs.getString(10), rs.getLong(11), rs.getString(12), sealedAt.toInstant());
        return new Row(at, log, imported, sealed);
    }
}
