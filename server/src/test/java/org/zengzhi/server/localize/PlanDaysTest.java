package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Issue 20 item 7: the operator's GMV per day and forced exits per day count a day of the plan's zone on both
 * databases, whatever the session's zone: an order paid at 01:30 in Beijing (17:30 UTC the evening before) belongs to
 * the Beijing day.
 */
class PlanDaysTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void issue20Item7DaysOfThePlansZoneOnH2() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:plandays" + UUID.randomUUID())) {
            assertThat(daysOf(connection, SHANGHAI)).containsExactly("2026-03-01 1", "2026-03-02 2");
            assertThat(daysOf(connection, ZoneId.of("UTC"))).containsExactly("2026-03-01 3");
        }
    }

    @Test
    void issue20Item7DaysOfThePlansZoneOnPostgres() throws Exception {
        String url = System.getProperty("zengzhi.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE 'UTC'");
            }
            assertThat(daysOf(connection, SHANGHAI)).containsExactly("2026-03-01 1", "2026-03-02 2");
            assertThat(daysOf(connection, ZoneId.of("America/New_York"))).containsExactly("2026-03-01 3");
        }
    }

    @Test
    void onlyColumnNamesAreAccepted() {
        assertThatThrownBy(() -> PlanDays.sqlDay("paid_at'); DROP TABLE orders; --", SHANGHAI))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Three orders: 15:59 UTC (23:59 in Beijing), 16:00 and 17:30 UTC (00:00 and 01:30 the next day in Beijing). */
    private static List<String> daysOf(Connection connection, ZoneId zone) throws Exception {
        String table = "paid_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE " + table + " (paid_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?)")) {
            for (String at : List.of("2026-03-01T15:59:00Z", "2026-03-01T16:00:00Z", "2026-03-01T17:30:00Z")) {
                insert.setTimestamp(1, Timestamp.from(Instant.parse(at)));
                insert.executeUpdate();
            }
        }
        String day = PlanDays.sqlDay("paid_at", zone);
        List<String> days = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT " + day + " AS d, COUNT(*) AS n FROM " + table
                        + " GROUP BY " + day + " ORDER BY d")) {
            while (rows.next()) {
                days.add(rows.getObject("d") + " " + rows.getLong("n"));
            }
        }
        return days;
    }
}
