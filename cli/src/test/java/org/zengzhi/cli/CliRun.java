package org.zengzhi.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Runs the command line in-process on in-memory streams, the way a shell would run bin/zengzhi. */
record CliRun(int exitCode, String stdout, String stderr) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static CliRun run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        int exitCode = Main.run(args, in, out, err);
        return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code zengzhi replay} with a golden log from src/test/resources/replay/. */
    static CliRun replayResource(String name, String... options) {
        return run(resource(name), prepend("replay", options));
    }

    static CliRun replay(String stdin, String... options) {
        return run(stdin, prepend("replay", options));
    }

    static String resource(String name) {
        try (InputStream stream = CliRun.class.getResourceAsStream("/replay/" + name)) {
            if (stream == null) {
                throw new IllegalArgumentException("no test resource replay/" + name);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every stdout line as parsed JSON. */
    List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }

    /** The stdout lines of one event kind, in order. */
    List<JsonNode> events(String event) {
        return lines().stream().filter(line -> line.get("event").asString().equals(event)).toList();
    }

    /** The lines caused by one command, in order. */
    List<JsonNode> ofCommand(String command) {
        return lines().stream().filter(line -> line.has("command") && line.get("command").asString().equals(command))
                .toList();
    }

    /** The final state line; fails if the run did not produce one. */
    JsonNode state() {
        List<JsonNode> lines = lines();
        JsonNode last = lines.get(lines.size() - 1);
        if (!last.get("event").asString().equals("state")) {
            throw new AssertionError("last line is not the state line: " + last);
        }
        return last;
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
