package org.zengzhi.simulator.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.zengzhi.log.PlanFiles;
import org.zengzhi.simulator.ReportLanguage;
import org.zengzhi.simulator.ReportWriter;
import org.zengzhi.simulator.Scenario;
import org.zengzhi.simulator.ScenarioReader;
import org.zengzhi.simulator.Simulation;
import org.zengzhi.simulator.SimulationResult;
import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.green.GreenReport;
import org.zengzhi.simulator.green.GreenResult;
import org.zengzhi.simulator.green.GreenScenario;
import org.zengzhi.simulator.green.GreenScenarioReader;
import org.zengzhi.simulator.green.GreenSimulation;
import org.zengzhi.simulator.party.PartyFigures;
import org.zengzhi.simulator.party.PartyMonth;
import org.zengzhi.simulator.party.PartyResult;
import org.zengzhi.simulator.party.PartyScenario;
import org.zengzhi.simulator.party.PartyScenarioReader;
import org.zengzhi.simulator.party.PartySimulation;

/**
 * One front for any scenario (pool, green points, four-party): reads it from a YAML tree with the caller's
 * overrides, runs it on the calling thread and gives back the report page ({@code zengzhi simulate}'s
 * report.html) and its headline figures. The operator's console runs scenarios through this; it never touches a
 * live engine: every run builds its own.
 */
public final class Simulator {
    /** The three economies a scenario can be of. */
    public enum Model { POOL, GREEN, FOUR_PARTY }

    /**
     * What a caller may change in a scenario, each null to keep the scenario's: the seed, the months it runs, the
     * people at the start (pool: population.initial; green points: consumers.initial; four-party: consumers.count)
     * and, for pool scenarios, the number of paths.
     */
    public record Overrides(Long seed, Integer months, Integer people, Integer paths) {
    }

    /** A headline figure: {@code name} a stable key (such as {@code gmv}), {@code period} a month or a variant or "". */
    public record Figure(String name, String period, String value) {
    }

    /** A finished run: its model, the scenario's name, the headline figures and the whole report page in each language. */
    public record Report(Model model, String name, List<Figure> figures, Map<ReportLanguage, String> pages) {
        /** The report page in {@code lang}. */
        public String html(ReportLanguage lang) {
            return pages.get(lang);
        }
    }

    /** The report page in each language, rendered once at the end of the run. */
    private static Map<ReportLanguage, String> pages(Function<ReportLanguage, String> render) {
        Map<ReportLanguage, String> pages = new EnumMap<>(ReportLanguage.class);
        for (ReportLanguage lang : ReportLanguage.values()) {
            pages.put(lang, render.apply(lang));
        }
        return Map.copyOf(pages);
    }

    private Simulator() {
    }

    /** Reads a scenario file's tree (scalars as text). */
    public static Object load(Path file) throws ScenarioException, IOException {
        try {
            return PlanFiles.loadTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("(file)", e.getMessage());
        }
    }

    /** The model of a scenario tree: {@code model: fourParty}, a plan with greenPoints, or the appreciation pool. */
    public static Model model(Object tree, Path folder) {
        if (!(tree instanceof Map<?, ?> map)) {
            return Model.POOL;
        }
        if (PartyScenarioReader.MODEL.equals(String.valueOf(map.get("model")))) {
            return Model.FOUR_PARTY;
        }
        if (map.get("plan") instanceof String plan) {
            try {
                Object planTree = load(folder.resolve(plan).normalize());
                if (planTree instanceof Map<?, ?> planMap && planMap.containsKey("greenPoints")) {
                    return Model.GREEN;
                }
            } catch (ScenarioException | IOException | RuntimeException e) {
                return Model.POOL; // the reader names the plan field when it reads the scenario
            }
        }
        return Model.POOL;
    }

    /** A scenario read and checked, ready to run (on any thread, once). */
    public interface Prepared {
        Model model();

        Report run();
    }

    /** Applies {@code overrides} to a copy of {@code tree}, reads it (errors name the field) and runs it. */
    public static Report run(Object tree, Path folder, Overrides overrides) throws ScenarioException, IOException {
        return prepare(tree, folder, overrides).run();
    }

    /** Applies {@code overrides} to a copy of {@code tree} and reads it: a bad field is refused here, before a run. */
    public static Prepared prepare(Object tree, Path folder, Overrides overrides) throws ScenarioException, IOException {
        Model model = model(tree, folder);
        Object changed = apply(tree, model, overrides);
        return switch (model) {
            case POOL -> prepared(model, pool(ScenarioReader.read(changed, folder)));
            case GREEN -> prepared(model, green(GreenScenarioReader.read(changed, folder)));
            case FOUR_PARTY -> prepared(model, party(PartyScenarioReader.read(changed, folder)));
        };
    }

