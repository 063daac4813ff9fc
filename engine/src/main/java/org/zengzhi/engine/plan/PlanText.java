package org.zengzhi.engine.plan;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;

/**
 * Parses and formats the scalars of a plan file exactly, with {@link BigDecimal} and integers only. Every
 * parse method throws {@link IllegalArgumentException} with a message that completes the sentence
 * "field …", so the reader can prefix the field's path.
 */
final class PlanText {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}(\\.[0-9]{1,18})?");
    private static final Pattern RATE = Pattern.compile("(-?[0-9]{1,18}(?:\\.[0-9]{1,18})?)\\s*(%|‰|‱)?");
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,10}");

    private PlanText() {
    }

    /**
     * A rate as parts per million, from "0.3%", "3‰", "5‱" (per ten thousand, as seed 001 writes it) or
     * a plain fraction "0.003"; between 0 and 100% and exact to one ppm, since that is the engine's unit.
     */
    static long ratePpm(String text) {
        Matcher matcher = RATE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a rate such as \"0.3%\", \"5‱\" or \"0.003\": \"" + text + "\"");
        }
        BigDecimal ppm = new BigDecimal(matcher.group(1)).movePointRight(ppmShift(matcher.group(2)));
        if (ppm.signum() < 0 || ppm.compareTo(BigDecimal.valueOf(Limits.PPM)) > 0) {
            throw new IllegalArgumentException("must be between 0% and 100%: \"" + text + "\"");
        }
        if (ppm.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("is finer than one part per million (0.0001%), the unit of every rate: \""
                    + text + "\"");
        }
        return ppm.longValueExact();
    }

    /** How far the decimal point moves to turn a number with this sign into ppm. */
    private static int ppmShift(String sign) {
        if (sign == null) {
            return 6;
        }
        switch (sign) {
            case "%":
                return 4;
            case "‰":
                return 3;
            default:
                return 2;
        }
    }

    /** Money in CNY with at most 2 decimals, not negative, as fen. */
    static long fen(String text) {
        long fen = Units.parseFen(text.strip());
        if (fen < 0) {
            throw new IllegalArgumentException("must not be negative: \"" + text + "\"");
        }
        return fen;
    }

    /** A whole number from 0 to {@code max}. */
    static int whole(String text, int max) {
        String value = text.strip();
        if (!WHOLE.matcher(value).matches() || Long.parseLong(value) > max) {
            throw new IllegalArgumentException("must be a whole number from 0 to " + max + ": \"" + text + "\"");
        }
        return Integer.parseInt(value);
    }

    /** A plain decimal number ("3", "1.2") with nothing else around it; the caller checks the range. */
    static BigDecimal decimal(String text) {
        String value = text.strip();
        if (!DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a decimal number such as \"1.2\": \"" + text + "\"");
        }
        return new BigDecimal(value);
    }

    /** "true" or "false", nothing else: YAML 1.1's yes/no/on/off are too easy to write by accident. */
    static boolean flag(String text) {
        switch (text.strip()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException("must be true or false: \"" + text + "\"");
        }
    }

    /** A rate in ppm as a short percentage: 3000 → "0.3%", 20000 → "2%", 1 → "0.0001%". */
    static String percent(long ppm) {
        return BigDecimal.valueOf(ppm, 4).stripTrailingZeros().toPlainString() + "%";
    }

    /** A product of two rates (ppm × ppm, i.e. parts per 10¹²) as a short percentage: 200000·100000 → "2%". */
    static String percentOfProduct(long ppmSquared) {
        return BigDecimal.valueOf(ppmSquared, 10).stripTrailingZeros().toPlainString() + "%";
    }
}
