package org.zengzhi.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code zengzhi} command line. Each subcommand lives in its own class; this class only wires them
 * up and owns the process's streams, so tests can run the whole command line in-process.
 */
@Command(name = "zengzhi", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Exact, auditable loyalty economies (消费增值): replay command logs, check plans, simulate scenarios.",
        subcommands = { ReplayCommand.class, PlanCommand.class, org.zengzhi.cli.simulate.SimulateCommand.class,
            org.zengzhi.cli.simulate.SweepCommand.class, CommandLine.HelpCommand.class })
public final class Main implements Runnable {
    /** Exit code of a run that finished. */
    public static final int EXIT_OK = 0;
    /** Exit code for bad options or malformed input; picocli uses the same code for usage errors. */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;

    private final InputStream in;
    private final OutputStream out;
    private final PrintWriter err;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    Main(InputStream in, OutputStream out, PrintWriter err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        // System.out is a PrintStream with a small buffer; JSON lines go out through a larger one.
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.exit(run(args, System.in, out, System.err));
    }

    /** Runs the command line on the given streams and returns the exit code; flushes both outputs. */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new Main(in, out, errWriter));
        commandLine.setOut(outWriter);
        commandLine.setErr(errWriter);
        commandLine.setParameterExceptionHandler(Main::reportUsageError);
        try {
            return commandLine.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Without a subcommand there is nothing to do but explain the choices. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /**
     * Prints the one-line reason and a hint instead of the whole usage text, so the reason (which names
     * the option) is what the operator sees.
     */
    private static int reportUsageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine commandLine = problem.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(problem.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(problem, err)) {
            err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        }
        err.flush();
        return EXIT_USAGE;
    }
}
