package org.zengzhi.simulator.party;

import org.zengzhi.simulator.fields.Fields;
import org.zengzhi.simulator.fields.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

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
    private static final Set<String> SUPPLIERS = Set.of("count", "price", "cost", "baseline", "deposit", "dataService");
    private static final Set<String> PROMOTERS = Set.of("count", "leaders", "creditScore", "lowScore", "lowScoreShare");
    private static final Set<String> CONSUMERS = Set.of("count", "ordersPerMonth", "refunds", "redeem");
    private static final Set<String> RISK = Set.of("farmShare", "farmSize", "approve");

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

    public static PartyScenario read(Path file) throws ScenarioException, IOException {
        Object tree;
        try {
            tree = PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("(file)", e.getMessage());
        }
        return read(tree, file.toAbsolutePath().getParent());
    }

    /** Reads a four-party scenario from a YAML tree of text scalars; {@code plan} is resolved against {@code folder}. */
    public static PartyScenario read(Object tree, Path folder) throws ScenarioException, IOException {
        if (!(tree instanceof Map<?, ?> root)) {
            throw new ScenarioException("(file)", "must be a mapping of scenario fields");
        }
        Fields top = Fields.of("", root, TOP);
        if (!MODEL.equals(String.valueOf(root.get("model")))) {
            throw new ScenarioException("model", "must be " + MODEL);
        }
        Object planText = root.get("plan");
        if (planText == null) {
            throw new ScenarioException("plan", "is required (a plan file with a fourParty section)");
        }
        Path planFile = folder.resolve(String.valueOf(planText)).normalize();
        if (!Files.isRegularFile(planFile)) {
            throw new ScenarioException("plan", "cannot read the plan file " + planFile);
        }
        PlanCheck check = PlanFiles.check(planFile);
        if (!check.valid()) {
            throw new ScenarioException("plan", "the plan " + planFile + " is invalid: " + check.errors());
        }
        if (check.plan().party() == null) {
            throw new ScenarioException("plan", "the plan " + planFile + " has no fourParty section");
        }
        YearMonth start;
        try {
            start = YearMonth.parse(top.text("start", "2026-01"));
        } catch (DateTimeParseException e) {
            throw new ScenarioException("start", "must be a month such as 2026-01");
        }
        Fields s = Fields.of("suppliers", root.get("suppliers"), SUPPLIERS);
        Fields p = Fields.of("promoters", root.get("promoters"), PROMOTERS);
        Fields c = Fields.of("consumers", root.get("consumers"), CONSUMERS);
        Fields r = Fields.of("risk", root.get("risk"), RISK);
        s.requiredText("price");
        PartyScenario.Suppliers suppliers = new PartyScenario.Suppliers(s.count("count", 1, 1, COUNT_MAX),
                fen(s, "price"), fen(s, "cost"), fen(s, "baseline"), fen(s, "deposit"), fen(s, "dataService"));
        if (suppliers.priceFen() <= 0) {
            throw new ScenarioException("suppliers.price", "must be positive");
        }
        if (suppliers.costFen() > suppliers.priceFen()) {
            throw new ScenarioException("suppliers.cost", "must not exceed suppliers.price");
        }
        int promoterCount = p.count("count", 0, 0, COUNT_MAX);
        int leaders = p.count("leaders", 0, 0, promoterCount);
        PartyScenario.Promoters promoters = new PartyScenario.Promoters(promoterCount, leaders,
                p.count("creditScore", 700, 0, 1000), p.count("lowScore", 550, 0, 1000), ppm(p, "lowScoreShare"));
        PartyScenario.Consumers consumers = new PartyScenario.Consumers(c.count("count", 1, 1, COUNT_MAX),
                c.count("ordersPerMonth", 1, 1, 100), ppm(c, "refunds"), ppm(c, "redeem"));
        if ((long) consumers.count() * consumers.ordersPerMonth() > ORDERS_MAX) {
            throw new ScenarioException("consumers.ordersPerMonth", "consumers.count × ordersPerMonth must be at most "
                    + ORDERS_MAX + " orders a month");
        }
        PartyScenario.Risk risk = new PartyScenario.Risk(ppm(r, "farmShare"), r.count("farmSize", 6, 1, 1000),
                ppm(r, "approve"));
        return new PartyScenario(top.text("name", "unnamed"), planFile, check.plan(),
                top.count("seed", 1, 0, Integer.MAX_VALUE), start, top.count("months", 1, 1, MONTHS_MAX),
                suppliers, promoters, consumers, risk, fen(top, "operatingCost"));
    }

    /** CNY, 0.00 when absent, at most {@link #FEN_MAX}. */
    private static long fen(Fields fields, String key) throws ScenarioException {
        return fields.money(key, 0, 0, FEN_MAX);
    }

    /** "12%" or "0.12" → 120000 ppm, between 0 and 100%; 0 when absent. */
    private static int ppm(Fields fields, String key) throws ScenarioException {
        return (int) fields.rate(key, 0);
    }
}
