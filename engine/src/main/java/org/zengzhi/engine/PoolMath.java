package org.zengzhi.engine;

import java.math.BigInteger;

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
     * The exit test realized·N + h·P ≥ k·spend·N, as: threshold price T = (k·spend − realized) / h is at
     * most P/N, with k = kNum/kDen, i.e. (kNum·spend − kDen·realized)·N ≤ P·(kDen·h).
     */
    public static boolean exitDue(long thresholdNumerator, long thresholdDenominator, long cashFen,
            long pointsMicro) {
        return Exact.compareProducts(thresholdNumerator, pointsMicro, cashFen, thresholdDenominator) <= 0;
    }

    /** The numerator of a holder's threshold price: kNum·spend − kDen·realized (fen·kDen). */
    public static long thresholdNumerator(PoolRules rules, long cycleSpendFen, long cycleRealizedFen) {
        return Math.subtractExact(Math.multiplyExact(rules.exitMultipleNumerator(), cycleSpendFen),
                Math.multiplyExact(rules.exitMultipleDenominator(), cycleRealizedFen));
    }

    /** The denominator of a holder's threshold price: kDen·h (10⁻⁶ point·kDen). */
    public static long thresholdDenominator(PoolRules rules, long holdingMicro) {
        return Math.multiplyExact(rules.exitMultipleDenominator(), holdingMicro);
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }
}
