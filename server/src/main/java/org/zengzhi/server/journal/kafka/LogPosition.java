package org.zengzhi.server.journal.kafka;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the tenant's SQL outputs reach in its Kafka journal (table {@code kafka_log_position}, V140): the last
 * journal position written to SQL and the Kafka offset of the record that carried it. Read with a row lock inside
 * each batch's transaction, so two writers of one tenant (an old owner's late batch, a new owner's catch-up) take
 * turns, and the second sees what the first wrote.
 */
final class LogPosition {
    /** The last seq in SQL and its Kafka offset (-1: none yet). */
    record At(long seq, long offset) {
    }

    private final JdbcTemplate jdbc;

    LogPosition(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position, locked until the surrounding transaction ends. */
    At lock() {
        return jdbc.queryForObject("SELECT seq, kafka_offset FROM kafka_log_position WHERE id = 1 FOR UPDATE",
                (rs, i) -> new At(rs.getLong(1), rs.getLong(2)));
    }

    /** The position as last committed, without a lock. */
    At read() {
        return jdbc.queryForObject("SELECT seq, kafka_offset FROM kafka_log_position WHERE id = 1",
                (rs, i) -> new At(rs.getLong(1), rs.getLong(2)));
    }

    void advance(long seq, long offset) {
        jdbc.update("UPDATE kafka_log_position SET seq = ?, kafka_offset = ? WHERE id = 1", seq, offset);
    }
}
