package org.zengzhi.bench.serverdemo;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * What each live node holds (its deployment API's tenant list, {@code running} and {@code standby} per tenant):
 * whether every node stands by for the tenants the others serve before the kill, and which of the killed node's
 * tenants had a standby on a survivor (docs/cluster.md, "Warm standby").
 */
final class Standbys {
    /** One node's view: the tenants it serves and those it stands by for. */
    record Held(Set<String> serving, Set<String> standby) {
    }

    private final NodeHttp http;
    private final ServerNodes nodes;
    private final String deployment;

    Standbys(NodeHttp http, ServerNodes nodes, String deployment) {
        this.http = http;
        this.nodes = nodes;
        this.deployment = deployment;
    }

    /** Each live node's view, by node number (1, 2, …). */
    Map<Integer, Held> now() throws IOException {
        Map<Integer, Held> held = new TreeMap<>();
        for (int i : nodes.aliveIndexes()) {
            NodeHttp.Answer list = http.once("GET", nodes.base(i) + "/api/v1/deployment/tenants", null,
                    Map.of("Authorization", deployment));
            if (list.status() != 200) {
                throw new IOException("node-" + (i + 1) + " lists its tenants with " + list.status() + ": " + list.body());
            }
            Set<String> serving = new TreeSet<>();
            Set<String> standby = new TreeSet<>();
            for (JsonNode tenant : TenantClient.json(list.body()).get("tenants")) {
                if (tenant.get("running").asBoolean()) {
                    serving.add(tenant.get("slug").asString());
                } else if (tenant.get("standby").asBoolean()) {
                    standby.add(tenant.get("slug").asString());
                }
            }
            held.put(i + 1, new Held(serving, standby));
        }
        return held;
    }

    /**
     * Waits (at most {@code seconds}) until each node stands by for every tenant the others serve, or for
     * {@code cap} of them; returns the last view.
     */
    Map<Integer, Held> awaitAll(int tenants, int cap, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            Map<Integer, Held> held = now();
            boolean ready = held.values().stream().allMatch(h -> h.standby().size()
                    >= Math.min(cap, tenants - h.serving().size()));
            if (ready || System.nanoTime() - deadline > 0) {
                return held;
            }
            Thread.sleep(500);
        }
    }

    /** "node-1 30/33, …": standbys against the tenants the others serve. */
    static String summary(Map<Integer, Held> held, int tenants) {
        StringBuilder text = new StringBuilder();
        held.forEach((node, h) -> text.append(text.isEmpty() ? "" : ", ").append("node-").append(node).append(' ')
                .append(h.standby().size()).append('/').append(tenants - h.serving().size()));
        return text.toString();
    }

    /** How many of {@code slugs} some node other than {@code victim} (1-based) stands by for. */
    static long covered(Map<Integer, Held> held, int victim, Iterable<String> slugs) {
        long covered = 0;
        for (String slug : slugs) {
            boolean any = held.entrySet().stream().anyMatch(e -> e.getKey() != victim
                    && e.getValue().standby().contains(slug));
            covered += any ? 1 : 0;
        }
        return covered;
    }
}
