package org.zengzhi.cluster.demo;

import java.time.Instant;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/** The demo's load: settled orders (payments) of a tenant, numbered, each a known pool share (as in the tests). */
public final class DemoPayments {
    /** k = 1000 keeps every holder in the pool, so the pool's cash is the sum of the pool shares. */
    static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private DemoPayments() {
    }

    public static Engine freshEngine() {
        return new Engine(PLAN, RegionDirectory.STANDARD);
    }

    public static Command payment(String tenant, long i) {
        return new Command.SettleOrder(tenant + "-o" + i, START.plusMillis(i), "u" + Math.floorMod(i * 7919L, 200),
                amountFen(i), poolShareFen(i));
    }

    public static long amountFen(long i) {
        return 1_000 + Math.floorMod(i * 2_654_435_761L, 199_001L);
    }

    public static long poolShareFen(long i) {
        return amountFen(i) * 30 / 100;
    }

    /** The payment number in a command id made by {@link #payment}. */
    static long number(String commandId) {
        return Long.parseLong(commandId.substring(commandId.lastIndexOf("-o") + 2));
    }

    static String tenant(int i) {
        return String.format("tenant-%02d", i);
    }
}
