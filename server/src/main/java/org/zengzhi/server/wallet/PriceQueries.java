package org.zengzhi.server.wallet;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.zengzhi.server.prices.Downsample;
import org.zengzhi.server.prices.PricePoint;

/** The SELECTs of {@code price_history}, the pool's price after each batch that moved it. */
@Component
public class PriceQueries {
    private final JdbcTemplate jdbc;

    PriceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The {@code rows} prices before the point {@code before} (a {@link #cursor}; null: the newest), newest first:
     * a page of the whole history (issue 20 item 7).
     */
    public List<Map<String, Object>> page(Long before, int rows) {
        String columns = "SELECT command_seq, event_index, at, pool_cash, circulating_points FROM price_history ";
        String order = "ORDER BY command_seq DESC, event_index DESC LIMIT " + rows;
        if (before == null) {
            return jdbc.queryForList(columns + order);
        }
        long seq = before >> 31;
        int event = (int) (before & ((1L << 31) - 1));
        return jdbc.queryForList(columns + "WHERE command_seq < ? OR (command_seq = ? AND event_index < ?) " + order,
                seq, seq, event);
    }

    /** A point's place in the history as one number for the {@code before} cursor: command, then event. */
    public static long cursor(long seq, int eventIndex) {
        return seq * (1L << 31) + eventIndex;
    }

    /** The whole history downsampled for a chart to about {@code 4 × buckets} points that keep every rise. */
    public List<PricePoint> chart(int buckets) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM price_history", Long.class);
        Downsample downsample = new Downsample(total, buckets);
        jdbc.query("SELECT command_seq, event_index, at, pool_cash, circulating_points FROM price_history "
                + "ORDER BY command_seq, event_index", (RowCallbackHandler) row -> downsample.add(new PricePoint(
                        row.getLong(1), row.getInt(2), row.getTimestamp(3), row.getLong(4), row.getLong(5))));
        return downsample.points();
    }

    /** The newest {@code rows} prices, newest first: the exact pair (pool cash, circulating points) and its time. */
    public List<Map<String, Object>> latest(int rows) {
        return jdbc.queryForList("SELECT at, pool_cash, circulating_points FROM price_history "
                + "ORDER BY command_seq DESC, event_index DESC LIMIT " + rows);
    }
}
