package org.zengzhi.simulator.party;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.EventWriter;
import org.zengzhi.log.LogLineParser;
import org.zengzhi.log.MalformedLineException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One engine fed command-log lines (docs/replay.md) one at a time; each line's events come back as the JSON
 * lines {@code zengzhi replay} would print, so the simulator reads exactly what a replay of its log shows.
 */
public final class PartyRun {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Engine engine;
    private final EngineOutput output = new EngineOutput();
    private final LogLineParser parser;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final EventWriter writer = new EventWriter(bytes);
    private final StringBuilder log = new StringBuilder();
    private final boolean keepLog;
    private long lineNumber;
    private long rejected;

    PartyRun(Plan plan, boolean keepLog) {
        this.engine = new Engine(plan, RegionDirectory.STANDARD);
        this.parser = new LogLineParser(engine::clock);
        this.keepLog = keepLog;
    }

    /** Executes one log line; returns its events. A line the parser refuses is a bug of the generator. */
    List<JsonNode> exec(String line) {
        lineNumber++;
        if (keepLog) {
            log.append(line).append('\n');
        }
        try {
            output.clear();
            engine.execute(parser.parse(lineNumber, line), output);
        } catch (MalformedLineException e) {
            throw new IllegalStateException("the simulator wrote a malformed line: " + e.getMessage(), e);
        }
        for (Event event : output.events()) {
            writer.write(event);
        }
        List<JsonNode> events = drain();
        for (JsonNode event : events) {
            if ("rejected".equals(event.get("event").asString())) {
                rejected++;
            }
        }
        return events;
    }

    /** The engine's whole state as replay's final {@code state} line (balances per owner and account). */
    JsonNode state() {
        writer.state(engine);
        return drain().get(0);
    }

    long rejected() {
        return rejected;
    }

    /** The command log run so far (kept only when asked: the report writes it as commands.jsonl). */
    String log() {
        return log.toString();
    }

    private List<JsonNode> drain() {
        writer.flush();
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        List<JsonNode> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                events.add(MAPPER.readTree(line));
            }
        }
        return events;
    }
}
