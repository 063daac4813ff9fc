package org.zengzhi.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Starts the real server on a free port with the given properties and talks to it over real HTTP. */
final class ServerHarness implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ServerHarness(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--zengzhi.tick-interval=PT1H"));
        for (String property : properties) {
            args.add("--" + property);
        }
        context = new SpringApplicationBuilder(ZengzhiServer.class).run(args.toArray(new String[0]));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        base = "http://127.0.0.1:" + port + "/api/v1";
    }

    record Reply(int status, JsonNode body) {
    }

    Reply post(String key, String json) throws Exception {
        return post("/commands", key, json);
    }

    Reply post(String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Reply get(String path) throws Exception {
        return reply(http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    @Override
    public void close() {
        context.close();
    }
}
