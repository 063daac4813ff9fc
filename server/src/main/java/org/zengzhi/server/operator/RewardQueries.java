package org.zengzhi.server.operator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The operator's reads of the {@code rewards} and {@code exits} read models, so that no controller holds a
 * {@link JdbcTemplate}. The JSON is built by {@link RewardsAndExits}, which the API and the console share.
 */
@Component
public class RewardQueries {
    private final JdbcTemplate jdbc;

    RewardQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every reward kind: paid, pending, cut, and how many. */
    public String byKind() {
        return RewardsAndExits.byKind(jdbc);
    }

    /** Forced exits per day over the last {@code days} days. */
    public String perDay(int days) {
        return RewardsAndExits.perDay(jdbc, days);
    }

    /** The latest exits, for the price chart's marks. */
    public String marks() {
        return RewardsAndExits.marks(jdbc);
    }
}
