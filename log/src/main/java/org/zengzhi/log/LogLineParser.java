package org.zengzhi.log;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.Units;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Turns one line of a command log into an engine command. The line must be exactly one JSON object;
 * amounts and points are parsed from their decimal text (a JSON string or number) with {@link Units}, so
 * no value ever passes through binary floating point. One instance is reused for every line.
 */
public final class LogLineParser {
    private static final int FIELD_COUNT = LogField.values().length;
    private static final List<String> SPLIT_PARTS = List.of("cost", "distribution", "platform", "pool");
    /** The longer names of SPEC R-2.2 ("distribution budget", "platform profit", "pool contribution") work too. */
    private static final java.util.Map<String, String> SPLIT_ALIASES = java.util.Map.of("distributionBudget",
            "distribution", "platformProfit", "platform", "poolContribution", "pool", "poolShare", "pool");

    /** Thread-safe and costly to build: the server parses a line of every request through a new parser. */
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonToken[] tokens = new JsonToken[FIELD_COUNT];
    private final String[] texts = new String[FIELD_COUNT];
    private final String[] splitTexts = new String[SPLIT_PARTS.size()];
    private final Supplier<Instant> clock;
    private long lineNumber;

    /** {@code clock} gives the engine's time, for commands of the order flow that carry no "at". */
    public LogLineParser(Supplier<Instant> clock) {
        this.clock = clock;
    }

    LogLineParser() {
        this(() -> Instant.EPOCH);
    }

    public Command parse(long lineNumber, String line) throws MalformedLineException {
        this.lineNumber = lineNumber;
        Arrays.fill(tokens, null);
        Arrays.fill(texts, null);
        Arrays.fill(splitTexts, null);
        readObject(line);
        String typeName = requireString(LogField.TYPE);
        LogCommandType type = LogCommandType.byName(typeName);
        if (type == null) {
            throw malformed(LogField.TYPE, "unknown command type \"" + typeName + "\" (expected one of: "
                    + LogCommandType.names() + ")");
        }
        switch (type) {
            case ORDER:
                return new Command.SettleOrder(requireString(LogField.ID), instant(LogField.AT),
                        requireString(LogField.USER), fixed(LogField.AMOUNT, Units.CNY_DECIMALS),
                        fixed(LogField.POOL_SHARE, Units.CNY_DECIMALS));
            case SELL:
                return new Command.SellPoints(requireString(LogField.ID), instant(LogField.AT),
                        requireString(LogField.USER), fixed(LogField.POINTS, Units.POINT_DECIMALS));
            case SUBSIDY:
                return new Command.InjectSubsidy(requireString(LogField.ID), instant(LogField.AT),
                        fixed(LogField.AMOUNT, Units.CNY_DECIMALS), optionalString(LogField.REASON));
            default:
                return flowCommand(type);
        }
    }

