package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Price;

/**
 * SPEC seed checks: with k = 3 on seed 002's table, user 1 (210 points for 1000.00) is forced out
 * exactly when the price reaches 3000/210 = 14.2857 and user 2 (147 points) at 3000/147 = 20.4082; with
 * k = 1.2 on seed 001's table user 1 (112 points) at 1200/112 = 10.7143. The price is driven up by further
 * orders of new consumers, as in the seeds, and the exit must come on the very order that crosses the
 * threshold, not one later and not one earlier (the price then stands a little above the threshold, since
 * each order moves it by a step).
 */
class ForcedExitGoldenTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final int ORDERS_MAX = 100_000;

    private int orders;

    @Test
    void mallUser1ExitsAt14_2857AndUser2At20_4082WithExitMultiple3() {
        Engine engine = new Engine(PoolRules.MALL);
        seedTable(engine, 30000);
        Price user1Threshold = new Price(300000, 210_000_000);
        Price user2Threshold = new Price(300000, 147_000_000);
        assertThat(user1Threshold.display()).isEqualTo("14.2857");
        assertThat(user2Threshold.display()).isEqualTo("20.4082");
        ordersUntilExitOf(engine, "u1", 30000, user1Threshold);
        ordersUntilExitOf(engine, "u2", 30000, user2Threshold);
        assertThat(engine.holder("u1").exits()).isEqualTo(1);
        assertThat(engine.holder("u1").pointsMicro()).isZero();
        // Forced out at 80%: 210 points at no less than 14.2857 pay at least 2400.00 (3000 × 0.8).
        assertThat(engine.holder("u1").cashFen()).isGreaterThanOrEqualTo(240000);
        assertThat(engine.holder("u1").cycleSpendFen()).isZero();
    }

    @Test
    void localLifeUser1ExitsAt10_7143WithExitMultiple1_2() {
        Engine engine = new Engine(PoolRules.of(700_000, 800_000, "1.2", Price.ONE_YUAN));
        seedTable(engine, 16000);
        Price threshold = new Price(120000, 112_000_000);
        assertThat(threshold.display()).isEqualTo("10.7143");
        ordersUntilExitOf(engine, "u1", 16000, threshold);
        assertThat(engine.holder("u1").cashFen()).isGreaterThanOrEqualTo(96000);
    }

    /** The seed's first three consumers, u1, u2 and u3, each order 1000.00. */
    private void seedTable(Engine engine, long poolShareFen) {
        for (int n = 1; n <= 3; n++) {
            engine.execute(new Command.SettleOrder("o" + ++orders, AT, "u" + n, 100000, poolShareFen));
        }
    }

    /**
     * Places 1000.00 orders by new consumers until {@code user} exits;
     * checks the price was below {@code threshold} before that order and at or above it when the exit
     * came: the exit comes on the very order that crosses the threshold.
     */
    private void ordersUntilExitOf(Engine engine, String user, long poolShareFen, Price threshold) {
        for (int n = 1; n <= ORDERS_MAX; n++) {
            orders++;
            Price before = engine.price();
            List<Event> events = engine.execute(new Command.SettleOrder("o" + orders, AT, "c" + orders, 100000,
                    poolShareFen));
            assertThat(engine.checkInvariants()).isEmpty();
            Price atExit = priceWhen(user, events);
            if (atExit != null) {
                assertThat(before).as("price before the order that forced %s out", user).isLessThan(threshold);
                assertThat(atExit).as("price when %s was forced out", user).isGreaterThanOrEqualTo(threshold);
                return;
            }
        }
        throw new AssertionError(user + " never exited");
    }

    /** The price in force when {@code user} exited in these events, or null if they did not. */
    private static Price priceWhen(String user, List<Event> events) {
        Price price = null;
        for (Event event : events) {
            if (event instanceof Event.PriceChanged) {
                price = ((Event.PriceChanged) event).price();
            } else if (event instanceof Event.ParticipantExited && ((Event.ParticipantExited) event).participant().equals(user)) {
                return price;
            }
        }
        return null;
    }
}
