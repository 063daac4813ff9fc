package org.zengzhi.engine;


/**
 * The parameters of the appreciation pool (SPEC R-3).
 *
 * @param mintRatioPpm     α: the share of a pool contribution minted as points (700 000 = 70%)
 * @param payoutRatioPpm   β: the share of a sale's gross value paid out (800 000 = 80%)
 * @param exitMultipleNumerator   k as a fraction: the forced exit comes at realized + h·p ≥ k·spend
 * @param exitMultipleDenominator the denominator of k
 * @param initialPrice     the price before any point exists
 */
public record PoolRules(long mintRatioPpm, long payoutRatioPpm, long exitMultipleNumerator,
        long exitMultipleDenominator, Price initialPrice) {

    /** Seed 002's mall plan: α 70%, β 80%, k 3, p0 1.00. */
    public static final PoolRules MALL = new PoolRules(700_000, 800_000, 3, 1, Price.ONE_YUAN);

    public PoolRules {
        requireRange("mintRatio", mintRatioPpm, 1, Limits.PPM);
        requireRange("payoutRatio", payoutRatioPpm, 0, Limits.PPM);
        requireRange("exitMultiple numerator", exitMultipleNumerator, 1, 1_000_000);
        requireRange("exitMultiple denominator", exitMultipleDenominator, 1, 1_000_000);
        if (initialPrice == null) {
            throw new IllegalArgumentException("initialPrice is required");
        }
    }

    /** k given as a decimal ("3", "1.2"): reduced to the smallest fraction. */
    public static PoolRules of(long mintRatioPpm, long payoutRatioPpm, String exitMultiple, Price initialPrice) {
        java.math.BigDecimal k = new java.math.BigDecimal(exitMultiple).stripTrailingZeros();
        if (k.signum() <= 0) {
            throw new IllegalArgumentException("exitMultiple must be positive: " + exitMultiple);
        }
        java.math.BigInteger numerator = k.scale() > 0 ? k.unscaledValue() : k.toBigIntegerExact();
        java.math.BigInteger denominator = k.scale() > 0 ? java.math.BigInteger.TEN.pow(k.scale())
                : java.math.BigInteger.ONE;
        java.math.BigInteger gcd = numerator.gcd(denominator);
        return new PoolRules(mintRatioPpm, payoutRatioPpm, numerator.divide(gcd).longValueExact(),
                denominator.divide(gcd).longValueExact(), initialPrice);
    }

    private static void requireRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be within [" + min + ", " + max + "]: " + value);
        }
    }
}
