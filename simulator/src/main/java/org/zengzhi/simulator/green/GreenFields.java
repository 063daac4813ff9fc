package org.zengzhi.simulator.green;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;

/**
 * The fields of one mapping of a green-points scenario, parsed exactly; every error names its field. It mirrors
 * the simulate package's reader on purpose: this package must not depend on that one (which dispatches to it).
 */
final class GreenFields {
    private final String path;
    private final Map<String, Object> values;

    private GreenFields(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    static GreenFields of(String path, Object node, Set<String> allowed) throws GreenScenarioException {
        String name = path.isEmpty() ? "(file)" : path;
        if (node == null) {
            node = Map.of();
        }
        if (!(node instanceof Map)) {
            throw new GreenScenarioException(name, "must be a mapping");
        }
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) node);
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new GreenScenarioException(join(path, key), "unknown key; " + name + " takes "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new GreenFields(path, map);
    }

    String field(String key) {
        return join(path, key);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Object raw(String key) {
        return values.get(key);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    String text(String key, String fallback) throws GreenScenarioException {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw new GreenScenarioException(field(key), "must be a single value");
        }
        return value.toString().trim();
    }

    String requiredText(String key) throws GreenScenarioException {
        String value = text(key, null);
        if (value == null || value.isEmpty()) {
            throw new GreenScenarioException(field(key), "is required");
        }
        return value;
    }

    long whole(String key, long fallback, long min, long max) throws GreenScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("-?[0-9]{1,18}")) {
            throw new GreenScenarioException(field(key), "must be a whole number, not \"" + value + "\"");
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new GreenScenarioException(field(key), "must be between " + min + " and " + max + ", not " + number);
        }
        return number;
    }

    int count(String key, int fallback, int min, int max) throws GreenScenarioException {
        return (int) whole(key, fallback, min, max);
    }

    /** A rate written {@code 12.5%} or {@code 0.125}, in ppm, between 0% and {@code maxPpm}. */
    long rate(String key, long fallback, long maxPpm) throws GreenScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long ppm;
        try {
            ppm = value.endsWith("%") ? Units.parseFixed(value.substring(0, value.length() - 1).trim(), 4)
                    : Units.parsePpm(value);
        } catch (IllegalArgumentException e) {
            throw new GreenScenarioException(field(key), "must be a rate such as 12.5% or 0.125, exact to 0.0001%: "
                    + e.getMessage());
        }
        if (ppm < 0 || ppm > maxPpm) {
            throw new GreenScenarioException(field(key), "must be between 0% and "
                    + Units.format(maxPpm * 100, Units.RATE_DECIMALS).replaceAll("\\.?0+$", "") + "%, not " + value);
        }
        return ppm;
    }

    /** CNY with at most 2 decimals, in fen, from {@code minFen} to the engine's largest amount. */
    long money(String key, long fallback, long minFen) throws GreenScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long fen;
        try {
            fen = Units.parseFen(value);
        } catch (IllegalArgumentException e) {
            throw new GreenScenarioException(field(key), "must be an amount in CNY such as 100.00: " + e.getMessage());
        }
        if (fen < minFen || fen > Limits.AMOUNT_FEN_MAX) {
            throw new GreenScenarioException(field(key), "must be from " + Units.formatFen(minFen) + " to "
                    + Units.formatFen(Limits.AMOUNT_FEN_MAX) + ", not " + value);
        }
        return fen;
    }

    /** A decimal count with at most 3 decimals (such as 2.5 payments a month), in thousandths. */
    long thousandths(String key, long fallback, long max) throws GreenScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long units;
        try {
            units = Units.parseFixed(value, 3);
        } catch (IllegalArgumentException e) {
            throw new GreenScenarioException(field(key), "must be a number such as 2.5: " + e.getMessage());
        }
        if (units < 0 || units > max * 1000) {
            throw new GreenScenarioException(field(key), "must be between 0 and " + max + ", not " + value);
        }
        return units;
    }
}
