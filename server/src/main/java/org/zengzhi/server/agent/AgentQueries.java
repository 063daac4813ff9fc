package org.zengzhi.server.agent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The agent page's SELECTs: the GMV of a region's stores (orders paid and not refunded) since a time, and the
 * agent's rewards (kind AGENT, R-4.5) by level between two times. Times are instants; the caller cuts days and
 * months in the plan's zone.
 */
@Component
class AgentQueries {
    private final JdbcTemplate jdbc;

    AgentQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Fen paid at each of {@code stores} since {@code from}, refunded orders left out; stores without any absent. */
    List<Map<String, Object>> gmvSince(List<String> stores, Instant from) {
        if (stores.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(stores.size(), "?"));
        Object[] args = new Object[stores.size() + 1];
        for (int i = 0; i < stores.size(); i++) {
            args[i] = stores.get(i);
        }
        args[stores.size()] = Timestamp.from(from);
        return jdbc.queryForList("SELECT merchant, SUM(amount) AS gmv, COUNT(*) AS orders FROM orders WHERE merchant IN ("
                + marks + ") AND paid_at >= ? AND status <> 'REFUNDED' GROUP BY merchant", args);
    }

    /** The agent's rewards by level and status whose last change fell in [from, to). */
    List<Map<String, Object>> incomeBetween(String agent, Instant from, Instant to) {
        return jdbc.queryForList("SELECT agent_level, status, SUM(amount) AS amount FROM rewards WHERE recipient = ? "
                + "AND kind = 'AGENT' AND changed_at >= ? AND changed_at < ? GROUP BY agent_level, status",
                agent, Timestamp.from(from), Timestamp.from(to));
    }
}
