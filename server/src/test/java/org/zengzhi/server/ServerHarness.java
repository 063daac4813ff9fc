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

    static final String OPERATOR_PASSWORD = "operator-test-password";

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String origin;
    private final String base;
    private final String operatorToken;

    public ServerHarness(String... properties) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--zengzhi.tick-interval=PT1H",
                "--zengzhi.operator-password=" + OPERATOR_PASSWORD));
        for (String property : properties) {
            args.add("--" + property);
        }
        context = new SpringApplicationBuilder(ZengzhiServer.class).run(args.toArray(new String[0]));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        origin = "http://127.0.0.1:" + port;
        base = origin + "/api/v1";
        operatorToken = login("operator", OPERATOR_PASSWORD);
    }

    /** Where the server answers, without a path, e.g. for a browser: {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return origin;
    }

    public record Reply(int status, JsonNode body) {
    }

    /** Signs in and returns the bearer token; fails the test if sign-in fails. */
    public String login(String username, String password) throws Exception {
        Reply reply = send(null, "POST", "/auth/login", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}", null);
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + reply.body());
        }
        return reply.body().get("token").asString();
    }

    /** A command as the operator. */
    public Reply post(String key, String json) throws Exception {
        return send(operatorToken, "POST", "/commands", json, key);
    }

    /** A POST as the operator to any path under /api/v1, with an Idempotency-Key unless {@code key} is null. */
    public Reply post(String path, String key, String json) throws Exception {
        return send(operatorToken, "POST", path, json, key);
    }

    /** A read as the operator. */
    public Reply get(String path) throws Exception {
        return send(operatorToken, "GET", path, null, null);
    }

    /** Any call: {@code token} null for none, {@code json} null for no body, {@code key} null for no Idempotency-Key. */
    public Reply send(String token, String method, String path, String json, String key) throws Exception {
        HttpRequest.Builder request = ApiRequests.builder(method, base + path, token, json, key);
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** POSTs {@code body} to {@code path} (under /api/v1) as the operator, with the given headers. */
    public Reply post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + operatorToken)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return reply(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A bean of the running server, for tests that look behind the API (the database, for instance). */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A GET whose body is not JSON (CSV), returned as text; fails unless 200. */
    public String raw(String token, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Reply reply(HttpResponse<String> response) {
        String body = response.body();
        return new Reply(response.statusCode(), body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
    }

    @Override
    public void close() {
        context.close();
    }
}
