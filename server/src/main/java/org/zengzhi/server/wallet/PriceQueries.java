package org.zengzhi.server.wallet;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SELECTs of {@code price_history}, the pool's price after each batch that moved it. */
@Component
public class PriceQueries {
    private final JdbcTemplate jdbc;

    PriceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest {@code rows} prices, newest first: the exact pair (pool cash, circulating points) and its time. */
    public List<Map<String, Object>> latest(int rows) {
        return jdbc.queryForList("SELECT at, pool_cash, circulating_points FROM price_history "
                + "ORDER BY command_seq DESC, event_index DESC LIMIT " + rows);
    }
}
