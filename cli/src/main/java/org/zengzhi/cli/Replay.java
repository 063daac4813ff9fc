package org.zengzhi.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.log.EventWriter;
import org.zengzhi.log.LogLineParser;
import org.zengzhi.log.MalformedLineException;

/**
 * Runs a command log through a fresh engine: each line is parsed, executed and its events written before
 * the next line is read, so a malformed line stops the run with nothing after it executed.
 */
final class Replay {
    private final Plan plan;

    Replay(Plan plan) {
        this.plan = plan;
    }

    /** Returns the exit code: {@link Main#EXIT_OK}, or {@link Main#EXIT_USAGE} at the first malformed line. */
    int run(BufferedReader log, EventWriter writer, PrintWriter err) throws IOException {
        Engine engine = new Engine(plan, RegionDirectory.STANDARD);
        EngineOutput output = new EngineOutput();
        LogLineParser parser = new LogLineParser(engine::clock);
        long lineNumber = 0;
        String line;
        while ((line = log.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Command command;
            try {
                command = parser.parse(lineNumber, line);
            } catch (MalformedLineException e) {
                // Earlier lines' events go out first, so stdout shows exactly what did run.
                writer.flush();
                err.println(e.getMessage());
                return Main.EXIT_USAGE;
            }
            output.clear();
            engine.execute(command, output);
            for (Event event : output.events()) {
                writer.write(event);
            }
        }
        writer.state(engine);
        writer.flush();
        return Main.EXIT_OK;
    }
}
