package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.zengzhi.cluster.Takeover;

/** Asks the live nodes about a tenant over their loopback HTTP ports ({@link NodeMain}). */
final class Status {
    /** A tenant's state as its node answered it. */
    record TenantState(long applied, int invariantProblems, long poolCashFen, String stateHash) {
        static TenantState parse(String body) {
            String[] f = body.split(" ");
            return new TenantState(Long.parseLong(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]), f[3]);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The take-overs a node reports ({@code GET /takeovers}); empty if it does not answer. */
    List<Takeover> takeovers(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/takeovers")).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.body().isBlank() ? List.of() : r.body().lines().map(Takeover::parse).toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The tenant's state from whichever of {@code ports} serves it now; empty if none does. */
    Optional<TenantState> ask(List<Integer> ports, String tenant) {
        for (int port : ports) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/tenant/" + tenant)).timeout(Duration.ofSeconds(6)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return Optional.of(TenantState.parse(r.body()));
                }
            } catch (IOException e) {
                // that node is down or not up yet: ask the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
