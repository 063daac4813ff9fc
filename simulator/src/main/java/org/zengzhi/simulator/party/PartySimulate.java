package org.zengzhi.simulator.party;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.ReportLanguage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code zengzhi simulate} of a four-party scenario ({@code model: fourParty}): reads it, runs it once through the
 * engine (the run is deterministic: one path), writes the report. Exit codes as the simulate command's.
 */
public final class PartySimulate {
    private PartySimulate() {
    }

    /** Returns 0 (report written), 1 (the run or the writing failed) or 2 (bad scenario or option; nothing written). */
    public static int run(Path scenarioFile, Path out, Long seed, ReportLanguage lang, PrintWriter stdout, PrintWriter err)
            throws IOException {
        PartyScenario scenario;
        try {
            scenario = PartyScenarioReader.read(scenarioFile);
            if (seed != null) {
                if (seed < 0 || seed > Integer.MAX_VALUE) {
                    throw new ScenarioException("--seed", "must be between 0 and " + Integer.MAX_VALUE);
                }
                scenario = scenario.withSeed(seed);
            }
            checkOut(out);
        } catch (ScenarioException e) {
            err.println(scenarioFile + ": " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        PartyResult result;
        try {
            result = PartySimulation.run(scenario, true);
        } catch (IllegalStateException | ArithmeticException e) {
            err.println("simulation failed: " + e.getMessage() + "; nothing was written");
            return 1;
        }
        try {
            PartyReport.write(result, out, lang);
        } catch (IOException e) {
            err.println("cannot write the report in " + out + ": " + e);
            return 1;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long orders = result.months().stream().mapToLong(PartyMonth::orders).sum();
        stdout.println("wrote " + out.resolve("report.html") + ": four-party, " + result.months().size()
                + (result.months().size() == 1 ? " month, " : " months, ") + orders + " orders settled, "
                + result.rejected() + " commands refused, in " + millis + " ms");
        return 0;
    }

    static void checkOut(Path out) throws ScenarioException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ScenarioException("--out", out + " is a file, not a folder");
        }
        for (String file : new String[] { "report.html", "pnl.csv", "months.csv", "suppliers.csv", "commands.jsonl" }) {
            if (Files.isDirectory(out.resolve(file))) {
                throw new ScenarioException("--out", out.resolve(file) + " is a folder; the report writes a file there");
            }
        }
    }
}