    /**
     * Commands of the order flow (plans, referral, merchants, agents): "id" defaults to the type and line
     * number, "at" to the engine's time.
     */
    private Command flowCommand(LogCommandType type) throws MalformedLineException {
        String id = tokens[LogField.ID.ordinal()] == null ? type.jsonName() + "#" + lineNumber : requireString(LogField.ID);
        Instant at = tokens[LogField.AT.ordinal()] == null ? clock.get() : instant(LogField.AT);
        switch (type) {
            case REGISTER:
                return new Command.RegisterUser(id, at, requireString(LogField.USER), optionalString(LogField.REFERRER));
            case MERCHANT:
                return new Command.OnboardMerchant(id, at, requireString(LogField.MERCHANT),
                        requireString(LogField.OWNER), optionalString(LogField.RECRUITER), requireString(LogField.REGION),
                        tokens[LogField.COMMISSION_RATE.ordinal()] == null ? -1
                                : fixed(LogField.COMMISSION_RATE, Units.RATE_DECIMALS));
            case AGENT:
                return new Command.AppointAgent(id, at, requireString(LogField.USER), requireString(LogField.REGION));
            case REMOVE_AGENT:
                return new Command.RemoveAgent(id, at, requireString(LogField.REGION));
            case PAY:
                return tokens[LogField.PRODUCT.ordinal()] != null ? PartyLines.pay(this, requireString(LogField.ID), at)
                        : pay(requireString(LogField.ID), at);
            case RECEIVE:
                return new Command.ConfirmReceipt(id, at, requireString(LogField.ORDER));
            case REFUND:
                return new Command.RefundOrder(id, at, requireString(LogField.ORDER));
            case TICK:
                return new Command.Tick(id, instant(LogField.AT));
            case REASSIGN:
                return new Command.ReassignReferrer(id, at, requireString(LogField.USER),
                        requireString(LogField.REFERRER), optionalString(LogField.REASON));
            case PLAN:
                return changePlan(id, at);
            case BONUS:
                return new Command.GrantBonus(id, at, requireString(LogField.USER), fixed(LogField.AMOUNT, Units.CNY_DECIMALS),
                        optionalString(LogField.REASON));
            case SUSPEND:
                return new Command.SuspendMerchant(id, at, requireString(LogField.MERCHANT),
                        tokens[LogField.SUSPENDED.ordinal()] == null || bool(LogField.SUSPENDED),
                        optionalString(LogField.REASON));
            case WITHDRAW:
                return new Command.RequestWithdrawal(requireString(LogField.ID), at, requireString(LogField.USER),
                        fixed(LogField.AMOUNT, Units.CNY_DECIMALS), optionalString(LogField.MERCHANT),
                        optionalString(LogField.SUPPLIER));
            case REVIEW_WITHDRAWAL:
                return new Command.ReviewWithdrawal(id, at, requireString(LogField.WITHDRAWAL), bool(LogField.APPROVE),
                        optionalString(LogField.REASON));
            case SETTLE_WITHDRAWAL:
                return new Command.SettleWithdrawal(id, at, requireString(LogField.WITHDRAWAL), bool(LogField.PAID),
                        optionalString(LogField.REFERENCE));
            case PROMOTER:
                return new Command.AppointPromoter(id, at, requireString(LogField.USER), optionalString(LogField.COACH));
            case SUPPLIER, PRODUCT, RATE, TRANSFER, REDEEM, VERIFY, CREDIT_SCORE, ESCROW_STATEMENT, CHARGE, COST,
                    CLOSE_MONTH, CLOSE_YEAR:
                return PartyLines.command(this, type, id, at);
            default:
                throw new IllegalStateException("not a flow command: " + type);
        }
    }

    private Command pay(String id, Instant at) throws MalformedLineException {
        String channelText = requireString(LogField.CHANNEL);
        Channel channel = "store".equals(channelText) ? Channel.STORE : "mall".equals(channelText) ? Channel.MALL : null;
        if ("coin".equals(channelText)) {
            // A coin-mall order (green points, issue 17 rule 6): its amount is the coins it pays.
            return new Command.PayOrder(id, at, requireString(LogField.USER), optionalString(LogField.MERCHANT),
                    Channel.COIN, fixed(LogField.COINS, Units.CNY_DECIMALS), 0, null, null, 0);
        }
        if (channel == null) {
            throw malformed(LogField.CHANNEL, "must be \"store\", \"mall\" or \"coin\": \"" + channelText + "\"");
        }
        long deduct = tokens[LogField.DEDUCT.ordinal()] == null ? 0 : fixed(LogField.DEDUCT, Units.CNY_DECIMALS);
        long voucher = tokens[LogField.VOUCHER.ordinal()] == null ? 0 : fixed(LogField.VOUCHER, Units.CNY_DECIMALS);
        return new Command.PayOrder(id, at, requireString(LogField.USER), optionalString(LogField.MERCHANT), channel,
                fixed(LogField.AMOUNT, Units.CNY_DECIMALS), deduct, split(), optionalString(LogField.REGION), voucher);
    }

    /** A plan change carries the plan file's text, checked here exactly as {@code zengzhi plan check} does. */
    private Command changePlan(String id, Instant at) throws MalformedLineException {
        String yaml = requireString(LogField.YAML);
        org.zengzhi.engine.plan.PlanCheck check = PlanFiles.checkText(yaml);
        if (!check.valid()) {
            throw malformed(LogField.YAML, "is not a valid plan: " + check.errors().get(0)
                    + (check.errors().size() > 1 ? " (and " + (check.errors().size() - 1) + " more)" : ""));
        }
        return new Command.ChangePlan(id, at, check.plan(), yaml);
    }

    /** The product's own split of a mall order: an object with cost, distribution, platform and pool. */
    private MallSplitFen split() throws MalformedLineException {
        JsonToken token = tokens[LogField.SPLIT.ordinal()];
        if (token == null || token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw malformed(LogField.SPLIT, "must be an object with cost, distribution, platform and pool");
        }
        long[] parts = new long[SPLIT_PARTS.size()];
        for (int i = 0; i < parts.length; i++) {
            if (splitTexts[i] == null) {
                throw new MalformedLineException(lineNumber, "split." + SPLIT_PARTS.get(i), "is missing");
            }
            try {
                parts[i] = Units.parseFixed(splitTexts[i], Units.CNY_DECIMALS);
            } catch (IllegalArgumentException e) {
                throw new MalformedLineException(lineNumber, "split." + SPLIT_PARTS.get(i), e.getMessage());
            }
        }
        return new MallSplitFen(parts[0], parts[1], parts[2], parts[3]);
    }

