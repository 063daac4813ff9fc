package org.zengzhi.simulator.fields;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;

/**
 * One mapping of a scenario file (any model), read with exact parsers. Every scalar arrives as the text the author
 * wrote (see {@code PlanFiles}); each getter names the field by its full path when the value is wrong, and says
 * the bounds it must keep.
 */
public final class Fields {
    /** 100% in ppm. */
    public static final long PPM = 1_000_000;

    private final String path;
    private final Map<String, Object> values;

    private Fields(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** The mapping at {@code path} (empty: the file itself); absent is empty; a key outside {@code allowed} is refused. */
    @SuppressWarnings("unchecked")
    public static Fields of(String path, Object node, Set<String> allowed) throws ScenarioException {
        if (node == null) {
            node = Map.of();
        }
        if (!(node instanceof Map)) {
            throw new ScenarioException(path.isEmpty() ? "(file)" : path, "must be a mapping");
        }
        Fields fields = new Fields(path, new LinkedHashMap<>((Map<String, Object>) node));
        fields.only(allowed, path.isEmpty() ? "a scenario" : path);
        return fields;
    }

    public String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Refuses any key outside {@code allowed}, naming what takes them ({@code what}, such as "a fixed amount"). */
    public void only(Set<String> allowed, String what) throws ScenarioException {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new ScenarioException(field(key), "unknown key; " + what + " takes "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Object raw(String key) {
        return values.get(key);
    }

    public String text(String key, String fallback) throws ScenarioException {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw new ScenarioException(field(key), "must be a single value");
        }
        return value.toString().trim();
    }

    public String requiredText(String key) throws ScenarioException {
        String value = text(key, null);
        if (value == null || value.isEmpty()) {
            throw new ScenarioException(field(key), "is required");
        }
        return value;
    }

    /** A whole number in [min, max]. */
    public long whole(String key, long fallback, long min, long max) throws ScenarioException {
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

    public int count(String key, int fallback, int min, int max) throws ScenarioException {
        return (int) whole(key, fallback, min, max);
    }

    /** {@link #count} for a field without a default. */
    public int requiredCount(String key, int min, int max) throws ScenarioException {
        requiredText(key);
        return count(key, 0, min, max);
    }

    /** A rate written {@code 12.5%} or as a fraction {@code 0.125}, in ppm, between 0% and 100%. */
    public long rate(String key, long fallback) throws ScenarioException {
        return rate(key, fallback, PPM);
    }

    /** A rate written {@code 12.5%} or {@code 0.125}, in ppm, between 0% and {@code maxPpm}. */
    public long rate(String key, long fallback, long maxPpm) throws ScenarioException {
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
        if (ppm < 0 || ppm > maxPpm) {
            throw new ScenarioException(field(key), "must be between 0% and "
                    + Units.format(maxPpm * 100, Units.RATE_DECIMALS).replaceAll("\\.?0+$", "") + "%, not " + value);
        }
        return ppm;
    }

    /** CNY with at most 2 decimals, in fen, from {@code minFen} to the engine's largest amount. */
    public long money(String key, long fallback, long minFen) throws ScenarioException {
        return money(key, fallback, minFen, Limits.AMOUNT_FEN_MAX);
    }

    /** CNY with at most 2 decimals, in fen, from {@code minFen} to {@code maxFen}. */
    public long money(String key, long fallback, long minFen, long maxFen) throws ScenarioException {
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
        if (fen < minFen || fen > maxFen) {
            throw new ScenarioException(field(key), "must be from " + Units.formatFen(minFen) + " to "
                    + Units.formatFen(maxFen) + ", not " + value);
        }
        return fen;
    }

    /** {@link #money} for a field without a default. */
    public long requiredMoney(String key, long minFen) throws ScenarioException {
        requiredText(key);
        return money(key, 0, minFen);
    }

    /** A non-negative decimal with at most 3 decimals (such as 2.5 payments a month), in thousandths, to {@code max}. */
    public long thousandths(String key, long fallback, long maxThousandths) throws ScenarioException {
        String value = text(key, null);
        if (value == null) {
            return fallback;
        }
        long units;
        try {
            units = Units.parseFixed(value, 3);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(field(key), "must be a number with at most 3 decimals, such as 2.5: "
                    + e.getMessage());
        }
        if (units < 0 || units > maxThousandths) {
            throw new ScenarioException(field(key), "must be between 0 and " + Units.format(maxThousandths, 3)
                    .replaceAll("\\.?0+$", "") + ", not " + value);
        }
        return units;
    }

    /** A list (absent: empty); each element comes back with its path, such as {@code regions[2]}. */
    public List<Map.Entry<String, Object>> list(String key) throws ScenarioException {
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
