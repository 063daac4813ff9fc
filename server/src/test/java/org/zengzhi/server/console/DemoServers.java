package org.zengzhi.server.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

/**
 * The demo of each model ({@code zengzhi.demo=true} on H2 with a known demo password), booted once on first use and
 * shared by every check that only reads it or adds what the others do not look at: booting a demo is a server start
 * plus its whole population, the most expensive set-up of the browser tests.
 */
final class DemoServers implements AutoCloseable {
    static final String PASSWORD = "demo-visitor-2026";
    static final String LOCAL_LIFE = "local-life.yaml";
    static final String GREEN_POINTS = "green-points.yaml";
    static final String FOUR_PARTY = "four-party.yaml";

    private final Path directory;
    private final Map<String, ServerHarness> running = new LinkedHashMap<>();

    DemoServers(Path directory) {
        this.directory = directory;
    }

    /** The running demo of {@code plan} (one of the constants), booted on first use. */
    ServerHarness of(String plan) throws Exception {
        ServerHarness server = running.get(plan);
        if (server == null) {
            server = boot(plan);
            running.put(plan, server);
        }
        return server;
    }

    /** Stops the demo of {@code plan} and starts it again on the same database, as an operator's restart does. */
    ServerHarness restart(String plan) throws Exception {
        ServerHarness server = running.remove(plan);
        if (server != null) {
            server.close();
        }
        return of(plan);
    }

    private ServerHarness boot(String plan) throws Exception {
        List<String> properties = new ArrayList<>(List.of(TestDatabases.h2(directory.resolve(plan + "-data"))));
        properties.addAll(List.of("zengzhi.plan=" + planFile(plan), "zengzhi.demo=true",
                "zengzhi.demo-password=" + PASSWORD));
        return new ServerHarness(properties.toArray(String[]::new));
    }

    /** Local life and four-party are presets; the green plan is read from the server's resources into a file. */
    private String planFile(String plan) throws Exception {
        if (!plan.equals(GREEN_POINTS)) {
            return plan;
        }
        Path file = directory.resolve(plan);
        if (!Files.exists(file)) {
            try (var in = DemoServers.class.getResourceAsStream("/plans/" + plan)) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file.toString();
    }

    @Override
    public void close() {
        running.values().forEach(ServerHarness::close);
        running.clear();
    }
}
