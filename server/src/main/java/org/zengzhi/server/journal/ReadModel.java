package org.zengzhi.server.journal;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A feature's read model: tables kept from the engine's events, written by the {@link Journal} inside the
 * transaction of the batch that produced them, so a read model never claims an effect the journal does not hold,
 * nor misses one it does. Each feature owns its read model next to its queries; the journal only calls it.
 */
public interface ReadModel {
    void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch);
}
