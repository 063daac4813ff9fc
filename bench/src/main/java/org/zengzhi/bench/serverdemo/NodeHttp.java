package org.zengzhi.bench.serverdemo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The demo's HTTP to the server nodes, as a careful caller of a cluster does it: a request goes to the node last known
 * to serve the tenant (any live node at first); a {@code 307} is followed to its {@code Location} with the same
 * method, body and headers (so the Idempotency-Key travels), and the owner it names is remembered; a {@code 503}
 * (platform moving, queue full) is tried again after {@code Retry-After}; a node that refuses the connection or drops
 * it (killed) is left for another live node, and the request is sent again under the same key — whether the first
 * attempt took effect or not, the key makes it count once. Only a final answer is returned.
 */
final class NodeHttp implements AutoCloseable {
    /** An answer: status and body. */
    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private static final int REDIRECTS_MAX = 5;
    private static final long RETRY_AFTER_MAX_MS = 2_000;
    private final CloseableHttpClient http;
    private final Supplier<List<String>> liveNodes;
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    final AtomicLong redirects = new AtomicLong();
    final AtomicLong unavailable = new AtomicLong();
    final AtomicLong connectionsLost = new AtomicLong();

    NodeHttp(Supplier<List<String>> liveNodes, int connections) {
        this(liveNodes, connections, 30);
    }

    /** {@code responseSeconds}: how long an answer may take (a tenant's creation starts a context: minutes on a busy machine). */
    NodeHttp(Supplier<List<String>> liveNodes, int connections, int responseSeconds) {
        this.liveNodes = liveNodes;
        http = HttpClients.custom().disableRedirectHandling().disableAutomaticRetries()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections).setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).setSocketTimeout(Timeout.ofSeconds(responseSeconds))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(responseSeconds)).build())
                .build();
    }

    /**
     * Sends {@code method path} for {@code tenant} ({@code path} starts with {@code /}) until a final answer or the
     * deadline ({@code System.nanoTime()}); {@code 503} waits {@code Retry-After} (at most 2 s) when
     * {@code honourRetryAfter}, else 100 ms (a probe measuring when the tenant answers again). Throws
     * {@link IOException} when the deadline passes without a final answer.
     */
    Answer call(String tenant, String method, String path, String body, Map<String, String> headers,
            long deadlineNanos, boolean honourRetryAfter) throws IOException, InterruptedException {
        String base = owners.getOrDefault(tenant, pick());
        String url = base + path;
        int hops = 0;
        String last = "no attempt";
        while (System.nanoTime() - deadlineNanos < 0) {
            try (ClassicHttpResponse response = http.executeOpen(null, request(method, url, body, headers), null)) {
                int status = response.getCode();
                String text = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (status == 307 && hops++ < REDIRECTS_MAX) {
                    redirects.incrementAndGet();
                    url = header(response, "Location", url);
                    owners.put(tenant, header(response, "Zengzhi-Tenant-Owner", baseOf(url)));
                    continue;
                }
                hops = 0;
                if (status == 503) {
                    unavailable.incrementAndGet();
                    last = "503 " + text;
                    Thread.sleep(honourRetryAfter ? retryAfterMs(header(response, "Retry-After", "1")) : 100);
                    continue;
                }
                owners.put(tenant, baseOf(url));
                return new Answer(status, text);
            } catch (IOException | org.apache.hc.core5.http.ParseException e) {
                // The node is dead or dropped the request: ask another live node (which may redirect to the owner).
                connectionsLost.incrementAndGet();
                last = e.toString();
                owners.remove(tenant);
                hops = 0;
                url = pick() + path;
                Thread.sleep(100);
            }
        }
        throw new IOException("no final answer before the deadline; last: " + last);
    }

    /** One request to one URL, no redirect followed, no retry. */
    Answer once(String method, String url, String body, Map<String, String> headers) throws IOException {
        try (ClassicHttpResponse response = http.executeOpen(null, request(method, url, body, headers), null)) {
            return new Answer(response.getCode(), response.getEntity() == null ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException(e);
        }
    }

    static long retryAfterMs(String header) {
        try {
            return Math.min(RETRY_AFTER_MAX_MS, Math.max(100, Long.parseLong(header.trim()) * 1_000));
        } catch (NumberFormatException e) {
            return 1_000;
        }
    }

    private String pick() {
        List<String> live = liveNodes.get();
        return live.get(Math.floorMod(next.getAndIncrement(), live.size()));
    }

    private static HttpUriRequestBase request(String method, String url, String body, Map<String, String> headers) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(url));
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        }
        return request;
    }

    private static String header(ClassicHttpResponse response, String name, String otherwise) {
        Header header = response.getFirstHeader(name);
        return header == null ? otherwise : header.getValue();
    }

    /** {@code http://host:port} of a URL. */
    static String baseOf(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
