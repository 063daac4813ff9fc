package org.zengzhi.cli.greenref;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.cli.Main;

import tools.jackson.databind.JsonNode;

/** The real {@code zengzhi replay --plan} path, run in-process on a log; its lines parsed. */
record EngineRun(List<JsonNode> lines, String stderr, int exitCode) {
    static EngineRun replay(List<String> log, Path plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] in = (String.join("\n", log) + "\n").getBytes(StandardCharsets.UTF_8);
        int code = Main.run(new String[] {"replay", "--plan", plan.toString()}, new ByteArrayInputStream(in), out, err);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(GreenRef.JSON.readTree(line));
            }
        }
        return new EngineRun(lines, err.toString(StandardCharsets.UTF_8), code);
    }

    /** The events of the kinds the reference writes, in order. */
    List<JsonNode> greenEvents() {
        return lines.stream().filter(line -> GreenComparison.EVENTS.contains(line.get("event").asString())).toList();
    }

    JsonNode state() {
        JsonNode last = lines.get(lines.size() - 1);
        if (!"state".equals(last.get("event").asString())) {
            throw new AssertionError("no state line; stderr: " + stderr);
        }
        return last;
    }

    /** The compared accounts' non-zero balances of the state line, keyed as the reference keys them. */
    Map<String, Long> comparedBalances() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (JsonNode balance : state().get("balances")) {
            String account = balance.get("account").asString();
            long fen = new java.math.BigDecimal(balance.get("amount").asString()).movePointRight(2).longValueExact();
            JsonNode owner = balance.get("owner");
            if (fen != 0 && GreenRef.COMPARED.contains(account)) {
                out.put(GreenRef.key(owner.isNull() ? null : owner.asString(), account), fen);
            }
        }
        return out;
    }
}
