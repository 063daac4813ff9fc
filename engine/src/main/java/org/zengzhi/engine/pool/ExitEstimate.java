package org.zengzhi.engine.pool;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;

/**
 * How far a holder's exit is (SPEC ): the threshold price at which the forced exit comes, and roughly
 * how much new consumption lifts the price there — counted as typical orders minted at the pool's own
 * rules, with nobody selling and nobody else exiting. An estimate of what it takes, never a promise: the
 * price moves only with future consumption.
 *
 * @param threshold    the price at which the exit comes
 * @param dueNow       the holder is already at or past it
 * @param orders       typical orders needed, or −1 if more than {@link #ORDERS_MAX}
 * @param consumptionFen what those orders spend in all, or −1 with {@code orders}
 */
public record ExitEstimate(Price threshold, boolean dueNow, long orders, long consumptionFen) {
    /** The estimate stops counting here; beyond it the exit is not in sight. */
    public static final long ORDERS_MAX = 1_000_000;

    /**
     * The estimate for one holder with {@code holdingMicro} points in a cycle of {@code spendFen} spent and
     * {@code realizedFen} realized, given typical orders of {@code orderFen} contributing {@code poolShareFen}.
     * Returns null for a holder with no points (no exit pending).
     */
    public static ExitEstimate of(PoolRules rules, Price now, long holdingMicro, long spendFen, long realizedFen,
            long orderFen, long poolShareFen) {
        if (holdingMicro <= 0) {
            return null;
        }
        long numerator = Math.subtractExact(Math.multiplyExact(rules.exitMultipleNumerator(), spendFen),
                Math.multiplyExact(rules.exitMultipleDenominator(), realizedFen));
        long denominator = Math.multiplyExact(rules.exitMultipleDenominator(), holdingMicro);
        if (numerator <= 0 || new Price(numerator, denominator).compareTo(now) <= 0) {
            return new ExitEstimate(numerator <= 0 ? now : new Price(numerator, denominator), true, 0, 0);
        }
        Price threshold = new Price(numerator, denominator);
        long cash = now.cashFen();
        long points = now.pointsMicro();
        for (long orders = 1; orders <= ORDERS_MAX && poolShareFen > 0; orders++) {
            points = Math.addExact(points, PoolMath.mintedPoints(poolShareFen, rules.mintRatioPpm(), cash, points));
            cash = Math.addExact(cash, poolShareFen);
            if (Exact.compareProducts(cash, threshold.pointsMicro(), threshold.cashFen(), points) >= 0) {
                return new ExitEstimate(threshold, false, orders, Math.multiplyExact(orders, orderFen));
            }
        }
        return new ExitEstimate(threshold, false, -1, -1);
    }
}
