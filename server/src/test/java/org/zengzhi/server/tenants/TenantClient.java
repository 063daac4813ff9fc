package org.zengzhi.server.tenants;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.zengzhi.server.ApiRequests;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to one tenant's API ({@code /t/{slug}/api/v1}, or {@code /api/v1} for the default tenant). */
final class TenantClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    TenantClient(String origin, String slug) {
        this.base = origin + (slug == null ? "" : "/t/" + slug) + "/api/v1";
    }

    ServerHarness.Reply send(String token, String method, String path, String json, String key) throws Exception {
        return send(token, method, path, json, key, null);
    }

    /** {@code language}: the Accept-Language header, or null for none. */
    ServerHarness.Reply send(String token, String method, String path, String json, String key, String language)
            throws Exception {
        HttpRequest.Builder request = ApiRequests.builder(method, base + path, token, json, key);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new ServerHarness.Reply(response.statusCode(),
                body == null || body.isBlank() || !(body.startsWith("{") || body.startsWith("["))
                        ? JSON.createObjectNode() : JSON.readTree(body));
    }

    /** A page (HTML) under the tenant's root, e.g. {@code /login}: status and body. */
    static HttpResponse<String> page(String url, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String login(String username, String password) throws Exception {
        ServerHarness.Reply reply = send(null, "POST", "/auth/login", "{\"username\":\"" + username
                + "\",\"password\":\"" + password + "\"}", null);
        if (reply.status() != 200) {
            throw new AssertionError("login of " + username + " at " + base + " failed: " + reply);
        }
        return reply.body().get("token").asString();
    }
}
