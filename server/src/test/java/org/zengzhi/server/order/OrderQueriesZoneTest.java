package org.zengzhi.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.zengzhi.server.localize.PlanTime;

/**
 * Issue 20 item 7 (times in the plan's zone): a store's settlements per day and its orders of today are calendar
 * days of the plan's zone (Asia/Shanghai by default), so an order settled at 00:30 Beijing time (16:30 UTC the day
 * before) counts for the Beijing day, as in the statements (结算单), not for the database's UTC date.
 */
class OrderQueriesZoneTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private JdbcTemplate jdbc;
    private OrderQueries queries;

    @BeforeEach
    void database() {
        DriverManagerDataSource source = new DriverManagerDataSource(
                "jdbc:h2:mem:orders-zone-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(source);
        queries = new OrderQueries(jdbc);
    }

    private void order(String id, OffsetDateTime paidAndSettled, long amount, long share, long seq) {
        jdbc.update("INSERT INTO orders (order_id, username, merchant, channel, amount, pool_share, status, paid_at, "
                + "due_at, settled_at, command_seq, merchant_share) VALUES (?, 'amy', 'shop', 'store', ?, 0, 'SETTLED', "
                + "?, ?, ?, ?, ?)", id, amount, paidAndSettled, paidAndSettled, paidAndSettled, seq, share);
    }

    @Test
    void aSettlementJustAfterMidnightInBeijingCountsForTheBeijingDay() {
        assertThat(PlanTime.zone()).isEqualTo(SHANGHAI);
        LocalDate today = LocalDate.now(SHANGHAI);
        OffsetDateTime halfPastMidnight = today.atTime(0, 30).atZone(SHANGHAI).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime yesterdayNoon = today.minusDays(1).atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        order("o1", halfPastMidnight, 100_00, 80_00, 1);
        order("o2", yesterdayNoon, 50_00, 40_00, 2);
        order("o3", yesterdayNoon.plusHours(1), 30_00, 24_00, 3);

        List<Map<String, Object>> days = queries.settledPerDay("shop", 7);

        assertThat(days).hasSize(2);
        assertThat(days.get(0)).containsEntry("settled_day", today.toString()).containsEntry("orders", 1L)
                .containsEntry("amount", 100_00L).containsEntry("received", 80_00L);
        assertThat(days.get(1)).containsEntry("settled_day", today.minusDays(1).toString())
                .containsEntry("orders", 2L).containsEntry("amount", 80_00L).containsEntry("received", 64_00L);
        assertThat(queries.ofMerchantToday("shop")).extracting(row -> row.get("order_id")).containsExactly("o1");
    }

    @Test
    void onlyTheLastDaysAreCounted() {
        LocalDate today = LocalDate.now(SHANGHAI);
        order("old", today.minusDays(10).atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime(), 10_00, 8_00, 1);
        order("new", today.atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime(), 20_00, 16_00, 2);

        assertThat(queries.settledPerDay("shop", 7)).extracting(row -> row.get("settled_day"))
                .containsExactly(today.toString());
        assertThat(queries.settledPerDay("shop", 11)).extracting(row -> row.get("settled_day"))
                .containsExactly(today.toString(), today.minusDays(10).toString());
    }
}
