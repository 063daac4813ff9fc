package org.zengzhi.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

import tools.jackson.databind.JsonNode;

/**
 * The simulator's API on H2 (issue 20 item 6): an operator runs scenarios/single-city.yaml and reads the seed's
 * P&L as the simulator's golden pins it; a consumer is refused; bad input names its field and starts
 * nothing; a retry under the same Idempotency-Key answers the first start; a second run while one goes is refused.
 */
class SimulationApiIT {
    @TempDir
    static Path temp;
    static ServerHarness server;
    static String ann;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(TestDatabases.h2(temp));
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"ann\",\"password\":\"ann-secret-1\"}",
                "register-ann").status()).isEqualTo(201);
        ann = server.login("ann", "ann-secret-1");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonNode finished(String id) throws Exception {
        for (int i = 0; i < 600; i++) {
            ServerHarness.Reply reply = server.get("/operator/simulations/" + id);
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            if (!"RUNNING".equals(reply.body().get("state").asString())) {
                return reply.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("simulation " + id + " still running after 600 polls");
    }

    @Test
    void aConsumerCannotStartOrReadASimulation() throws Exception {
        ServerHarness.Reply start = server.send(ann, "POST", "/operator/simulations", "{\"scenario\":\"single-city.yaml\"}",
                "ann-sim");
        assertThat(start.status()).isEqualTo(403);
        assertThat(server.send(ann, "GET", "/operator/simulations/sim-1", null, null).status()).isEqualTo(403);
    }

    @Test
    void badInputNamesTheFieldAndStartsNothing() throws Exception {
        ServerHarness.Reply unknown = server.post("/operator/simulations", "bad-1", "{\"scenario\":\"nowhere.yaml\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("field").asString()).isEqualTo("scenario");
        assertThat(unknown.body().get("detail").asString()).contains("single-city.yaml");
        ServerHarness.Reply months = server.post("/operator/simulations", "bad-2",
                "{\"scenario\":\"single-city.yaml\",\"months\":61}");
        assertThat(months.status()).isEqualTo(400);
        assertThat(months.body().get("field").asString()).isEqualTo("months");
        ServerHarness.Reply people = server.post("/operator/simulations", "bad-3",
                "{\"scenario\":\"single-city.yaml\",\"people\":0}");
        assertThat(people.body().get("field").asString()).isEqualTo("people");
        ServerHarness.Reply noKey = server.post("/operator/simulations", (String) null, "{\"scenario\":\"single-city.yaml\"}");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(server.get("/operator/simulations/sim-999").status()).isEqualTo(404);
    }

    @Test
    void singleCityGivesTheSeedsPnlAndARetryAnswersTheFirstStart() throws Exception {
        String body = "{\"scenario\":\"single-city.yaml\"}";
        ServerHarness.Reply first = server.post("/operator/simulations", "city-1", body);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
        ServerHarness.Reply busy = server.post("/operator/simulations", "city-2", "{\"scenario\":\"four-party-risk.yaml\"}");
        assertThat(busy.status()).as("one run at a time: %s", busy.body()).isEqualTo(429);
        assertThat(busy.body().get("field").asString()).isEqualTo("scenario");
        ServerHarness.Reply retry = server.post("/operator/simulations", "city-1", body);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(server.post("/operator/simulations", "city-1", "{\"scenario\":\"mall-steady.yaml\"}").status())
                .as("the key with another body").isEqualTo(409);

        JsonNode run = finished(first.body().get("id").asString());
        assertThat(run.get("state").asString()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.get("model").asString()).isEqualTo("FOUR_PARTY");
        // The figures SingleCityScenarioGoldenTest pins for the seed's month.
        assertThat(figure(run, "gmv", "2026-02")).isEqualTo("1,500,000.00");
        assertThat(figure(run, "supplierProfit", "2026-02")).isEqualTo("375,000.00");
        assertThat(figure(run, "platformIncome", "2026-02")).isEqualTo("190,000.00");
        assertThat(figure(run, "net", "2026-02")).isEqualTo("90,000.00");

        // Once it is done the slot is free: the plan in force (local life) with the default population, 6 months.
        ServerHarness.Reply plan = server.post("/operator/simulations", "plan-1", "{\"scenario\":\"plan\",\"months\":6}");
        assertThat(plan.status()).as(plan.body().toString()).isEqualTo(202);
        JsonNode planRun = finished(plan.body().get("id").asString());
        assertThat(planRun.get("state").asString()).as(planRun.toString()).isEqualTo("DONE");
        assertThat(planRun.get("model").asString()).isEqualTo("POOL");
        assertThat(figure(planRun, "months", "")).isEqualTo("6");
        assertThat(figure(planRun, "paths", "")).isEqualTo("4");
    }

    private static String figure(JsonNode run, String name, String period) {
        for (JsonNode figure : run.get("figures")) {
            if (name.equals(figure.get("name").asString()) && period.equals(figure.get("period").asString())) {
                return figure.get("value").asString();
            }
        }
        throw new AssertionError("no figure " + name + " for " + period + " in " + run);
    }
}
