package org.zengzhi.server;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The one way the tests build a request to the API over real HTTP ({@link ServerHarness}, the tenants' and the
 * cluster owners' clients): the method and its JSON body, a bearer token and an Idempotency-Key.
 */
public final class ApiRequests {
    private ApiRequests() {
    }

    /** {@code json} null: no body; {@code token}, {@code key} null: no such header. More headers may follow. */
    public static HttpRequest.Builder builder(String method, String url, String token, String json, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request;
    }
}
