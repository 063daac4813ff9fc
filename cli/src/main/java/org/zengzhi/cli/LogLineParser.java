package org.zengzhi.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.zengzhi.engine.Command;
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
final class LogLineParser {
    private static final int FIELD_COUNT = LogField.values().length;

    private final JsonFactory factory = new JsonFactory();
    private final JsonToken[] tokens = new JsonToken[FIELD_COUNT];
    private final String[] texts = new String[FIELD_COUNT];
    private long lineNumber;

    Command parse(long lineNumber, String line) throws MalformedLineException {
        this.lineNumber = lineNumber;
        Arrays.fill(tokens, null);
        Arrays.fill(texts, null);
        readObject(line);
        String typeName = requireString(LogField.TYPE);
        LogCommandType type = LogCommandType.byName(typeName);
        if (type == null) {
            throw malformed(LogField.TYPE, "unknown command type \"" + typeName + "\" (expected one of: "
                    + LogCommandType.names() + ")");
        }
        String id = requireString(LogField.ID);
        Instant at = instant(LogField.AT);
        return switch (type) {
            case ORDER -> new Command.SettleOrder(id, at, requireString(LogField.USER),
                    fixed(LogField.AMOUNT, Units.CNY_DECIMALS), fixed(LogField.POOL_SHARE, Units.CNY_DECIMALS));
            case SELL -> new Command.SellPoints(id, at, requireString(LogField.USER),
                    fixed(LogField.POINTS, Units.POINT_DECIMALS));
            case SUBSIDY -> new Command.InjectSubsidy(id, at, fixed(LogField.AMOUNT, Units.CNY_DECIMALS));
        };
    }

    /** Reads the object's known fields as raw tokens and text; checks types later, per command type. */
    private void readObject(String line) throws MalformedLineException {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), line)) {
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

    private static String column(JacksonException e) {
        return e.getLocation() == null || e.getLocation().getColumnNr() < 1 ? ""
                : " at column " + e.getLocation().getColumnNr();
    }

    private String requireString(LogField field) throws MalformedLineException {
        JsonToken token = present(field);
        if (token != JsonToken.VALUE_STRING) {
            throw malformed(field, "must be a string, not " + describe(field));
        }
        return texts[field.ordinal()];
    }

    private Instant instant(LogField field) throws MalformedLineException {
        String text = requireString(field);
        try {
            return InstantText.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(field, "is not an ISO-8601 instant such as 2026-01-01T10:00:00Z: \"" + text + "\"");
        }
    }

    /** A decimal with at most {@code decimals} places, given as a JSON string or number, in units. */
    private long fixed(LogField field, int decimals) throws MalformedLineException {
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

    private MalformedLineException malformed(LogField field, String reason) {
        return new MalformedLineException(lineNumber, field == null ? null : field.jsonName(), reason);
    }
}
