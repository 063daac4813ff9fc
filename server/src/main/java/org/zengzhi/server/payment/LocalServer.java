package org.zengzhi.server.payment;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Where this server can be reached: {@code zengzhi.payments.base-url} when configured (behind a proxy or
 * on a public host, which a real provider's callbacks need), else the port the web server actually bound
 * on the configured address, or on 127.0.0.1 when it listens on every address.
 */
public final class LocalServer implements ApplicationListener<WebServerInitializedEvent> {
    private final String configuredBaseUrl;
    private final String address;
    private volatile int port;

    public LocalServer(String configuredBaseUrl, String address) {
        this.configuredBaseUrl = configuredBaseUrl;
        this.address = address;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        if (configuredBaseUrl != null && !configuredBaseUrl.isBlank()) {
            return configuredBaseUrl.replaceAll("/+$", "");
        }
        if (port <= 0) {
            throw new IllegalStateException("the web server has not started yet");
        }
        boolean anyAddress = address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::");
        String host = anyAddress ? "127.0.0.1" : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port;
    }
}
