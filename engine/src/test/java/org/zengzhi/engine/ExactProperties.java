package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.zengzhi.engine.pool.PoolMath;
import org.zengzhi.engine.Price;

/**
 * ARCHITECTURE rule 4, SPEC: the 128-bit helpers of {@link Exact} and the pool formulas of
 * {@link PoolMath} agree with {@link BigInteger} on random values and on the edges where 64-bit tricks
 * break: 0, 1, Long.MAX_VALUE, powers of two and their neighbours, divisors near 2³² and 2⁶³.
 */
class ExactProperties {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger PPM = BigInteger.valueOf(Limits.PPM);

    /** Edge values: small numbers, powers of two ± 1, numbers near 2³² and 2⁶³, and their negatives. */
    static List<Long> edges() {
        List<Long> edges = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 10L, 1_000_000L, Long.MAX_VALUE, Long.MAX_VALUE - 1,
                Long.MIN_VALUE, Long.MIN_VALUE + 1, 0xFFFF_FFFFL, 0x1_0000_0001L, 0xFFFF_FFFF_0000_0000L >>> 1,
                Limits.AMOUNT_FEN_MAX, 3_037_000_499L, 3_037_000_500L));
        for (int bit = 0; bit < 63; bit++) {
            long power = 1L << bit;
            edges.add(power);
            edges.add(power - 1);
            edges.add(power + 1);
        }
        List<Long> all = new ArrayList<>(edges);
        for (long edge : edges) {
            all.add(-edge);
        }
        return all;
    }

    @Provide
    Arbitrary<Long> anyLong() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(edges())),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 62)
                        .flatMap(bits -> Arbitraries.longs().between(-(1L << bits), 1L << bits))));
    }

    @Provide
    Arbitrary<Long> nonNegative() {
        return anyLong().map(value -> value == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(value));
    }

    @Provide
    Arbitrary<Long> positive() {
        return nonNegative().filter(value -> value > 0);
    }

    /** ⌊a·b/c⌋ equals BigInteger's, or throws ArithmeticException exactly when it exceeds a long. */
    @Property(tries = 3000)
    void mulDivFloorAgreesWithBigInteger(@ForAll("nonNegative") long a, @ForAll("nonNegative") long b,
            @ForAll("positive") long c) {
        BigInteger expected = big(a).multiply(big(b)).divide(big(c));
        if (expected.compareTo(LONG_MAX) <= 0) {
            assertThat(Exact.mulDivFloor(a, b, c)).as("⌊%d·%d/%d⌋", a, b, c).isEqualTo(expected.longValueExact());
        } else {
            assertThatThrownBy(() -> Exact.mulDivFloor(a, b, c)).isInstanceOf(ArithmeticException.class);
        }
    }

    /** Quotients that fit: c chosen as a divisor of a·b near the product, near 2³² and near 2⁶³. */
    @Property(tries = 2000)
    void mulDivFloorOnLargeProductsThatFit(@ForAll("nonNegative") long a, @ForAll("nonNegative") long b,
            @ForAll("nonNegative") long offset) {
        BigInteger product = big(a).multiply(big(b));
        BigInteger divisor = product.shiftRight(62).add(big(offset % 1_000_000)).max(BigInteger.ONE);
        if (divisor.compareTo(LONG_MAX) > 0) {
            return;
        }
        long c = divisor.longValueExact();
        BigInteger expected = product.divide(divisor);
        assertThat(expected.compareTo(LONG_MAX)).isNotPositive();
        assertThat(Exact.mulDivFloor(a, b, c)).as("⌊%d·%d/%d⌋", a, b, c).isEqualTo(expected.longValueExact());
    }

    @Property(tries = 3000)
    void compareProductsAgreesWithBigInteger(@ForAll("anyLong") long a, @ForAll("anyLong") long b,
            @ForAll("anyLong") long c, @ForAll("anyLong") long d) {
        int expected = big(a).multiply(big(b)).compareTo(big(c).multiply(big(d)));
        assertThat(Exact.compareProducts(a, b, c, d)).as("sign of %d·%d − %d·%d", a, b, c, d).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void compareProductsOfEqualProductsIsZero(@ForAll("anyLong") long a, @ForAll("anyLong") long b) {
        assertThat(Exact.compareProducts(a, b, b, a)).isZero();
    }

    @Property(tries = 2000)
    void productOrMinusOneAgreesWithBigInteger(@ForAll("nonNegative") long a, @ForAll("nonNegative") long b) {
        BigInteger product = big(a).multiply(big(b));
        long expected = product.compareTo(LONG_MAX) <= 0 ? product.longValueExact() : -1;
        assertThat(Exact.productOrMinusOne(a, b)).isEqualTo(expected);
    }

    /** The 128-by-64 unsigned long division, for every unsigned divisor and high &lt; divisor. */
    @Property(tries = 5000)
    void divideUnsigned128AgreesWithBigInteger(@ForAll("anyLong") long highSeed, @ForAll("anyLong") long low,
            @ForAll("anyLong") long divisor) {
        if (divisor == 0) {
            return;
        }
        long high = Long.remainderUnsigned(highSeed, divisor);
        checkDivide(high, low, divisor);
    }

    /** The largest numerators a divisor allows: high = divisor − 1, where quotient digits need correcting. */
    @Property(tries = 3000)
    void divideUnsigned128WithTopNumerators(@ForAll("anyLong") long low, @ForAll("anyLong") long divisor,
            @ForAll("nonNegative") long below) {
        if (divisor == 0) {
            return;
        }
        long high = divisor - 1 - Long.remainderUnsigned(below % 4, divisor);
        checkDivide(high, low, divisor);
        checkDivide(0, low, divisor);
    }

    @Example
    void divideUnsigned128OnHandPickedEdges() {
        long[] divisors = {1, 2, 3, 0xFFFF_FFFFL, 0x1_0000_0000L, 0x1_0000_0001L, Long.MAX_VALUE, Long.MIN_VALUE, -1L,
                -2L, 0x8000_0000_0000_0001L, 0x7FFF_FFFF_FFFF_FFFFL, 0x0000_0001_FFFF_FFFFL, 0x8000_0000L};
        long[] lows = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL, 0xFFFF_FFFF_0000_0000L};
        for (long divisor : divisors) {
            long[] highs = {0, 1, divisor - 1, divisor >>> 1, (divisor >>> 1) - 1};
            for (long high : highs) {
                if (Long.compareUnsigned(high, divisor) < 0) {
                    for (long low : lows) {
                        checkDivide(high, low, divisor);
                    }
                }
            }
        }
    }

    private static void checkDivide(long high, long low, long divisor) {
        BigInteger numerator = unsigned(high).shiftLeft(64).add(unsigned(low));
        BigInteger expected = numerator.divide(unsigned(divisor));
        assertThat(expected.compareTo(TWO_64)).isNegative();
        assertThat(unsigned(Exact.divideUnsigned128(high, low, divisor)))
                .as("(%s·2⁶⁴ + %s) / %s", Long.toUnsignedString(high), Long.toUnsignedString(low),
                        Long.toUnsignedString(divisor))
                .isEqualTo(expected);
    }

    // ----- PoolMath against the formulas of SPEC R-1.4 -----

    @Provide
    Arbitrary<Long> fen() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of(1L, 2L, 100L, Limits.AMOUNT_FEN_MAX, 40 * Limits.AMOUNT_FEN_MAX)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, 40 * Limits.AMOUNT_FEN_MAX)));
    }

    @Provide
    Arbitrary<Long> pointsMicro() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of(1L, 1_000_000L, Long.MAX_VALUE / 2, Long.MAX_VALUE)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(1, Long.MAX_VALUE)));
    }

    @Provide
    Arbitrary<Long> ppm() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of(0L, 1L, 700_000L, 800_000L, Limits.PPM)),
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, Limits.PPM)));
    }

    /** minted = ⌊S·α·N / (P·10⁶)⌋. */
    @Property(tries = 3000)
    void mintedPointsFollowsR1_4(@ForAll("fen") long share, @ForAll("ppm") long alpha, @ForAll("fen") long cash,
            @ForAll("pointsMicro") long points) {
        BigInteger expected = big(share).multiply(big(alpha)).multiply(big(points)).divide(big(cash).multiply(PPM));
        if (expected.compareTo(LONG_MAX) <= 0) {
            assertThat(PoolMath.mintedPoints(share, alpha, cash, points)).isEqualTo(expected.longValueExact());
        } else {
            assertThatThrownBy(() -> PoolMath.mintedPoints(share, alpha, cash, points))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    /** payout = ⌊q·P·β / (N·10⁶)⌋ and gross = ⌊q·P / N⌋ for q ≤ N. */
    @Property(tries = 3000)
    void salePayoutAndGrossFollowR1_4(@ForAll("pointsMicro") long points, @ForAll("pointsMicro") long soldSeed,
            @ForAll("fen") long cash, @ForAll("ppm") long beta) {
        long sold = 1 + Long.remainderUnsigned(soldSeed, points);
        BigInteger payout = big(sold).multiply(big(cash)).multiply(big(beta)).divide(big(points).multiply(PPM));
        BigInteger gross = big(sold).multiply(big(cash)).divide(big(points));
        assertThat(PoolMath.salePayout(sold, cash, points, beta)).isEqualTo(payout.longValueExact());
        assertThat(PoolMath.grossValue(sold, cash, points)).isEqualTo(gross.longValueExact());
    }

    /** exit due ⇔ realized·N + h·P ≥ k·spend·N, with k a fraction. */
    @Property(tries = 3000)
    void exitTestFollowsR1_4(@ForAll("fen") long spendSeed, @ForAll("fen") long realizedSeed,
            @ForAll("pointsMicro") long held, @ForAll("fen") long cash, @ForAll("pointsMicro") long points,
            @ForAll("kPart") long kNumerator, @ForAll("kPart") long kDenominator) {
        long spend = spendSeed;
        long realized = realizedSeed;
        long h = held / 2_000_000 + 1;
        PoolRules rules = new PoolRules(700_000, 800_000, kNumerator, kDenominator, Price.ONE_YUAN);
        BigInteger left = big(kDenominator).multiply(big(realized).multiply(big(points)).add(big(h).multiply(big(cash))));
        BigInteger right = big(kNumerator).multiply(big(spend)).multiply(big(points));
        boolean expected = left.compareTo(right) >= 0;
        boolean actual = PoolMath.exitDue(rules, spend, realized, h, cash, points);
        assertThat(actual).as("spend %d realized %d h %d P %d N %d k %d/%d", spend, realized, h, cash, points,
                kNumerator, kDenominator).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Long> kPart() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.of(1L, 2L, 3L, 5L, 6L, 10L, 1_000_000L)),
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 1_000_000)));
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static BigInteger unsigned(long value) {
        return value >= 0 ? BigInteger.valueOf(value) : BigInteger.valueOf(value).add(TWO_64);
    }
}
