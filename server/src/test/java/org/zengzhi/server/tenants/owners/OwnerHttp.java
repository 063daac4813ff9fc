package org.zengzhi.server.tenants.owners;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import org.zengzhi.server.ApiRequests;

/** Real HTTP that never follows a redirect by itself, so a test sees each 307 and follows it on purpose. */
final class OwnerHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private OwnerHttp() {
    }

    /** {@code json} null: no body; {@code token}, {@code key} null: no such header. */
    static HttpResponse<String> send(String method, String url, String token, String json, String key)
            throws Exception {
        return HTTP.send(ApiRequests.builder(method, url, token, json, key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The same request again at the redirect's Location (307 keeps the method and the body). */
    static HttpResponse<String> follow(HttpResponse<String> redirect, String method, String token, String json,
            String key) throws Exception {
        return send(method, redirect.headers().firstValue("Location").orElseThrow(), token, json, key);
    }
}
