package org.zengzhi.engine;

import java.math.BigInteger;
import java.math.RoundingMode;


/**
 * A point price as the exact pair it comes from (SPEC ): {@code cashFen} fen for
 * {@code pointsMicro} 10⁻⁶ point. Never stored rounded; {@link #display()} rounds for people only.
 */
public record Price(long cashFen, long pointsMicro) implements Comparable<Price> {

    /** The initial price before any mint: 1.00 CNY a point. */
    public static final Price ONE_YUAN = new Price(100, 1_000_000);

    public Price {
        if (cashFen <= 0 || pointsMicro <= 0) {
            throw new IllegalArgumentException("a price needs positive cash and points: " + cashFen + "/" + pointsMicro);
        }
    }

    /**
     * Parses a price in CNY per point with any number of decimals ("1.00", "1.2345"): d CNY is
     * (unscaled / 10^scale)·100 fen per 10⁶ micro-points, i.e. the pair (unscaled, 10^(scale+4)).
     */
    public static Price ofYuan(String text) {
        java.math.BigDecimal value = new java.math.BigDecimal(text).stripTrailingZeros();
        int scale = Math.max(value.scale(), -4);
        BigInteger unscaled = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger points = BigInteger.TEN.pow(scale + 4);
        return new Price(unscaled.longValueExact(), points.longValueExact());
    }

    @Override
    public int compareTo(Price other) {
        return Exact.compareProducts(cashFen, other.pointsMicro, other.cashFen, pointsMicro);
    }

    /** CNY per point, rounded half up to 4 decimals: round(cash·10⁸ / points) / 10⁴. */
    public String display() {
        BigInteger scaled = BigInteger.valueOf(cashFen).multiply(BigInteger.valueOf(200_000_000L))
                .add(BigInteger.valueOf(pointsMicro))
                .divide(BigInteger.valueOf(2 * pointsMicro));
        return new java.math.BigDecimal(scaled, 4).toPlainString();
    }

    @Override
    public String toString() {
        return display() + " (" + cashFen + " fen / " + pointsMicro + " µpt)";
    }
}
