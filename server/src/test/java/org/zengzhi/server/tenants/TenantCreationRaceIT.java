package org.zengzhi.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

/**
 * Two nodes create the same slug at once (issue 21, docs/cluster.md "Creating one slug on two nodes"): the one whose
 * row is recorded second gets a 409 that names the slug — not its Idempotency-Key, which nobody else used — in
 * Chinese, English on request. The other node's creation is played by a row written straight into the shared
 * directory while this node is starting the tenant's context (after its own check that the slug was free).
 */
class TenantCreationRaceIT {

    @Test
    void theLoserOfARaceForASlugIsToldTheSlugIsTaken() throws Exception {
        String[] database = TestDatabases.freshPostgresSchema();
        try (ServerHarness server = TenantsTests.start(database)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = TenantsTests.deploymentToken(root);
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            String schema = jdbc.queryForObject("SELECT current_schema()", String.class) + "_t_race";
            CompletableFuture<ServerHarness.Reply> creation = CompletableFuture.supplyAsync(() -> {
                try {
                    return root.send(deployment, "POST", "/deployment/tenants", "{\"slug\":\"race\",\"name\":\"race\","
                            + "\"plan\":\"local-life.yaml\",\"operatorPassword\":\"race-operator-1\"}", "mine", "zh");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // The schema is made right after the check that the slug is free, then the context starts (seconds).
            while (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?",
                    Long.class, schema) == 0) {
                assertThat(creation).as("the creation is still under way").isNotDone();
                Thread.sleep(20);
            }
            jdbc.update("INSERT INTO deployment_tenant (slug, name, plan_source, plan_yaml, schema_name, status, "
                    + "created_at) VALUES ('race', 'the other node''s', 'local-life.yaml', 'x', ?, 'ACTIVE', now())",
                    schema);
            ServerHarness.Reply lost = creation.get();
            assertThat(lost.status()).as(lost.body().toString()).isEqualTo(409);
            assertThat(lost.body().get("field").asString()).isEqualTo("slug");
            assertThat(lost.body().get("detail").asString()).isEqualTo("field \"slug\": is taken by another tenant");
            assertThat(lost.body().get("message").asString()).contains("slug").contains("已被其他租户使用");
            ServerHarness.Reply retried = root.send(deployment, "POST", "/deployment/tenants", "{\"slug\":\"race\","
                    + "\"name\":\"race\",\"plan\":\"local-life.yaml\",\"operatorPassword\":\"race-operator-1\"}", "mine",
                    "en");
            assertThat(retried.body().get("detail")).as("the retry gets the first answer").isEqualTo(
                    lost.body().get("detail"));
            assertThat(retried.body().get("message").asString()).isEqualTo("field \"slug\": is taken by another tenant");
            assertThat(jdbc.queryForObject("SELECT name FROM deployment_tenant WHERE slug = 'race'", String.class))
                    .isEqualTo("the other node's");
        }
    }
}
