package org.zengzhi.server.payment;

import java.util.Iterator;
import java.util.List;

import org.zengzhi.engine.Units;
import org.zengzhi.engine.order.MallSplitFen;

import tools.jackson.databind.JsonNode;

/**
 * The validation a payment's and a product's {@code split} share: an object of the four parts,
 * each an amount in fen, that add up to the total; and the amount of yuan itself, a decimal string never below
 * zero. How a missing part or a number is told is the caller's ({@link Part}).
 */
public final class MallSplitField {
    public static final List<String> PARTS = List.of("cost", "distribution", "platform", "pool");

    private MallSplitField() {
    }

    /** Reads one part of the split object, naming the field {@code split.<part>} when it is wrong. */
    public interface Part {
        long fen(JsonNode split, String part) throws InvalidFieldException;
    }

    /**
     * The split in {@code value} (not null), its parts read by {@code part}, that add up to {@code totalFen};
     * {@code expected} says what else {@code split} may be, {@code total} what the parts add up to.
     */
    public static MallSplitFen parse(JsonNode value, String expected, long totalFen, String total, Part part)
            throws InvalidFieldException {
        if (!value.isObject()) {
            throw new InvalidFieldException("split", "must be " + expected + "an object with " + PARTS);
        }
        for (Iterator<String> names = value.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!PARTS.contains(name)) {
                throw new InvalidFieldException("split." + name, "is not a split part (expected " + PARTS + ")");
            }
        }
        long[] parts = new long[PARTS.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part.fen(value, PARTS.get(i));
        }
        MallSplitFen split = new MallSplitFen(parts[0], parts[1], parts[2], parts[3]);
        if (!split.divides(totalFen)) {
            throw new InvalidFieldException("split", "the parts must add up to the " + total + " "
                    + Units.formatFen(totalFen));
        }
        return split;
    }

    /** Yuan as a decimal string with at most two decimals ("10.00") in fen, never negative; errors name {@code field}. */
    public static long nonNegativeFen(String yuan, String field) throws InvalidFieldException {
        try {
            long fen = Units.parseFen(yuan);
            if (fen < 0) {
                throw new InvalidFieldException(field, "must not be negative");
            }
            return fen;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }
}
