package org.zengzhi.engine;

import java.math.BigInteger;

/**
 * Exact integer arithmetic with 128-bit intermediates (ARCHITECTURE rule 4). The fast paths use
 * {@link Math#multiplyHigh}; values beyond 128 bits take a {@link BigInteger} path that is rare and slow
 * but never wrong.
 */
public final class Exact {
    private static final long DIGIT = 1L << 32;
    private static final long DIGIT_MASK = DIGIT - 1;

    private Exact() {
    }

    /**
     * ⌊a·b / c⌋ for a, b ≥ 0 and c > 0.
     *
     * @throws ArithmeticException if the quotient does not fit in a long (a bug: amounts are bounded)
     */
    public static long mulDivFloor(long a, long b, long c) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if (high == 0 && low >= 0) {
            return low / c;
        }
        if (high < c) {
            long quotient = divideUnsigned128(high, low, c);
            if (quotient >= 0) {
                return quotient;
            }
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .divide(BigInteger.valueOf(c)).longValueExact();
    }

    /** a·b, or −1 when the product of the non-negative a and b does not fit in a long. */
    public static long productOrMinusOne(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : -1;
    }

    /** The sign of a·b − c·d, computed exactly on 128 bits for any longs. */
    public static int compareProducts(long a, long b, long c, long d) {
        long leftHigh = Math.multiplyHigh(a, b);
        long rightHigh = Math.multiplyHigh(c, d);
        if (leftHigh != rightHigh) {
            return leftHigh < rightHigh ? -1 : 1;
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /**
     * ⌊(high·2⁶⁴ + low) / divisor⌋ for unsigned high &lt; divisor, all treated as unsigned: long division
     * with 32-bit digits after normalising the divisor (Hacker's Delight, divlu).
     */
    static long divideUnsigned128(long high, long low, long divisor) {
        int shift = Long.numberOfLeadingZeros(divisor);
        long v = divisor << shift;
        long vHigh = v >>> 32;
        long vLow = v & DIGIT_MASK;
        long numeratorHigh = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        long numeratorLow = low << shift;
        long digit1 = numeratorLow >>> 32;
        long digit0 = numeratorLow & DIGIT_MASK;

        long q1 = quotientDigit(numeratorHigh, digit1, vHigh, vLow);
        long remainder = numeratorHigh * DIGIT + digit1 - q1 * v;
        long q0 = quotientDigit(remainder, digit0, vHigh, vLow);
        return q1 * DIGIT + q0;
    }

    /** One 32-bit quotient digit of (top·2³² + next) / (vHigh·2³² + vLow), corrected at most twice. */
    private static long quotientDigit(long top, long next, long vHigh, long vLow) {
        long q = Long.divideUnsigned(top, vHigh);
        long rest = top - q * vHigh;
        while (Long.compareUnsigned(q, DIGIT) >= 0
                || Long.compareUnsigned(q * vLow, rest * DIGIT + next) > 0) {
            q--;
            rest += vHigh;
            if (Long.compareUnsigned(rest, DIGIT) >= 0) {
                break;
            }
        }
        return q;
    }
}
