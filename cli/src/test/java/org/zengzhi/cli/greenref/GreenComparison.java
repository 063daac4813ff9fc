package org.zengzhi.cli.greenref;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Replays one log through the engine and through {@link GreenRef} and compares them event by event (the
 * green-points events and every rejection) and balance by balance; the first difference is the answer.
 */
final class GreenComparison {
    static final Set<String> EVENTS = Set.of("greenEarned", "dividend", "promoterMonth", "coinsSpent", "refunded",
            "rejected");

    /** What one comparison saw, for the soak's figures. */
    record Figures(int events, int dividends, int lateDividends, int scaledDown, int retired, int rejections,
            int promoterMonths, int balances, Map<String, Integer> rejectionCodes) {
    }

    private GreenComparison() {
    }

    /** Null when the engine and the reference agree; else the first difference, with context. */
    static String firstDifference(List<String> log, RefTerms terms, Path plan) {
        EngineRun engine = EngineRun.replay(log, plan);
        if (engine.exitCode() != 0) {
            return "replay failed (" + engine.exitCode() + "): " + engine.stderr();
        }
        GreenRef ref = GreenRef.run(terms, log);
        List<JsonNode> actual = engine.greenEvents();
        List<? extends JsonNode> expected = ref.events;
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            JsonNode a = i < actual.size() ? actual.get(i) : null;
            JsonNode e = i < expected.size() ? expected.get(i) : null;
            if (a == null || !a.equals(e)) {
                return "event " + i + " differs\n  engine:    " + a + "\n  reference: " + e
                        + "\n  previous:  " + (i > 0 ? actual.get(i - 1) : null);
            }
        }
        Map<String, Long> a = engine.comparedBalances();
        Map<String, Long> e = ref.comparedBalances();
        for (String key : new TreeSet<>(union(a, e))) {
            if (!a.getOrDefault(key, 0L).equals(e.getOrDefault(key, 0L))) {
                return "balance " + key + " differs: engine " + a.get(key) + ", reference " + e.get(key);
            }
        }
        return null;
    }

    static Figures figures(List<String> log, RefTerms terms) {
        GreenRef ref = GreenRef.run(terms, log);
        int dividends = 0;
        int late = 0;
        int scaled = 0;
        int retired = 0;
        int rejections = 0;
        int months = 0;
        Map<String, Integer> codes = new TreeMap<>();
        for (JsonNode e : ref.events) {
            switch (e.get("event").asString()) {
                case "dividend" -> {
                    dividends++;
                    retired += e.get("retired").asInt();
                    if (!"1.000000".equals(e.get("scale").asString())) {
                        scaled++;
                    }
                }
                case "rejected" -> {
                    rejections++;
                    codes.merge(e.get("code").asString(), 1, Integer::sum);
                }
                case "promoterMonth" -> months++;
                default -> {
                }
            }
        }
        return new Figures(ref.events.size(), dividends, late, scaled, retired, rejections, months,
                ref.comparedBalances().size(), codes);
    }

    private static Set<String> union(Map<String, Long> a, Map<String, Long> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    static Map<String, Long> sorted(Map<String, Long> map) {
        return new TreeMap<>(map);
    }
}
