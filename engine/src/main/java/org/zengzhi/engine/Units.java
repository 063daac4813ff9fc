package org.zengzhi.engine;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Exact conversion between decimal text and integer units: CNY with 2 decimals (fen), points with 6
 * (10⁻⁶ point), rates as decimal fractions with up to 6 decimals (ppm). Never binary floating point.
 */
public final class Units {
    public static final int CNY_DECIMALS = 2;
    public static final int POINT_DECIMALS = 6;
    public static final int RATE_DECIMALS = 6;
    private static final int DIGITS_MAX = 30;
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private Units() {
    }

    /** "1000.00" → 100000 fen. */
    public static long parseFen(String text) {
        return parseFixed(text, CNY_DECIMALS);
    }

    /** "210.000000" → 210000000 micro-points. */
    public static long parsePointsMicro(String text) {
        return parseFixed(text, POINT_DECIMALS);
    }

    /** A decimal fraction as parts per million: "0.70" → 700000. */
    public static long parsePpm(String text) {
        return parseFixed(text, RATE_DECIMALS);
    }

    /**
     * Parses an optionally signed decimal with at most {@code decimals} places and no exponent into its
     * value times 10^decimals.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static long parseFixed(String text, int decimals) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (text.length() > DIGITS_MAX || !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("is not a decimal number: \"" + text + "\"");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.scale() > decimals) {
            throw new IllegalArgumentException("has more than " + decimals + " decimals: \"" + text + "\"");
        }
        try {
            return value.movePointRight(decimals).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too large: \"" + text + "\"");
        }
    }

    public static String formatFen(long fen) {
        return format(fen, CNY_DECIMALS);
    }

    public static String formatPoints(long pointsMicro) {
        return format(pointsMicro, POINT_DECIMALS);
    }

    /** The exact value of {@code units} / 10^decimals with all its decimals: (100000, 2) → "1000.00". */
    public static String format(long units, int decimals) {
        return BigDecimal.valueOf(units, decimals).toPlainString();
    }
}
