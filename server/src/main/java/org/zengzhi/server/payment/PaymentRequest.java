package org.zengzhi.server.payment;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.Units;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of {@code POST /api/v1/payments}, validated: everything the engine's {@code PayOrder} needs,
 * checked for form before anything is stored or sent to a provider. Whether the merchant is known and
 * active, and the payer holds the deduction points, {@link Payments} asks the engine before the intent exists;
 * the engine judges again when the verified callback arrives.
 */
public record PaymentRequest(String order, String user, String merchant, Channel channel, long amountFen,
        long deductFen, MallSplitFen split, String region) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("order", "user", "merchant", "channel", "amount", "deduct",
            "split", "region");
    private static final List<String> SPLIT_PARTS = List.of("cost", "distribution", "platform", "pool");
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    /** The engine command this payment becomes when its provider confirms it: the order id is the command id. */
    Command.PayOrder payOrder(Instant at) {
        return new Command.PayOrder(order, at, user, merchant, channel, amountFen, deductFen, split, region);
    }

    public static PaymentRequest parse(byte[] body) throws InvalidFieldException {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidFieldException(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidFieldException(null, "the body must be one JSON object");
        }
        for (Iterator<String> names = tree.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new InvalidFieldException(name, "is not a field of a payment (expected one of " + FIELDS + ")");
            }
        }
        String order = id(tree, "order", true);
        String user = id(tree, "user", true);
        Channel channel = channel(tree);
        long amount = fen(tree, "amount", true);
        if (amount <= 0 || amount > Limits.AMOUNT_FEN_MAX) {
            throw new InvalidFieldException("amount", "must be more than 0.00 and at most "
                    + Units.formatFen(Limits.AMOUNT_FEN_MAX));
        }
        String merchant = id(tree, "merchant", channel == Channel.STORE);
        long deduct = fen(tree, "deduct", false);
        MallSplitFen split = split(tree, amount);
        String region = id(tree, "region", false);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidFieldException("region", "must be a 6-digit GB/T 2260 code");
        }
        if (channel == Channel.STORE) {
            storeOnly(deduct, split, region);
        }
        return new PaymentRequest(order, user, merchant, channel, amount, deduct, split, region);
    }

    /** Deduction points, a product split and a delivery region belong to mall orders only. */
    private static void storeOnly(long deduct, MallSplitFen split, String region) throws InvalidFieldException {
        if (deduct != 0) {
            throw new InvalidFieldException("deduct", "only a mall payment can be paid partly with deduction points");
        }
        if (split != null) {
            throw new InvalidFieldException("split", "only a mall payment carries a product split");
        }
        if (region != null) {
            throw new InvalidFieldException("region", "only a mall payment has a delivery region; a store order is "
                    + "in the merchant's region");
        }
    }

    private static Channel channel(JsonNode tree) throws InvalidFieldException {
        String text = id(tree, "channel", true);
        if (text.equals("store")) {
            return Channel.STORE;
        }
        if (text.equals("mall")) {
            return Channel.MALL;
        }
        throw new InvalidFieldException("channel", "must be \"store\" or \"mall\", not \"" + text + "\"");
    }

    /** A string id of 1 to 128 visible characters; null when absent and not required. */
    private static String id(JsonNode tree, String field, boolean required) throws InvalidFieldException {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(field, "is missing");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidFieldException(field, "must be a string");
        }
        String text = value.asString();
        if (text.isEmpty() || text.length() > Limits.PARTICIPANT_ID_LENGTH_MAX
                || text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidFieldException(field, "must be 1 to " + Limits.PARTICIPANT_ID_LENGTH_MAX
                    + " characters without spaces or control characters");
        }
        return text;
    }

    /** An amount in CNY as a decimal string with at most 2 decimals ("10.00"); 0 when absent and optional. */
    private static long fen(JsonNode tree, String field, boolean required) throws InvalidFieldException {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(field, "is missing");
            }
            return 0;
        }
        if (!value.isString()) {
            throw new InvalidFieldException(field, "must be a decimal string such as \"10.00\" (never a JSON number, "
                    + "which clients may round through binary floating point)");
        }
        try {
            long fen = Units.parseFen(value.asString());
            if (fen < 0) {
                throw new InvalidFieldException(field, "must not be negative");
            }
            return fen;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
    }

    /** A mall product's split: four CNY parts that add up to the cash amount. */
    private static MallSplitFen split(JsonNode tree, long amountFen) throws InvalidFieldException {
        JsonNode value = tree.get("split");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new InvalidFieldException("split", "must be an object with " + SPLIT_PARTS);
        }
        for (Iterator<String> names = value.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!SPLIT_PARTS.contains(name)) {
                throw new InvalidFieldException("split." + name, "is not a split part (expected " + SPLIT_PARTS + ")");
            }
        }
        long[] parts = new long[SPLIT_PARTS.size()];
        for (int i = 0; i < parts.length; i++) {
            try {
                parts[i] = fen(value, SPLIT_PARTS.get(i), true);
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException("split." + e.field(), e.getMessage());
            }
        }
        MallSplitFen split = new MallSplitFen(parts[0], parts[1], parts[2], parts[3]);
        if (!split.divides(amountFen)) {
            throw new InvalidFieldException("split", "the parts must add up to the amount " + Units.formatFen(amountFen));
        }
        return split;
    }
}
