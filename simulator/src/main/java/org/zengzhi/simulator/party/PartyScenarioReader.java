package org.zengzhi.simulator.party;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.zengzhi.engine.Units;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;

/** Reads a four-party scenario (docs/simulator.md, "Four-party"); every error names its field and nothing runs. */
public final class PartyScenarioReader {
    /** The value of {@code model} that marks a four-party scenario. */
    public static final String MODEL = "fourParty";
    static final int COUNT_MAX = 1_000_000;
    static final int MONTHS_MAX = 60;
    /** Orders a month, at most: keeps a run within minutes and every sum far inside 64 bits. */
    static final long ORDERS_MAX = 2_000_000;
    /** 10,000,000.00 CNY, the largest amount a field takes. */
    static final long FEN_MAX = 1_000_000_000L;
    private static final Set<String> TOP = Set.of("name", "model", "plan", "seed", "start", "months", "suppliers",
            "promoters", "consumers", "risk", "operatingCost");

    private PartyScenarioReader() {
    }

    /** Whether a scenario file says {@code model: fourParty} (so the simulator hands it here). */
    public static boolean isFourParty(Path file) {
        try {
            Object tree = PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
            return tree instanceof Map<?, ?> map && MODEL.equals(String.valueOf(map.get("model")));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public static PartyScenario read(Path file) throws PartyScenarioException, IOException {
        Object tree;
        try {
            tree = PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new PartyScenarioException("(file)", e.getMessage());
        }
        if (!(tree instanceof Map<?, ?> root)) {
            throw new PartyScenarioException("(file)", "must be a mapping of scenario fields");
        }
        for (Object key : root.keySet()) {
            if (!TOP.contains(String.valueOf(key))) {
                throw new PartyScenarioException(String.valueOf(key), "is not a four-party scenario field; known: " + TOP);
            }
        }
        if (!MODEL.equals(String.valueOf(root.get("model")))) {
            throw new PartyScenarioException("model", "must be " + MODEL);
        }
        Object planText = root.get("plan");
        if (planText == null) {
            throw new PartyScenarioException("plan", "is required (a plan file with a fourParty section)");
        }
        Path folder = file.toAbsolutePath().getParent();
        Path planFile = folder.resolve(String.valueOf(planText)).normalize();
        if (!Files.isRegularFile(planFile)) {
            throw new PartyScenarioException("plan", "cannot read the plan file " + planFile);
        }
        PlanCheck check = PlanFiles.check(planFile);
        if (!check.valid()) {
            throw new PartyScenarioException("plan", "the plan " + planFile + " is invalid: " + check.errors());
        }
        if (check.plan().party() == null) {
            throw new PartyScenarioException("plan", "the plan " + planFile + " has no fourParty section");
        }
        YearMonth start;
        try {
            start = YearMonth.parse(text(root, "start", "2026-01"));
        } catch (DateTimeParseException e) {
            throw new PartyScenarioException("start", "must be a month such as 2026-01");
        }
        Map<?, ?> s = section(root, "suppliers");
        Map<?, ?> p = section(root, "promoters");
        Map<?, ?> c = section(root, "consumers");
        Map<?, ?> r = section(root, "risk");
        PartyScenario.Suppliers suppliers = new PartyScenario.Suppliers(count(s, "suppliers.count", 1),
                fen(s, "suppliers.price", null), fen(s, "suppliers.cost", "0.00"), fen(s, "suppliers.baseline", "0.00"),
                fen(s, "suppliers.deposit", "0.00"), fen(s, "suppliers.dataService", "0.00"));
        if (suppliers.priceFen() <= 0) {
            throw new PartyScenarioException("suppliers.price", "must be positive");
        }
        if (suppliers.costFen() > suppliers.priceFen()) {
            throw new PartyScenarioException("suppliers.cost", "must not exceed suppliers.price");
        }
        int promoterCount = count(p, "promoters.count", 0);
        int leaders = whole(p, "promoters.leaders", 0, 0, promoterCount);
        PartyScenario.Promoters promoters = new PartyScenario.Promoters(promoterCount, leaders,
                whole(p, "promoters.creditScore", 700, 0, 1000), whole(p, "promoters.lowScore", 550, 0, 1000),
                ppm(p, "promoters.lowScoreShare"));
        PartyScenario.Consumers consumers = new PartyScenario.Consumers(count(c, "consumers.count", 1),
                whole(c, "consumers.ordersPerMonth", 1, 1, 100), ppm(c, "consumers.refunds"), ppm(c, "consumers.redeem"));
        if ((long) consumers.count() * consumers.ordersPerMonth() > ORDERS_MAX) {
            throw new PartyScenarioException("consumers.ordersPerMonth", "consumers.count × ordersPerMonth must be at most "
                    + ORDERS_MAX + " orders a month");
        }
        PartyScenario.Risk risk = new PartyScenario.Risk(ppm(r, "risk.farmShare"), whole(r, "risk.farmSize", 6, 1, 1000),
                ppm(r, "risk.approve"));
        return new PartyScenario(text(root, "name", "unnamed"), planFile, check.plan(),
                whole(root, "seed", 1, 0, Integer.MAX_VALUE), start, whole(root, "months", 1, 1, MONTHS_MAX),
                suppliers, promoters, consumers, risk, fen(root, "operatingCost", "0.00"));
    }

    private static Map<?, ?> section(Map<?, ?> root, String name) throws PartyScenarioException {
        Object value = root.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new PartyScenarioException(name, "must be a mapping");
        }
        return map;
    }

    private static String text(Map<?, ?> map, String key, String absent) {
        Object value = map.get(key);
        return value == null ? absent : String.valueOf(value).trim();
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static int count(Map<?, ?> map, String field, int min) throws PartyScenarioException {
        return whole(map, field, min, min, COUNT_MAX);
    }

    private static int whole(Map<?, ?> map, String field, int absent, int min, int max) throws PartyScenarioException {
        String text = text(map, leaf(field), null);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new PartyScenarioException(field, "must be between " + min + " and " + max + ", not " + text);
            }
            return (int) value;
        } catch (NumberFormatException e) {
            throw new PartyScenarioException(field, "must be a whole number, not \"" + text + "\"");
        }
    }

    private static long fen(Map<?, ?> map, String field, String absent) throws PartyScenarioException {
        String text = text(map, leaf(field), absent);
        if (text == null) {
            throw new PartyScenarioException(field, "is required (CNY, such as 150.00)");
        }
        try {
            long fen = Units.parseFen(text);
            if (fen < 0) {
                throw new PartyScenarioException(field, "must not be negative");
            }
            if (fen > FEN_MAX) {
                throw new PartyScenarioException(field, "must be at most 10000000.00");
            }
            return fen;
        } catch (IllegalArgumentException e) {
            throw new PartyScenarioException(field, e.getMessage());
        }
    }

    /** "12%" or "0.12" → 120000 ppm, between 0 and 100%. */
    private static int ppm(Map<?, ?> map, String field) throws PartyScenarioException {
        String text = text(map, leaf(field), "0");
        try {
            long ppm = text.endsWith("%") ? Units.parseFixed(text.substring(0, text.length() - 1).trim(), 4)
                    : Units.parsePpm(text);
            if (ppm < 0 || ppm > 1_000_000) {
                throw new PartyScenarioException(field, "must be between 0% and 100%, not " + text);
            }
            return (int) ppm;
        } catch (IllegalArgumentException e) {
            throw new PartyScenarioException(field, e.getMessage());
        }
    }
}
