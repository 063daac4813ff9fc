package org.zengzhi.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.zengzhi.engine.PoolRules;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code zengzhi replay}: the auditor's and operator's way to run a command log through the engine. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Reads a command log (JSON lines: order, sell, subsidy) on stdin, runs it through the engine and "
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

    @Override
    public Integer call() throws Exception {
        PoolRules rules = poolOptions.toRules();
        BufferedReader log = new BufferedReader(new InputStreamReader(main.in(), StandardCharsets.UTF_8),
                READ_BUFFER_CHARS);
        try (EventWriter writer = new EventWriter(main.out())) {
            return new Replay(rules).run(log, writer, main.err());
        }
    }
}
