package org.zengzhi.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts the real server on a free port with the given properties and talks to it over real HTTP. */
public final class ServerHarness implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ServerHarness(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--zengzhi.tick-interval=PT1H"));
        for (String property : properties) {
            args.add("--" + property);
        }
        context = new SpringApplicationBuilder(ZengzhiServer.class).run(args.toArray(new String[0]));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        base = "http://127.0.0.1:" + port + "/api/v1";
    }

    public record Reply(int status, JsonNode body) {
    }

    public Reply post(String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/commands"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public Reply get(String path) throws Exception {
        return reply(http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** POSTs {@code body} to {@code path} (under /api/v1) with the given headers. */
    public Reply post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A bean of the running server, for tests that look behind the API (the database, for instance). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    @Override
    public void close() {
        context.close();
    }
}
