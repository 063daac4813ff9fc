package org.zengzhi.cli.simulate;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.*;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.zengzhi.cli.VersionProvider;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zengzhi simulate SCENARIO --out DIR}: runs a scenario through the engine and writes its report. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = { "Runs a scenario (YAML, see docs/simulator.md) through the real engine, paths in parallel, and"
            + " writes DIR/report.html (self-contained) with a CSV of every series.",
            "An existing DIR is written over: the report's files are replaced, other files are left." },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = { "0:report written", "1:a path broke conservation (a bug) or the report could not be written",
            "2:bad scenario or option, or a scenario too large for a path (nothing is written)" })
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCENARIO", description = "The scenario file.")
    private Path scenarioFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report (created).")
    private Path out;

    @Option(names = "--paths", paramLabel = "N", description = "Override the scenario's number of paths.")
    private Integer paths;

    @Option(names = "--seed", paramLabel = "S", description = "Override the scenario's seed.")
    private Long seed;

    @Option(names = "--threads", paramLabel = "T", description = "Threads to run paths on (default: all cores).")
    private Integer threads;

    @Option(names = "--lang", paramLabel = "zh|en", defaultValue = "zh",
            description = "Language of the report: zh (Chinese, the default) or en.")
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
            try {
                Options.checkOut(out);
            } catch (ScenarioException e) {
                err.println(scenarioFile + ": " + e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            return org.zengzhi.simulator.green.GreenSimulation.command(scenarioFile, out, paths, seed,
                    language, spec.commandLine().getOut(), err);
        }
        if (org.zengzhi.simulator.party.PartyScenarioReader.isFourParty(scenarioFile)) { // four-party (issue 18)
            return org.zengzhi.simulator.party.PartySimulate.run(scenarioFile, out, seed, language,
                    spec.commandLine().getOut(), err);
        }
        Scenario scenario;
        try {
            scenario = Options.apply(ScenarioReader.read(scenarioFile), paths, seed);
            Options.checkThreads(threads);
            Options.checkOut(out);
        } catch (ScenarioException e) {
            err.println(scenarioFile + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        long started = System.nanoTime();
        SimulationResult result;
        try {
            result = Simulation.run(scenario, threads == null ? Simulation.cores() : threads);
        } catch (PathSimulator.TooLarge | ArithmeticException e) {
            err.println(scenarioFile + ": " + Options.tooLarge(e) + "; nothing was written");
            return CommandLine.ExitCode.USAGE;
        } catch (IllegalStateException e) {
            err.println("simulation failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        try {
            ReportWriter.write(result, out, language);
        } catch (java.io.IOException e) {
            err.println("cannot write the report in " + out + ": " + e);
            return 1;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        spec.commandLine().getOut().println("wrote " + out.resolve("report.html") + ": " + result.paths().size()
                + (result.paths().size() == 1 ? " path × " : " paths × ") + scenario.horizonMonths()
                + (scenario.horizonMonths() == 1 ? " month, " : " months, ")
                + result.totalOrders() + " orders in " + millis + " ms");
        return 0;
    }

    /** Checks and applies the options that override a scenario's fields. */
    static final class Options {
        private Options() {
        }

        static Scenario apply(Scenario scenario, Integer paths, Long seed) throws ScenarioException {
            if (paths != null && (paths < 1 || paths > ScenarioReader.PATHS_MAX)) {
                throw new ScenarioException("--paths", "must be between 1 and " + ScenarioReader.PATHS_MAX);
            }
            if (seed != null && seed < 0) {
                throw new ScenarioException("--seed", "must not be negative");
            }
            return new Scenario(scenario.name(), scenario.planFile(), scenario.plan(),
                    seed == null ? scenario.seed() : seed, paths == null ? scenario.paths() : paths,
                    scenario.horizonMonths(), scenario.population(), scenario.orders(), scenario.selling(),
                    scenario.regions(), scenario.subsidies(), scenario.sellOffs());
        }

        /**
         * Checks before the run that the report's folder can be made: {@code out} and whatever part of its path
         * exists must be folders (a file there used to fail with a stack trace after the whole run).
         */
        static void checkOut(Path out) throws ScenarioException {
            for (Path at = out.toAbsolutePath().normalize(); at != null; at = at.getParent()) {
                if (java.nio.file.Files.exists(at)) {
                    if (!java.nio.file.Files.isDirectory(at)) {
                        throw new ScenarioException("--out", (at.equals(out.toAbsolutePath().normalize()) ? "" : "the path of ")
                                + out + " is not a folder: " + at + " is a file");
                    }
                    if (!java.nio.file.Files.isWritable(at)) {
                        throw new ScenarioException("--out", "cannot write in " + at);
                    }
                    checkReportNames(out);
                    return;
                }
            }
        }

        /** The message of a scenario too large for a path: ours names the field; an overflow says what to lower. */
        static String tooLarge(RuntimeException e) {
            return e instanceof PathSimulator.TooLarge ? e.getMessage()
                    : "the scenario's money or price outgrows 64-bit integers (" + e.getMessage() + "): lower"
                            + " orders.amount, the population or orders.perUserPerMonth";
        }

        /** What the report writes into an existing folder must not be there as the other kind (file or folder). */
        private static void checkReportNames(Path out) throws ScenarioException {
            for (String file : List.of("report.html", "summary.txt", "cohorts.csv", "classes.csv", "sweep.csv", "sweep.html")) {
                if (java.nio.file.Files.isDirectory(out.resolve(file))) {
                    throw new ScenarioException("--out", out.resolve(file) + " is a folder; the report writes a file there");
                }
            }
            Path series = out.resolve("series");
            if (java.nio.file.Files.exists(series) && !java.nio.file.Files.isDirectory(series)) {
                throw new ScenarioException("--out", series + " is a file; the report writes its series in a folder there");
            }
        }

        static void checkThreads(Integer threads) throws ScenarioException {
            if (threads != null && (threads < 1 || threads > 1024)) {
                throw new ScenarioException("--threads", "must be between 1 and 1024");
            }
        }
    }
}
