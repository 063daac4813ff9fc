package org.zengzhi.engine.pool;

import java.math.BigInteger;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PoolRules;

/**
 * The exact integer rules of SPEC, as pure functions of the pool's two integers. P is pool cash in
 * fen, N circulating points in 10⁻⁶ point, rates in ppm; every division rounds down.
 */
public final class PoolMath {
    private static final long PPM = Limits.PPM;

    private PoolMath() {
    }

    /**
     * Points minted for a pool contribution S: ⌊S·α·N / (P·10⁶)⌋ at the reference price (P, N), which is
     * the current pair, or the last one while no point circulates.
     */
    public static long mintedPoints(long shareFen, long mintRatioPpm, long cashFen, long pointsMicro) {
        long shareTimesRatio = Exact.productOrMinusOne(shareFen, mintRatioPpm);
        long cashTimesPpm = Exact.productOrMinusOne(cashFen, PPM);
        if (shareTimesRatio >= 0 && cashTimesPpm > 0) {
            return Exact.mulDivFloor(shareTimesRatio, pointsMicro, cashTimesPpm);
        }
        return big(shareFen).multiply(big(mintRatioPpm)).multiply(big(pointsMicro))
                .divide(big(cashFen).multiply(big(PPM))).longValueExact();
    }

    /**
     * Cash paid for q points sold: ⌊q·P·β / (N·10⁶)⌋, computed as ⌊⌊q·(P·β) / N⌋ / 10⁶⌋ (the same number,
     * since nested floors of positive divisions compose).
     */
    public static long salePayout(long pointsSold, long cashFen, long pointsMicro, long payoutRatioPpm) {
        long cashTimesRatio = Exact.productOrMinusOne(cashFen, payoutRatioPpm);
        if (cashTimesRatio >= 0) {
            return Exact.mulDivFloor(pointsSold, cashTimesRatio, pointsMicro) / PPM;
        }
        return big(pointsSold).multiply(big(cashFen)).multiply(big(payoutRatioPpm))
                .divide(big(pointsMicro).multiply(big(PPM))).longValueExact();
    }

    /** Gross value of q points, for exit accounting: ⌊q·P / N⌋. */
    public static long grossValue(long pointsSold, long cashFen, long pointsMicro) {
        return Exact.mulDivFloor(pointsSold, cashFen, pointsMicro);
    }

    /**
     * The exit test realized·N + h·P ≥ k·spend·N, with k = kNum/kDen, evaluated exactly as
     * (kNum·spend − kDen·realized)·N ≤ (P·kDen)·h.
     */
    public static boolean exitDue(PoolRules rules, long cycleSpendFen, long cycleRealizedFen, long holdingMicro,
            long cashFen, long pointsMicro) {
        long numerator = thresholdNumerator(rules, cycleSpendFen, cycleRealizedFen);
        return exitDue(rules, numerator, numerator == WIDE ? wideNumerator(rules, cycleSpendFen, cycleRealizedFen) : null,
                holdingMicro, cashFen, pointsMicro);
    }

    /** Marks a threshold numerator that does not fit in a long. */
    static final long WIDE = Long.MIN_VALUE;

    /** kNum·spend − kDen·realized, or {@link #WIDE} when a product overflows (then use {@link #wideNumerator}). */
    static long thresholdNumerator(PoolRules rules, long cycleSpendFen, long cycleRealizedFen) {
        long owed = Exact.productOrMinusOne(rules.exitMultipleNumerator(), cycleSpendFen);
        long realized = Exact.productOrMinusOne(rules.exitMultipleDenominator(), cycleRealizedFen);
        return owed < 0 || realized < 0 ? WIDE : owed - realized;
    }

    static BigInteger wideNumerator(PoolRules rules, long cycleSpendFen, long cycleRealizedFen) {
        return big(rules.exitMultipleNumerator()).multiply(big(cycleSpendFen))
                .subtract(big(rules.exitMultipleDenominator()).multiply(big(cycleRealizedFen)));
    }

    /** The exit test on a precomputed numerator ({@code wide} is set when {@code numerator} is {@link #WIDE}). */
    static boolean exitDue(PoolRules rules, long numerator, BigInteger wide, long holdingMicro, long cashFen,
            long pointsMicro) {
        long cashTimesDen = Exact.productOrMinusOne(cashFen, rules.exitMultipleDenominator());
        if (numerator != WIDE && cashTimesDen >= 0) {
            return Exact.compareProducts(numerator, pointsMicro, cashTimesDen, holdingMicro) <= 0;
        }
        BigInteger left = (numerator == WIDE ? wide : big(numerator)).multiply(big(pointsMicro));
        BigInteger right = big(cashFen).multiply(big(rules.exitMultipleDenominator())).multiply(big(holdingMicro));
        return left.compareTo(right) <= 0;
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
