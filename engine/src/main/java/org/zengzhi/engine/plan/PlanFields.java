package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One mapping of a plan file (the root, {@code pool}, {@code tiers[1]} …) read field by field. A field that
 * is missing takes its default; a field that is wrong records a {@link PlanError} naming its path and
 * yields the default so that reading goes on and every error is reported at once. Fields that failed
 * are remembered so that checks across fields can stay silent instead of reporting a follow-on error.
 */
final class PlanFields {
    private final String path;
    private final Map<?, ?> values;
    private final List<PlanError> errors;
    private final Set<String> failed;
    private final Set<String> known = new HashSet<>();

    private PlanFields(String path, Map<?, ?> values, List<PlanError> errors, Set<String> failed) {
        this.path = path;
        this.values = values;
        this.errors = errors;
        this.failed = failed;
    }

    static PlanFields root(Map<?, ?> tree, List<PlanError> errors) {
        return new PlanFields("", tree == null ? Map.of() : tree, errors, new HashSet<>());
    }

    /** The dotted path of this mapping; empty for the root. */
    String path() {
        return path;
    }

    /** The dotted path of a key of this mapping. */
    String field(String key) {
        return path.isEmpty() || key.startsWith("[") ? path + key : path + "." + key;
    }

    void error(String field, String message) {
        errors.add(new PlanError(field, message));
        failed.add(field);
    }

    /** Whether a field at or below any of these paths failed to read. */
    boolean anyFailed(String... paths) {
        for (String failedField : failed) {
            for (String prefix : paths) {
                if (failedField.equals(prefix) || failedField.startsWith(prefix + ".")
                        || failedField.startsWith(prefix + "[")) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean has(String key) {
        known.add(key);
        return values.containsKey(key);
    }

    long rate(String key, long defaultPpm) {
        return parse(key, defaultPpm, PlanText::ratePpm);
    }

    long fen(String key, long defaultFen) {
        return parse(key, defaultFen, PlanText::fen);
    }

    int whole(String key, int defaultValue, int max) {
        return parse(key, defaultValue, text -> PlanText.whole(text, max));
    }

    boolean flag(String key, boolean defaultValue) {
        return parse(key, defaultValue, PlanText::flag);
    }

    String text(String key, String defaultValue) {
        return parse(key, defaultValue, Function.identity());
    }

    /** Reads a scalar and converts it; on any problem records an error for this key and returns the default. */
    <T> T parse(String key, T defaultValue, Function<String, T> converter) {
        if (!has(key)) {
            return defaultValue;
        }
        String text = scalar(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            return converter.apply(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            error(field(key), e.getMessage());
            return defaultValue;
        }
    }

    /**
     * The scalar under a key as text. YAML loaders that keep every scalar as a string hand over text; a JSON
     * parser or a typed YAML loader may hand over integers, big decimals or booleans, which are exact and
     * accepted. A double or float has already lost the decimal the author wrote, so it is refused.
     */
    private String scalar(String key) {
        Object value = values.get(key);
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            error(field(key), "arrived as a binary floating-point number (" + value
                    + "), which cannot hold decimals exactly; quote the number in the file, e.g. \"0.3%\"");
        } else if (value == null) {
            error(field(key), "has no value");
        } else {
            error(field(key), "must be a single value, not " + describe(value));
        }
        return null;
    }

    /** The mapping under a key, empty when the key is absent or is not a mapping (which is an error). */
    PlanFields section(String key) {
        if (!has(key)) {
            return new PlanFields(field(key), Map.of(), errors, failed);
        }
        Object value = values.get(key);
        if (value instanceof Map) {
            return new PlanFields(field(key), (Map<?, ?>) value, errors, failed);
        }
        error(field(key), "must be a mapping of fields, not " + describe(value));
        return new PlanFields(field(key), Map.of(), errors, failed);
    }

    /** The mappings of a list under a key, named {@code key[0]}, {@code key[1]} …; null when the key is absent. */
    List<PlanFields> list(String key) {
        if (!has(key)) {
            return null;
        }
        Object value = values.get(key);
        if (!(value instanceof List)) {
            error(field(key), "must be a list, not " + describe(value));
            return List.of();
        }
        List<PlanFields> items = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            String itemPath = field(key) + "[" + i + "]";
            Object item = list.get(i);
            if (item instanceof Map) {
                items.add(new PlanFields(itemPath, (Map<?, ?>) item, errors, failed));
            } else {
                error(itemPath, "must be a mapping of fields, not " + describe(item));
            }
        }
        return items;
    }

    /**
     * Reports every key of this mapping that no reader asked for, in sorted order so that the report does
     * not depend on the parser's map. Call after reading all fields.
     */
    void rejectUnknownKeys() {
        Set<String> unknown = new TreeSet<>();
        for (Object key : values.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        }
        Set<String> allowed = new TreeSet<>(known);
        for (String key : unknown) {
            error(field(key), "unknown key; " + (path.isEmpty() ? "the file" : path) + " takes " + String.join(", ", allowed));
        }
    }

    /**
     * A list of single values under {@code key}, each converted; null when the key is absent. A value that
     * fails names its place, e.g. {@code greenPoints.consumerPool.rates[3]}.
     */
    <T> List<T> scalars(String key, Function<String, T> converter) {
        if (!has(key)) {
            return null;
        }
        Object value = values.get(key);
        if (!(value instanceof List)) {
            error(field(key), "must be a list, not " + describe(value));
            return List.of();
        }
        List<T> items = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> one = new java.util.HashMap<>();
            one.put("[" + i + "]", list.get(i));
            PlanFields item = new PlanFields(field(key), one, errors, failed);
            T converted = item.parse("[" + i + "]", null, converter);
            if (converted != null) {
                items.add(converted);
            }
        }
        return items;
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "\"" + value + "\"";
    }
}
