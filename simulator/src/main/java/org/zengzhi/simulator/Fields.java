package org.zengzhi.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;

/**
 * One mapping of a scenario file, read with exact parsers. Every scalar arrives as the text the author wrote
 * (see {@code PlanFiles}); each getter names the field by its full path when the value is wrong.
 */
final class Fields {
    private static final long PPM = 1_000_000;

    private final String path;
    private final Map<String, Object> values;

    private Fields(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    static Fields of(String path, Object node, Set<String> allowed) throws ScenarioException {
        String name = path.isEmpty() ? "(file)" : path;
        if (node == null) {
            node = Map.of();
        }
        if (!(node instanceof Map)) {
            throw new ScenarioException(name, "must be a mapping");
        }
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) node);
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new ScenarioException(join(path, key), "unknown key; " + (path.isEmpty() ? "a scenario" : path)
                        + " takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return new Fields(path, map);
    }

    String field(String key) {
        return join(path, key);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Refuses any key outside {@code allowed}, naming what takes them ({@code what}, such as "a fixed amount"). */
    void only(Set<String> allowed, String what) throws ScenarioException {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new ScenarioException(join(path, key), "unknown key; " + what + " takes "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    Object raw(String key) {
        return values.get(key);
    }

    String text(String key, String fallback) throws ScenarioException {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw new ScenarioException(field(key), "must be a single value");
        }
        return value.toString().trim();
    }

    String requiredText(String key) throws ScenarioException {
        String value = text(key, null);
        if (value == null || value.isEmpty()) {
            throw new ScenarioException(field(key), "is required");
        }
        return value;
    }

    /** A whole number in [min, max]. */
    long whole(String key, long fallback, long min, long max) throws ScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("-?[0-9]{1,18}")) {
            throw new ScenarioException(field(key), "must be a whole number, not \"" + value + "\"");
        }
        long number = Long.parseLong(value);
        if (number < min || number > max) {
            throw new ScenarioException(field(key), "must be between " + min + " and " + max + ", not " + number);
        }
        return number;
    }

    int count(String key, int fallback, int min, int max) throws ScenarioException {
        return (int) whole(key, fallback, min, max);
    }

    /** A rate written {@code 12.5%} or as a fraction {@code 0.125}, in ppm, between 0% and 100%. */
    long rate(String key, long fallback) throws ScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long ppm;
        try {
            ppm = value.endsWith("%") ? Units.parseFixed(value.substring(0, value.length() - 1).trim(), 4)
                    : Units.parsePpm(value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(field(key), "must be a rate such as 12.5% or 0.125, exact to 0.0001%: "
                    + e.getMessage());
        }
        if (ppm < 0 || ppm > PPM) {
            throw new ScenarioException(field(key), "must be between 0% and 100%, not " + value);
        }
        return ppm;
    }

    /**
     * CNY with at most 2 decimals, in fen, at least {@code minFen} and at most the engine's largest amount
     * ({@link Limits#AMOUNT_FEN_MAX}, which it would reject).
     */
    long money(String key, long fallback, long minFen) throws ScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long fen;
        try {
            fen = Units.parseFen(value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(field(key), "must be an amount in CNY such as 100.00: " + e.getMessage());
        }
        if (fen < minFen) {
            throw new ScenarioException(field(key), "must be at least " + Units.formatFen(minFen) + ", not " + value);
        }
        if (fen > Limits.AMOUNT_FEN_MAX) {
            throw new ScenarioException(field(key), "must be at most " + Units.formatFen(Limits.AMOUNT_FEN_MAX)
                    + " (the engine's largest amount), not " + value);
        }
        return fen;
    }

    /** {@link #money} for a field without a default. */
    long requiredMoney(String key, long minFen) throws ScenarioException {
        requiredText(key);
        return money(key, 0, minFen);
    }

    /** {@link #count} for a field without a default. */
    int requiredCount(String key, int min, int max) throws ScenarioException {
        requiredText(key);
        return count(key, 0, min, max);
    }

    /** A non-negative decimal with at most 3 decimals, in thousandths. */
    long milli(String key, long fallback, long maxMilli) throws ScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long milli;
        try {
            milli = Units.parseFixed(value, 3);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(field(key), "must be a decimal number with at most 3 decimals: "
                    + e.getMessage());
        }
        if (milli < 0 || milli > maxMilli) {
            throw new ScenarioException(field(key), "must be between 0 and " + Units.format(maxMilli, 3));
        }
        return milli;
    }

    /** A list (absent: empty); each element comes back with its path, such as {@code regions[2]}. */
    List<Map.Entry<String, Object>> list(String key) throws ScenarioException {
        Object value = values.get(key);
        List<Map.Entry<String, Object>> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (!(value instanceof List<?> list)) {
            throw new ScenarioException(field(key), "must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            items.add(Map.entry(field(key) + "[" + i + "]", list.get(i) == null ? Map.of() : list.get(i)));
        }
        return items;
    }
}
