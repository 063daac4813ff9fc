package org.zengzhi.simulator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.PoolMath;
import org.zengzhi.engine.PoolRules;

/**
 * The growth a buyer's forced exit needs, as an estimate, not a promise. A buyer at price p
 * who puts a share s of their spend into the pool receives s·α/p points per yuan, so the exit at k times
 * the spend needs the price to reach k·p/(s·α). Only new pool contributions (and, a little, sales and
 * exits) lift the price; this counts the contributions alone, in exact integer steps of 0.5% of the pool,
 * minting by the engine's own rule.
 */
public final class ExitNeed {
    private static final long PPM = 1_000_000;
    private static final int STEPS_MAX = 200_000;
    /** {@link #contributionsNeeded}: new orders cannot lift the price (they put nothing into the pool). */
    static final long NEVER = -1;
    /** {@link #contributionsNeeded}: more than the estimate counts, over 2·10¹⁸ fen: in practice never. */
    static final long BEYOND = -2;

    private ExitNeed() {
    }

    /**
     * The pool's share of an order amount, in ppm, averaged over the orders the scenario draws: a share
     * {@code orders.mall} of them in the mall at the plan's mall pool share, the rest in a random store at its
     * region's commission (the plan's default when the region sets none) times the plan's store pool share;
     * every order goes to the mall when no region has a store. A buyer's points are proportional to the pool
     * contributions of all their orders, so the spend-weighted share is the one their exit depends on.
     */
    static long poolSharePpm(Scenario scenario) {
        Plan plan = scenario.plan();
        long merchants = 0;
        long storeShares = 0;
        for (Scenario.Region region : scenario.regions()) {
            long commission = region.commissionPpm() < 0 ? plan.store().defaultCommissionPpm() : region.commissionPpm();
            merchants += region.merchants();
            storeShares += region.merchants() * (commission * plan.store().poolPpm() / PPM);
        }
        if (merchants == 0) {
            return plan.mall().poolPpm();
        }
        long mallPpm = scenario.orders().mallPpm();
        long storeShare = storeShares / merchants;
        return (mallPpm * plan.mall().poolPpm() + (PPM - mallPpm) * storeShare) / PPM;
    }

    /** Whether orders enter the pool at more than one share (mall and stores, or stores at different rates). */
    static boolean mixedShares(Scenario scenario) {
        Plan plan = scenario.plan();
        Set<Long> shares = new HashSet<>();
        for (Scenario.Region region : scenario.regions()) {
            if (region.merchants() > 0) {
                long commission = region.commissionPpm() < 0 ? plan.store().defaultCommissionPpm() : region.commissionPpm();
                shares.add(commission * plan.store().poolPpm() / PPM);
            }
        }
        long mallPpm = scenario.orders().mallPpm();
        if (shares.isEmpty() || mallPpm == PPM) {
            return false; // every order is a mall order
        }
        if (mallPpm > 0) {
            shares.add(plan.mall().poolPpm());
        }
        return shares.size() > 1;
    }

    /** k/(s·α): how many times the buyer's price the exit price is, as a decimal with 2 places. */
    static String multiplier(PoolRules rules, long sharePpm) {
        BigDecimal k = BigDecimal.valueOf(rules.exitMultipleNumerator())
                .divide(BigDecimal.valueOf(rules.exitMultipleDenominator()), 12, RoundingMode.HALF_UP);
        BigDecimal base = BigDecimal.valueOf(sharePpm).multiply(BigDecimal.valueOf(rules.mintRatioPpm()))
                .divide(BigDecimal.valueOf(PPM * PPM), 12, RoundingMode.HALF_UP);
        return base.signum() == 0 ? "∞" : k.divide(base, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Pool contributions (fen) needed, from a pool of {@code cashFen} and {@code pointsMicro}, before the price
     * reaches k/(s·α) times the price a buyer pays now, the pair ({@code priceCashFen}, {@code pricePointsMicro}):
     * the pool's own pair, or the last price's while no point circulates (every point sold: the next order mints
     * at the last price, R-3.1; an empty pool mints its first points at that price too). {@link #NEVER} if orders
     * put nothing into the pool, {@link #BEYOND} if the estimate gives up: more than ~2·10¹⁶ CNY would be needed.
     */
    static long contributionsNeeded(PoolRules rules, long sharePpm, long cashFen, long pointsMicro, long priceCashFen,
            long pricePointsMicro) {
        if (sharePpm == 0 || priceCashFen <= 0 || pricePointsMicro <= 0) {
            return NEVER;
        }
        if (cashFen < 0 || cashFen == 0 && pointsMicro > 0) {
            return BEYOND; // no price to lift from (not a state the engine reaches)
        }
        // Target: P/N ≥ k·p0/(s·α) with p0 = P0/N0 the buyer's price, i.e. P·N0·s·α·k_den ≥ k_num·P0·10¹²·N.
        BigInteger left = BigInteger.valueOf(pricePointsMicro).multiply(BigInteger.valueOf(sharePpm))
                .multiply(BigInteger.valueOf(rules.mintRatioPpm())).multiply(BigInteger.valueOf(rules.exitMultipleDenominator()));
        BigInteger right = BigInteger.valueOf(rules.exitMultipleNumerator()).multiply(BigInteger.valueOf(priceCashFen))
                .multiply(BigInteger.valueOf(PPM * PPM));
        long cash = cashFen;
        long points = pointsMicro;
        long added = 0;
        for (int step = 0; step < STEPS_MAX; step++) {
            if (points > 0 && BigInteger.valueOf(cash).multiply(left).compareTo(right.multiply(BigInteger.valueOf(points))) >= 0) {
                return added;
            }
            long contribution = Math.max(1, cash / 200);
            if (cash > Long.MAX_VALUE / 4) {
                return BEYOND;
            }
            // While no point circulates the engine mints at the last price's pair (Engine.referenceCash/Points).
            points += points > 0 ? PoolMath.mintedPoints(contribution, rules.mintRatioPpm(), cash, points)
                    : PoolMath.mintedPoints(contribution, rules.mintRatioPpm(), priceCashFen, pricePointsMicro);
            cash += contribution;
            added += contribution;
        }
        return BEYOND;
    }
}
