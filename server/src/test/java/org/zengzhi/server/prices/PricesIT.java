package org.zengzhi.server.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.JsonNode;

/**
 * Issue 20 item 7: /api/v1/prices drops no history. Orders applied in one batch each leave their price (the
 * demo's whole rise used to be one point), the series pages back with {@code before}, and /prices/chart gives the
 * whole history for the chart.
 */
class PricesIT {
    private static final int ORDERS = 6;

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"));
        assertThat(server.post("m-shop", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"sara\",\"region\":\"440106\"}")
                .status()).isEqualTo(200);
        for (int i = 1; i <= ORDERS; i++) {
            assertThat(server.post("r" + i, "{\"type\":\"register\",\"user\":\"u" + i + "\"}").status()).isEqualTo(200);
        }
        StringBuilder batch = new StringBuilder("[");
        for (int i = 1; i <= ORDERS; i++) {
            batch.append(i > 1 ? "," : "").append("{\"type\":\"pay\",\"id\":\"o").append(i).append("\",\"user\":\"u")
                    .append(i).append("\",\"merchant\":\"shop\",\"amount\":\"").append(100 * i).append(".00\",\"channel\":\"store\"}");
        }
        ServerHarness.Reply imported = server.post("/orders/batch", "import-1", batch.append("]").toString());
        assertThat(imported.status()).as("%s", imported.body()).isEqualTo(200);
        assertThat(imported.body().toString()).doesNotContain("\"status\":422");
        // The orders settle in one tick: one command, a price change per order.
        assertThat(server.post("t1", "{\"type\":\"tick\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<JsonNode> series(String path) throws Exception {
        ServerHarness.Reply reply = server.get(path);
        assertThat(reply.status()).as("%s %s", path, reply.body()).isEqualTo(200);
        List<JsonNode> points = new ArrayList<>();
        reply.body().forEach(points::add);
        return points;
    }

    @Test
    void issue20Item7EveryOrderOfOneBatchLeavesItsPriceAndTheSeriesPagesBack() throws Exception {
        List<JsonNode> all = series("/prices");
        assertThat(all).as("a point per price change, not one per batch or command").hasSizeGreaterThanOrEqualTo(ORDERS);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).get("seq").asLong()).isGreaterThan(all.get(i - 1).get("seq").asLong());
            assertThat(new BigDecimal(all.get(i).get("price").asString()))
                    .isGreaterThanOrEqualTo(new BigDecimal(all.get(i - 1).get("price").asString()));
        }
        List<JsonNode> newest = series("/prices?limit=2");
        assertThat(newest).hasSize(2);
        assertThat(newest.get(1).get("seq")).isEqualTo(all.get(all.size() - 1).get("seq"));
        List<JsonNode> older = series("/prices?limit=2&before=" + newest.get(0).get("seq").asLong());
        assertThat(older).hasSize(2);
        assertThat(older.get(1).get("seq")).isEqualTo(all.get(all.size() - 3).get("seq"));

        assertThat(series("/prices/chart?buckets=500")).as("a short history is the chart whole").isEqualTo(all);
        assertThat(series("/prices/chart?buckets=1")).as("one run keeps its first and last (lowest and highest)")
                .containsExactly(all.get(0), all.get(all.size() - 1));
        ServerHarness.Reply bad = server.get("/prices/chart?buckets=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("buckets");
    }
}
