package org.zengzhi.cli.simulate;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.*;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.zengzhi.cli.VersionProvider;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.plan.PlanReader;
import org.zengzhi.log.PlanFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zengzhi sweep SCENARIO --out DIR --alpha 60%,70% --k 1.2,2,3 …}: runs the scenario once for
 * every combination of the given plan values and writes a table ({@code sweep.csv}) and a heat map
 * ({@code sweep.html}). Each value is written as in a plan file and the changed plan is validated like one,
 * so a combination the plan rules refuse shows up as refused, with the reason.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Runs a scenario over every combination of plan parameters (α, β, k, reward rates; for a "
                + "four-party scenario rebate × commission) and writes a table and a heat map.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = { "0:table written", "1:a path broke conservation", "2:bad scenario or option" })
public final class SweepCommand implements Callable<Integer> {
    /** Option → plan field it sets, in the order the table lists them. */
    static final Map<String, String> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("alpha", "pool.mintRatio");
        PARAMETERS.put("beta", "pool.payoutRatio");
        PARAMETERS.put("k", "pool.exitMultiple");
        PARAMETERS.put("direct", "referral.direct");
        PARAMETERS.put("indirect", "referral.indirect");
        PARAMETERS.put("firstOrder", "referral.firstOrder");
        PARAMETERS.put("recruitment", "recruitment");
    }

    @Parameters(paramLabel = "SCENARIO", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for sweep.csv and sweep.html.")
    private Path out;

    @Option(names = "--alpha", split = ",", paramLabel = "RATE", description = "Mint ratios α (pool.mintRatio).")
    private List<String> alpha = new ArrayList<>();

    @Option(names = "--beta", split = ",", paramLabel = "RATE", description = "Payout ratios β (pool.payoutRatio).")
    private List<String> beta = new ArrayList<>();

    @Option(names = "--k", split = ",", paramLabel = "K", description = "Exit multiples k (pool.exitMultiple).")
    private List<String> k = new ArrayList<>();

    @Option(names = "--direct", split = ",", paramLabel = "RATE", description = "Direct referral rates.")
    private List<String> direct = new ArrayList<>();

    @Option(names = "--indirect", split = ",", paramLabel = "RATE", description = "Indirect referral rates.")
    private List<String> indirect = new ArrayList<>();

    @Option(names = "--first-order", split = ",", paramLabel = "RATE", description = "First-order reward rates.")
    private List<String> firstOrder = new ArrayList<>();

    @Option(names = "--recruitment", split = ",", paramLabel = "RATE", description = "Merchant recruitment rates.")
    private List<String> recruitment = new ArrayList<>();

    @Option(names = "--rebate", split = ",", paramLabel = "RATE",
            description = "Four-party scenarios: consumer rebates (fourParty.rebates, the first tier).")
    private List<String> rebate = new ArrayList<>();

    @Option(names = "--commission", split = ",", paramLabel = "RATE",
            description = "Four-party scenarios: promoter commissions (fourParty.commission).")
    private List<String> commission = new ArrayList<>();

    @Option(names = "--paths", paramLabel = "N", description = "Paths per combination (default: the scenario's).")
    private Integer paths;

    @Option(names = "--threads", paramLabel = "T", description = "Threads to run paths on (default: all cores).")
    private Integer threads;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "Language of sweep.html: zh (Chinese, the default) or en.")
    private String lang;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ReportLanguage language;
        try {
            language = ReportLanguage.parse(lang);
        } catch (IllegalArgumentException e) {
            err.println("--lang: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        if (org.zengzhi.simulator.green.GreenScenarioReader.isGreen(scenarioFile)) { // issue 17: green points
            err.println(scenarioFile + ": plan: the sweep does not run green-points scenarios; compare schedules and"
                    + " dividendCap with a compare: list in the scenario and zengzhi simulate (docs/simulator.md)");
            return CommandLine.ExitCode.USAGE;
        }
        Scenario scenario;
        Map<String, List<String>> axes = axes();
        if (org.zengzhi.simulator.party.PartyScenarioReader.isFourParty(scenarioFile) && axes.isEmpty()) { // issue 18
            return org.zengzhi.simulator.party.PartySweep.run(scenarioFile, out, rebate, commission,
                    language, spec.commandLine().getOut(), err);
        }
        try {
            if (!rebate.isEmpty() || !commission.isEmpty()) {
                throw new ScenarioException(rebate.isEmpty() ? "--commission" : "--rebate",
                        "sweeps a four-party scenario (model: fourParty) only, without the other parameters");
            }
            scenario = SimulateCommand.Options.apply(ScenarioReader.read(scenarioFile), paths, null);
            SimulateCommand.Options.checkThreads(threads);
            SimulateCommand.Options.checkOut(out);
            if (axes.isEmpty()) {
                throw new ScenarioException("--alpha", "give at least one parameter to sweep: --alpha, --beta, --k, "
                        + "--direct, --indirect, --first-order or --recruitment");
            }
        } catch (ScenarioException e) {
            err.println(scenarioFile + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        List<SweepRow> rows = new ArrayList<>();
        try {
            for (Map<String, String> combination : combinations(axes)) {
                rows.add(run(scenario, combination));
            }
        } catch (PathSimulator.TooLarge | ArithmeticException e) {
            err.println(scenarioFile + ": " + SimulateCommand.Options.tooLarge(e) + "; nothing was written");
            return CommandLine.ExitCode.USAGE;
        } catch (IllegalStateException e) {
            err.println("simulation failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        Files.createDirectories(out);
        SweepReport.write(out, scenario, new ArrayList<>(axes.keySet()), rows, language);
        spec.commandLine().getOut().println("wrote " + out.resolve("sweep.html") + " and sweep.csv: " + rows.size()
                + (rows.size() == 1 ? " combination" : " combinations"));
        return 0;
    }

    private Map<String, List<String>> axes() {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        List<List<String>> values = List.of(alpha, beta, k, direct, indirect, firstOrder, recruitment);
        int i = 0;
        for (String name : PARAMETERS.keySet()) {
            if (!values.get(i).isEmpty()) {
                axes.put(name, values.get(i));
            }
            i++;
        }
        return axes;
    }

    static List<Map<String, String>> combinations(Map<String, List<String>> axes) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : axis.getValue()) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(axis.getKey(), value.trim());
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    /** Runs one combination, or records why the plan rules refuse it. */
    private SweepRow run(Scenario scenario, Map<String, String> combination) throws IOException {
        PlanCheck check = changedPlan(scenario.planFile(), combination);
        if (!check.valid()) {
            return SweepRow.refused(combination, check.errors().toString());
        }
        Scenario changed = scenario.withPlan(check.plan(), scenario.paths());
        SimulationResult result = Simulation.run(changed, threads == null ? Simulation.cores() : threads);
        return SweepRow.of(combination, result);
    }

    @SuppressWarnings("unchecked")
    static PlanCheck changedPlan(Path planFile, Map<String, String> combination) throws IOException {
        Object tree = PlanFiles.loadTree(Files.readString(planFile, StandardCharsets.UTF_8));
        Map<String, Object> root = tree instanceof Map ? new LinkedHashMap<>((Map<String, Object>) tree)
                : new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : combination.entrySet()) {
            String[] path = PARAMETERS.get(entry.getKey()).split("\\.");
            Map<String, Object> section = root;
            for (int i = 0; i < path.length - 1; i++) {
                Object inner = section.get(path[i]);
                Map<String, Object> copy = inner instanceof Map ? new LinkedHashMap<>((Map<String, Object>) inner)
                        : new LinkedHashMap<>();
                section.put(path[i], copy);
                section = copy;
            }
            section.put(path[path.length - 1], entry.getValue());
        }
        return PlanReader.read(root);
    }
}
