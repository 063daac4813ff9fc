package org.zengzhi.simulator.green;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.ReportLanguage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code zengzhi simulate} for a scenario whose plan has green points (issue 17 deliver 4): reads it, runs each
 * variant through the engine and writes the report. Exit codes as the simulate command's: 0 written, 1 the books
 * broke or the report could not be written, 2 a bad scenario or option (nothing is written).
 */
public final class GreenSimulation {
    private GreenSimulation() {
    }

    /** Runs every variant of {@code scenario} in order, on the caller's thread. */
    public static List<GreenResult> run(GreenScenario scenario) {
        List<GreenResult> results = new ArrayList<>();
        for (GreenScenario.Variant variant : scenario.variants()) {
            results.add(new GreenRun(scenario, variant).run());
        }
        return List.copyOf(results);
    }

    /** The command: {@code paths} other than 1 is refused, {@code seed} overrides the scenario's. */
    public static int command(Path file, Path out, Integer paths, Long seed, ReportLanguage lang, PrintWriter stdout,
            PrintWriter err) {
        GreenScenario scenario;
        try {
            scenario = GreenScenarioReader.read(file);
            if (paths != null && paths != 1) {
                throw new ScenarioException("--paths", "a green-points scenario runs one path per variant");
            }
            if (seed != null) {
                if (seed < 0) {
                    throw new ScenarioException("--seed", "must not be negative");
                }
                scenario = scenario.withSeed(seed);
            }
        } catch (ScenarioException | IOException e) {
            err.println(file + ": " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        List<GreenResult> results;
        try {
            results = run(scenario);
        } catch (IllegalStateException | ArithmeticException e) {
            err.println("simulation failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        try {
            GreenReport.write(scenario, results, out, lang);
        } catch (IOException e) {
            err.println("cannot write the report in " + out + ": " + e);
            return 1;
        }
        long orders = results.stream().mapToLong(r -> r.totals().storeOrders() + r.totals().coinOrders()).sum();
        stdout.println("wrote " + out.resolve("report.html") + ": green points, " + results.size()
                + (results.size() == 1 ? " variant × " : " variants × ") + scenario.horizonMonths() + " months, "
                + orders + " orders in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        return 0;
    }
}
