package org.zengzhi.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;
import org.zengzhi.server.demo.DemoLoginBoard;
import org.zengzhi.server.demo.DemoLogins;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21 deliver 1, "--demo may create two in different models": {@code serve --demo} (which sets
 * {@code zengzhi.demo.second-tenant=green}) fills the default tenant with the local-life demo and creates
 * {@code /t/green/} on the green-points plan with its own demo economy and logins; a restart starts it again
 * without creating it twice. Without the property (the other tests' demos) no second tenant is made.
 */
class DemoTenantIT {
    private static final String PASSWORD = "demo-visitor-2026";

    @Test
    void serveDemoAddsAGreenPointsTenantBesideTheLocalLifeDemo() throws Exception {
        String[] database = TestDatabases.h2(Files.createTempDirectory("zengzhi-demo-tenant-it"));
        String hash;
        try (ServerHarness server = boot(database)) {
            TenantClient root = new TenantClient(server.origin(), null);
            TenantClient green = new TenantClient(server.origin(), "green");
            String operator = green.login("operator", PASSWORD);
            JsonNode economy = green.send(operator, "GET", "/economy", null, null).body();
            assertThat(economy.get("plan").asString()).isNotEqualTo(root.send(server.login("operator",
                    "operator-test-password"), "GET", "/economy", null, null).body().get("plan").asString());
            ApplicationContext context = server.bean(Tenants.class).context("green");
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM journal WHERE "
                    + "rejection IS NULL", Long.class)).as("the green demo's commands, journaled").isGreaterThan(20);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM journal WHERE "
                    + "rejection IS NOT NULL", Long.class)).as("none refused").isZero();
            List<DemoLogins.Login> logins = context.getBean(DemoLoginBoard.class).logins();
            assertThat(logins).isNotEmpty();
            for (DemoLogins.Login login : logins) {
                green.login(login.username(), PASSWORD);
            }
            assertThat(TenantClient.page(server.origin() + "/t/green/login?lang=zh", null).body()).contains("演示账号")
                    .contains(">" + logins.get(0).username() + "<");
            assertThat(server.bean(DemoLoginBoard.class).logins()).as("the default tenant's own demo").isNotEmpty();
            JsonNode tenants = root.send(TenantsTests.deploymentToken(root), "GET", "/deployment/tenants", null, null)
                    .body().get("tenants");
            assertThat(tenants.size()).isEqualTo(1);
            assertThat(tenants.get(0).get("plan").asString()).isEqualTo("green-points.yaml");
            assertThat(tenants.get(0).get("running").asBoolean()).isTrue();
            hash = TenantsTests.hash(green, operator);
        }
        try (ServerHarness server = boot(database)) {
            TenantClient root = new TenantClient(server.origin(), null);
            TenantClient green = new TenantClient(server.origin(), "green");
            assertThat(TenantsTests.hash(green, green.login("operator", PASSWORD))).as("started again, not refilled")
                    .isEqualTo(hash);
            assertThat(root.send(TenantsTests.deploymentToken(root), "GET", "/deployment/tenants", null, null).body()
                    .get("tenants").size()).as("not created twice").isEqualTo(1);
        }
    }

    private static ServerHarness boot(String[] database) throws Exception {
        List<String> properties = new ArrayList<>(List.of(database));
        properties.addAll(List.of("zengzhi.demo=true", "zengzhi.demo-password=" + PASSWORD,
                "zengzhi.demo.second-tenant=green", "zengzhi.deployment-password=" + TenantsTests.DEPLOYMENT_PASSWORD));
        return new ServerHarness(properties.toArray(String[]::new));
    }
}