    String optionalString(LogField field) throws MalformedLineException {
        JsonToken token = tokens[field.ordinal()];
        return token == null || token == JsonToken.VALUE_NULL ? null : requireString(field);
    }

    boolean bool(LogField field) throws MalformedLineException {
        JsonToken token = present(field);
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw malformed(field, "must be true or false, not " + describe(field));
        }
        return token == JsonToken.VALUE_TRUE;
    }

    /** Reads the object's known fields as raw tokens and text; checks types later, per command type. */
    private void readObject(String line) throws MalformedLineException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(null, "is not a JSON object");
            }
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken token = parser.nextToken();
                LogField field = LogField.byName(name);
                if (field == null) {
                    parser.skipChildren();
                } else if (tokens[field.ordinal()] != null) {
                    throw malformed(field, "appears twice");
                } else if (field == LogField.SPLIT && token == JsonToken.START_OBJECT) {
                    tokens[field.ordinal()] = token;
                    readSplit(parser);
                } else {
                    tokens[field.ordinal()] = token;
                    texts[field.ordinal()] = token.isScalarValue() ? parser.getText() : null;
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw malformed(null, "has text after the JSON object");
            }
        } catch (JacksonException e) {
            throw malformed(null, "is not valid JSON" + column(e) + ": " + e.getOriginalMessage());
        }
    }

    private void readSplit(JsonParser parser) throws MalformedLineException {
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            int part = SPLIT_PARTS.indexOf(SPLIT_ALIASES.getOrDefault(name, name));
            if (part < 0) {
                throw new MalformedLineException(lineNumber, "split." + name, "is not a split part (expected "
                        + String.join(", ", SPLIT_PARTS) + ")");
            }
            if (!token.isScalarValue() || token == JsonToken.VALUE_NULL) {
                throw new MalformedLineException(lineNumber, "split." + name, "must be a decimal string or number");
            }
            splitTexts[part] = parser.getText();
        }
    }

    private static String column(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                : " at column " + e.getLocation().getColumnNr();
    }

    String requireString(LogField field) throws MalformedLineException {
        JsonToken token = present(field);
        if (token != JsonToken.VALUE_STRING) {
            throw malformed(field, "must be a string, not " + describe(field));
        }
        return texts[field.ordinal()];
    }

    Instant instant(LogField field) throws MalformedLineException {
        String text = requireString(field);
        try {
            return InstantText.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(field, "is not an ISO-8601 instant such as 2026-01-01T10:00:00Z: \"" + text + "\"");
        }
    }

    /** A decimal with at most {@code decimals} places, given as a JSON string or number, in units. */
    long fixed(LogField field, int decimals) throws MalformedLineException {
        JsonToken token = present(field);
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT
                && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw malformed(field, "must be a decimal string or number, not " + describe(field));
        }
        try {
            return Units.parseFixed(texts[field.ordinal()], decimals);
        } catch (IllegalArgumentException e) {
            throw malformed(field, e.getMessage());
        }
    }

    /** Whether the line has this field (null counts as present). */
    boolean has(LogField field) {
        return tokens[field.ordinal()] != null;
    }

    /** A whole number from 0 to {@code max}, given as a JSON number or string. */
    long whole(LogField field, long max) throws MalformedLineException {
        JsonToken token = present(field);
        String text = texts[field.ordinal()];
        if ((token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_STRING) || text == null
                || !text.matches("[0-9]{1,18}") || Long.parseLong(text) > max) {
            throw malformed(field, "must be a whole number from 0 to " + max + ", not " + describe(field));
        }
        return Long.parseLong(text);
    }

    /** A string, or the text of a JSON number (a year such as 2026). */
    String text(LogField field) throws MalformedLineException {
        JsonToken token = present(field);
        if (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NUMBER_INT) {
            throw malformed(field, "must be a string, not " + describe(field));
        }
        return texts[field.ordinal()];
    }

    private JsonToken present(LogField field) throws MalformedLineException {
        JsonToken token = tokens[field.ordinal()];
        if (token == null) {
            throw malformed(field, "is missing");
        }
        return token;
    }

    private String describe(LogField field) {
        JsonToken token = tokens[field.ordinal()];
        switch (token) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_NULL:
                return "null";
            case VALUE_STRING:
                return "a string";
            default:
                return texts[field.ordinal()];
        }
    }

    MalformedLineException malformed(LogField field, String reason) {
        return new MalformedLineException(lineNumber, field == null ? null : field.jsonName(), reason);
    }
}