    private static Prepared prepared(Model model, Supplier<Report> run) {
        return new Prepared() {
            @Override
            public Model model() {
                return model;
            }

            @Override
            public Report run() {
                return run.get();
            }
        };
    }

    /**
     * A scenario for a plan alone ({@code planFile}, named relative to the scenario's folder, its parent): a default
     * population of its model, small enough to run in seconds (docs/console.md, "Simulator").
     */
    public static Map<String, Object> defaults(Path planFile) throws ScenarioException, IOException {
        Object plan = load(planFile);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", "plan in force");
        tree.put("plan", planFile.getFileName().toString());
        if (plan instanceof Map<?, ?> map && map.containsKey("fourParty")) {
            tree.put("model", PartyScenarioReader.MODEL);
            tree.put("months", "2");
            tree.put("suppliers", Map.of("count", "20", "price", "150.00", "cost", "45.00"));
            tree.put("promoters", Map.of("count", "50"));
            tree.put("consumers", Map.of("count", "2000"));
        } else if (plan instanceof Map<?, ?> map && map.containsKey("greenPoints")) {
            tree.put("horizonMonths", "12");
            tree.put("consumers", Map.of("initial", "500", "newPerMonth", "50"));
        } else {
            tree.put("paths", "4");
            tree.put("horizonMonths", "12");
            tree.put("population", Map.of("initial", "200"));
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    static Object apply(Object tree, Model model, Overrides o) {
        if (!(tree instanceof Map<?, ?> map)) {
            return tree;
        }
        Map<String, Object> root = new LinkedHashMap<>((Map<String, Object>) map);
        if (o.seed() != null) {
            root.put("seed", o.seed().toString());
        }
        if (o.months() != null) {
            root.put(model == Model.FOUR_PARTY ? "months" : "horizonMonths", o.months().toString());
        }
        if (o.people() != null) {
            String section = model == Model.POOL ? "population" : "consumers";
            Map<String, Object> inner = root.get(section) instanceof Map<?, ?> m
                    ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
            inner.put(model == Model.FOUR_PARTY ? "count" : "initial", o.people().toString());
            root.put(section, inner);
        }
        if (o.paths() != null && model == Model.POOL) {
            root.put("paths", o.paths().toString());
        }
        return root;
    }

    private static Supplier<Report> pool(Scenario scenario) {
        return () -> poolRun(scenario);
    }

    private static Supplier<Report> green(GreenScenario scenario) {
        return () -> greenRun(scenario);
    }

    private static Supplier<Report> party(PartyScenario scenario) {
        return () -> partyRun(scenario);
    }

    private static Report poolRun(Scenario scenario) {
        SimulationResult result = Simulation.run(scenario, 1);
        List<Figure> figures = List.of(new Figure("paths", "", Integer.toString(result.paths().size())),
                new Figure("months", "", Integer.toString(result.months())),
                new Figure("orders", "", Long.toString(result.totalOrders())));
        return new Report(Model.POOL, scenario.name(), figures, pages(lang -> ReportWriter.html(result, lang)));
    }

    private static Report greenRun(GreenScenario scenario) {
        List<GreenResult> results = GreenSimulation.run(scenario);
        List<Figure> figures = new ArrayList<>();
        for (GreenResult r : results) {
            figures.add(new Figure("orders", r.label(), Long.toString(r.totals().storeOrders() + r.totals().coinOrders())));
            figures.add(new Figure("lotsEarned", r.label(), Long.toString(r.totals().lotsEarned())));
        }
        return new Report(Model.GREEN, scenario.name(), figures, pages(lang -> GreenReport.html(scenario, results, lang)));
    }

    private static Report partyRun(PartyScenario scenario) {
        PartyResult result = PartySimulation.run(scenario, false);
        List<Figure> figures = new ArrayList<>();
        for (PartyMonth month : result.months()) {
            for (String line : List.of("gmv", "platformIncome", "supplierProfit", "net")) {
                figures.add(new Figure(line, month.month(), PartyFigures.money(month.pnlFen(line))));
            }
        }
        return new Report(Model.FOUR_PARTY, scenario.name(), figures, pages(lang -> org.zengzhi.simulator.party.PartyHtml.render(result, lang)));
    }
}
