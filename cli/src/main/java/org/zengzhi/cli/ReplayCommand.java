package org.zengzhi.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.EventWriter;
import org.zengzhi.log.PlanFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code zengzhi replay}: the auditor's and operator's way to run a command log through the engine. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Reads a command log (JSON lines: order, sell, subsidy, and with a plan register, merchant, agent, "
                    + "pay, receive, refund, tick, …) on stdin, runs it through the engine and "
                    + "writes one JSON line per event, then a final state line, on stdout.",
            "A malformed line stops the run with exit code 2; nothing after it runs. See docs/replay.md." },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = { "0:the whole log ran", "2:bad option value or malformed log line" })
final class ReplayCommand implements Callable<Integer> {
    private static final int READ_BUFFER_CHARS = 1 << 16;

    @ParentCommand
    private Main main;

    @Mixin
    private PoolRulesOptions poolOptions;

    @Spec
    private CommandSpec spec;

    @Option(names = "--plan", paramLabel = "<file>",
            description = "Plan file (YAML, see docs/plans.md) for the whole order flow; it sets the pool's "
                    + "ratios too, so it cannot be combined with the pool options.")
    private Path planFile;

    @Override
    public Integer call() throws Exception {
        Plan plan = plan();
        if (plan == null) {
            return Main.EXIT_USAGE;
        }
        BufferedReader log = new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8),
                READ_BUFFER_CHARS);
        try (EventWriter writer = new EventWriter(main.out())) {
            return new Replay(plan).run(log, writer, main.err());
        }
    }

    /** The plan in force, or null after reporting why the plan file cannot be used. */
    private Plan plan() throws IOException {
        if (planFile == null) {
            return Plan.defaults(poolOptions.toRules());
        }
        for (String option : PoolRulesOptions.NAMES) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new ParameterException(spec.commandLine(), "Option '" + option
                        + "' cannot be combined with --plan: the plan file sets the pool's parameters");
            }
        }
        if (!Files.isReadable(planFile)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--plan': cannot read "
                    + planFile);
        }
        PlanCheck check = PlanFiles.check(planFile);
        if (!check.valid()) {
            main.err().print(planFile + ": " + check.text());
            return null;
        }
        return check.plan();
    }
}
