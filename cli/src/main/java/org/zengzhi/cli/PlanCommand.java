package org.zengzhi.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code zengzhi plan}: work with plan files. */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Work with plan files (YAML, see docs/plans.md).",
        subcommands = { PlanCommand.Check.class })
final class PlanCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /**
     * {@code zengzhi plan check FILE}: every validation error at once, each naming its field; for a valid
     * plan the budget warnings and the compliance report.
     */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Validates a plan file and prints its compliance report.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = { "0:valid", "1:valid with warnings", "2:invalid (or unreadable)" })
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The plan file.")
        private Path file;

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                spec.commandLine().getErr().println(file + ": cannot read the file");
                return PlanCheck.EXIT_INVALID;
            }
            PlanCheck check = PlanFiles.check(file);
            PrintWriter out = check.valid() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.print(check.text());
            out.flush();
            return check.exitCode();
        }
    }
}
