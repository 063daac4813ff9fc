package org.zengzhi.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged server ({@code server/target/zengzhi-server.jar}) as a child process on a fresh PostgreSQL
 * schema and a free port, ticking once an hour so paid orders stay countable. {@link #close()} stops it
 * and drops the schema.
 */
public final class ServerProcess implements AutoCloseable {
    private final BenchDatabase database;
    private final Process process;
    private final String base;
    private final Path log;

    public ServerProcess(List<String> jvmOptions) throws Exception {
        Path jar = jar();
        database = BenchDatabase.empty("bench_http", 1, false);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        log = Files.createTempFile("zengzhi-bench-server", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + BenchDatabase.URL + "?currentSchema=" + database.schema(),
                "--spring.datasource.username=postgres", "--spring.flyway.schemas=" + database.schema(),
                // The load pays through the sandbox on purpose: a bench is staging, not production.
                "--zengzhi.sandbox.enabled=true",
                "--server.port=" + port, "--zengzhi.tick-interval=PT1H",
                "--zengzhi.operator-password=" + HttpLoad.OPERATOR_PASSWORD));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady();
    }

    /** The packaged server jar, from the repository root or from a module directory. */
    static Path jar() {
        for (Path candidate : List.of(Path.of("server", "target", "zengzhi-server.jar"),
                Path.of("..", "server", "target", "zengzhi-server.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no server/target/zengzhi-server.jar: build it with "
                + "./mvnw -q -B -DskipTests package -pl server,bench -am");
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped; its log: " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer within 90 s; its log: " + log);
    }

    /** The server's CPU time so far (user + system) in nanoseconds, or -1 where the platform does not say. */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    /** {@code http://127.0.0.1:port}. */
    public String base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
        database.close();
    }
}
