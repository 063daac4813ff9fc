package org.zengzhi.cluster;

import java.time.Instant;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/** The load of the cluster tests: settled orders (payments) of a tenant, numbered, each a known pool share. */
final class Payments {
    /** k = 1000 keeps every holder in the pool, so the pool's cash is the sum of the pool shares (as in bench/). */
    static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private Payments() {
    }

    static Engine freshEngine() {
        return new Engine(PLAN, RegionDirectory.STANDARD);
    }

    static Command payment(String tenant, long i) {
        return new Command.SettleOrder(tenant + "-o" + i, START.plusMillis(i), "u" + Math.floorMod(i * 7919L, 200),
                amountFen(i), poolShareFen(i));
    }

    static long amountFen(long i) {
        return 1_000 + Math.floorMod(i * 2_654_435_761L, 199_001L);
    }

    static long poolShareFen(long i) {
        return amountFen(i) * 30 / 100;
    }

    /** The pool shares of payments 0 … count − 1 of a tenant. */
    static long poolSharesFen(long count) {
        long sum = 0;
        for (long i = 0; i < count; i++) {
            sum += poolShareFen(i);
        }
        return sum;
    }
}
