package org.zengzhi.simulator;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.fields.Fields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.RegionLevel;
import org.zengzhi.log.PlanFiles;

/**
 * Reads scenario files (YAML, see docs/simulator.md). Scalars stay text and are parsed exactly; the plan
 * file named by {@code plan} is read relative to the scenario's folder and validated like
 * {@code zengzhi plan check}. The first problem is reported naming its field.
 */
public final class ScenarioReader {
    public static final int PATHS_MAX = 10_000;
    static final int HORIZON_MONTHS_MAX = 600;
    static final int USERS_MAX = 10_000_000;
    static final int MERCHANTS_MAX = 100_000;

    private ScenarioReader() {
    }

    public static Scenario read(Path file) throws ScenarioException, IOException {
        if (!Files.isReadable(file)) {
            throw new ScenarioException("(file)", "cannot read " + file);
        }
        if (Files.isDirectory(file)) {
            throw new ScenarioException("(file)", file + " is a folder, not a scenario file");
        }
        Object tree;
        try {
            tree = PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("(file)", e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        return read(tree, folder);
    }

    /** Reads a scenario from a YAML tree of text scalars; {@code plan} is resolved against {@code folder}. */
    public static Scenario read(Object tree, Path folder) throws ScenarioException, IOException {
        Fields root = Fields.of("", tree, Set.of("name", "plan", "seed", "paths", "horizonMonths", "population",
                "orders", "selling", "regions", "subsidies", "sellOffs"));
        String planText = root.requiredText("plan");
        Path planFile = folder.resolve(planText).normalize();
        Plan plan = plan(planFile, root.field("plan"));
        int horizon = root.count("horizonMonths", 36, 1, HORIZON_MONTHS_MAX);
        return new Scenario(root.text("name", "unnamed"), planFile, plan, root.whole("seed", 1, 0, Long.MAX_VALUE),
                root.count("paths", 10, 1, PATHS_MAX), horizon,
                population(Fields.of("population", root.raw("population"),
                        Set.of("initial", "growth", "invited", "churn"))),
                orders(Fields.of("orders", root.raw("orders"), Set.of("perUserPerMonth", "mall", "amount"))),
                selling(Fields.of("selling", root.raw("selling"), Set.of("share", "portion", "afterMonths"))),
                regions(root, plan), subsidies(root, horizon), sellOffs(root, horizon));
    }

    /** Loads and validates the plan file, as {@code zengzhi plan check} would. */
    static Plan plan(Path planFile, String field) throws ScenarioException, IOException {
        if (!Files.isRegularFile(planFile) || !Files.isReadable(planFile)) {
            throw new ScenarioException(field, "cannot read the plan file " + planFile);
        }
        PlanCheck check = PlanFiles.check(planFile);
        if (!check.valid()) {
            throw new ScenarioException(field, "the plan " + planFile + " is invalid: " + check.errors());
        }
        return check.plan();
    }

    private static Scenario.Population population(Fields fields) throws ScenarioException {
        List<Scenario.GrowthPhase> phases = new ArrayList<>();
        for (Map.Entry<String, Object> item : fields.list("growth")) {
            phases.add(phase(item.getKey(), item.getValue()));
        }
        if (phases.isEmpty()) {
            phases.add(new Scenario.GrowthPhase(Scenario.Curve.STOP, 0, 0, 0, 0, 0));
        }
        return new Scenario.Population(fields.count("initial", 100, 0, USERS_MAX), phases,
                fields.rate("invited", 800_000), fields.rate("churn", 0));
    }

    private static Scenario.GrowthPhase phase(String path, Object node) throws ScenarioException {
        Fields fields = Fields.of(path, node, Set.of("curve", "months", "newUsers", "increase", "rate", "capacity"));
        String curveText = fields.requiredText("curve");
        Scenario.Curve curve;
        try {
            curve = Scenario.Curve.valueOf(curveText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(fields.field("curve"),
                    "must be one of constant, linear, logistic, decline, stop, not \"" + curveText + "\"");
        }
        // A field the curve does not use would be silently ignored: refuse it, listing the curve's fields.
        fields = Fields.of(path, node, curveFields(curve));
        if (curve == Scenario.Curve.LOGISTIC && fields.raw("capacity") == null) {
            throw new ScenarioException(fields.field("capacity"), "is required for a logistic curve");
        }
        if (curve == Scenario.Curve.LINEAR && fields.raw("increase") == null) {
            // Without it the phase would be a constant one, which is not what "linear" says.
            throw new ScenarioException(fields.field("increase"), "is required for a linear curve (newUsers + increase·t)");
        }
        // A logistic curve's capacity divides: it is at least one consumer (other curves take no capacity).
        int capacity = fields.count("capacity", 0, 1, USERS_MAX);
        return new Scenario.GrowthPhase(curve, fields.count("months", 0, 0, HORIZON_MONTHS_MAX),
                fields.count("newUsers", 0, 0, USERS_MAX), fields.count("increase", 0, -USERS_MAX, USERS_MAX),
                fields.rate("rate", 0), capacity);
    }

    /** The keys a growth phase of {@code curve} takes (docs/simulator.md, "Growth phases"). */
    private static Set<String> curveFields(Scenario.Curve curve) {
        return switch (curve) {
            case CONSTANT -> Set.of("curve", "months", "newUsers");
            case LINEAR -> Set.of("curve", "months", "newUsers", "increase");
            case LOGISTIC -> Set.of("curve", "months", "rate", "capacity", "newUsers");
            case DECLINE -> Set.of("curve", "months", "newUsers", "rate");
            case STOP -> Set.of("curve", "months");
        };
    }

    private static Scenario.Orders orders(Fields fields) throws ScenarioException {
        Fields amount = Fields.of(fields.field("amount"), fields.raw("amount"),
                Set.of("distribution", "value", "min", "max", "choices"));
        return new Scenario.Orders(fields.thousandths("perUserPerMonth", 1000, 1_000_000), fields.rate("mall", 0),
                amount(amount));
    }

    private static Scenario.Amount amount(Fields fields) throws ScenarioException {
        String distribution = fields.text("distribution", "fixed");
        Set<String> keys = distributionFields(distribution);
        if (keys != null) {
            // A field the distribution does not use would be silently ignored: refuse it, listing its fields.
            fields.only(keys, "a " + distribution + " amount");
        }
        switch (distribution) {
            case "fixed": {
                long value = fields.money("value", 100_000, 1);
                return new Scenario.Amount("fixed", value, value, List.of());
            }
            case "uniform": {
                long min = fields.requiredMoney("min", 1);
                long max = fields.requiredMoney("max", 1);
                if (max < min) {
                    throw new ScenarioException(fields.field("max"), "must not be below min");
                }
                return new Scenario.Amount("uniform", min, max, List.of());
            }
            case "choices":
                return choices(fields);
            default:
                throw new ScenarioException(fields.field("distribution"),
                        "must be fixed, uniform or choices, not \"" + distribution + "\"");
        }
    }

    /** The keys an amount of {@code distribution} takes, or null for an unknown distribution. */
    private static Set<String> distributionFields(String distribution) {
        return switch (distribution) {
            case "fixed" -> Set.of("distribution", "value");
            case "uniform" -> Set.of("distribution", "min", "max");
            case "choices" -> Set.of("distribution", "choices");
            default -> null;
        };
    }

    private static Scenario.Amount choices(Fields fields) throws ScenarioException {
        List<long[]> choices = new ArrayList<>();
        for (Map.Entry<String, Object> item : fields.list("choices")) {
            Fields choice = Fields.of(item.getKey(), item.getValue(), Set.of("amount", "weight"));
            choices.add(new long[] { choice.requiredMoney("amount", 1), choice.whole("weight", 1, 1, 1_000_000) });
        }
        if (choices.isEmpty()) {
            throw new ScenarioException(fields.field("choices"), "needs at least one {amount, weight}");
        }
        return new Scenario.Amount("choices", 0, 0, choices);
    }

    private static Scenario.Selling selling(Fields fields) throws ScenarioException {
        return new Scenario.Selling(fields.rate("share", 0), fields.rate("portion", 1_000_000),
                fields.count("afterMonths", 0, 0, HORIZON_MONTHS_MAX));
    }

    private static List<Scenario.Region> regions(Fields root, Plan plan) throws ScenarioException {
        List<Scenario.Region> regions = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (Map.Entry<String, Object> item : root.list("regions")) {
            Fields fields = Fields.of(item.getKey(), item.getValue(),
                    Set.of("code", "merchants", "recruiters", "commission", "agents"));
            String code = fields.requiredText("code");
            if (RegionDirectory.STANDARD.path(code).isEmpty()) {
                throw new ScenarioException(fields.field("code"), "is not a GB/T 2260 region code: " + code);
            }
            if (!codes.add(code)) {
                throw new ScenarioException(fields.field("code"), "region " + code + " is listed twice: list each region once");
            }
            long commission = fields.has("commission") ? fields.rate("commission", -1) : -1;
            Plan.StoreSplit store = plan.store();
            if (commission >= 0 && (commission < store.minCommissionPpm() || commission > store.maxCommissionPpm())) {
                // The engine would refuse to onboard such a merchant (COMMISSION_OUT_OF_RANGE).
                throw new ScenarioException(fields.field("commission"), "must be within the plan's split.store.commission,"
                        + " " + Summary.percent(store.minCommissionPpm()) + " to " + Summary.percent(store.maxCommissionPpm())
                        + ", not " + fields.text("commission", ""));
            }
            regions.add(new Scenario.Region(code, fields.count("merchants", 1, 0, MERCHANTS_MAX),
                    fields.count("recruiters", 1, 0, MERCHANTS_MAX), commission, agentLevels(fields, code)));
        }
        return regions;
    }

    /** The agent levels of a region: each must be on the region's path (a city code has no district agent). */
    private static List<RegionLevel> agentLevels(Fields fields, String code) throws ScenarioException {
        List<RegionLevel> onPath = RegionDirectory.STANDARD.path(code).stream()
                .map(RegionDirectory.RegionRef::level).toList();
        List<RegionLevel> levels = new ArrayList<>();
        for (Map.Entry<String, Object> item : fields.list("agents")) {
            String text = String.valueOf(item.getValue()).trim();
            RegionLevel level;
            try {
                level = RegionLevel.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(item.getKey(), "must be district, city or province, not \"" + text + "\"");
            }
            if (levels.contains(level)) {
                throw new ScenarioException(item.getKey(), lower(level) + " is listed twice");
            }
            if (!onPath.contains(level)) {
                String takes = String.join(", ", onPath.stream().map(ScenarioReader::lower).toList());
                throw new ScenarioException(item.getKey(), "region " + code + " is a " + lower(onPath.get(0))
                        + ": its path has no " + lower(level) + " (it takes " + takes + ")");
            }
            levels.add(level);
        }
        return levels;
    }

    private static String lower(RegionLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }

    private static List<Scenario.Subsidy> subsidies(Fields root, int horizon) throws ScenarioException {
        List<Scenario.Subsidy> subsidies = new ArrayList<>();
        for (Map.Entry<String, Object> item : root.list("subsidies")) {
            Fields fields = Fields.of(item.getKey(), item.getValue(), Set.of("month", "amount"));
            subsidies.add(new Scenario.Subsidy(fields.requiredCount("month", 0, horizon - 1),
                    fields.requiredMoney("amount", 1)));
        }
        return subsidies;
    }

    private static List<Scenario.SellOff> sellOffs(Fields root, int horizon) throws ScenarioException {
        List<Scenario.SellOff> sellOffs = new ArrayList<>();
        for (Map.Entry<String, Object> item : root.list("sellOffs")) {
            Fields fields = Fields.of(item.getKey(), item.getValue(), Set.of("month", "share", "portion"));
            sellOffs.add(new Scenario.SellOff(fields.requiredCount("month", 0, horizon - 1), fields.rate("share", 1_000_000),
                    fields.rate("portion", 1_000_000)));
        }
        return sellOffs;
    }
}
