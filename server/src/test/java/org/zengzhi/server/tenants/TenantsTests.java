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

    /**
     * Every endpoint of tenant A, the id-taking ones among them (the list of the authorization suite, ServerRecoveryTests
     * #noConsumerReachesAnotherOnesObjects, and the operator's, plus every mapping of A's controllers: TenantMappings) with A's ids and B's tokens, B's consumer's and B's
     * operator's: 401, the token is unknown in A. A's private ids in B with B's operator: 404. Neither tenant's state
     * changes. Tokens of the default tenant and of the deployment are unknown in both, and theirs at the root.
     */
    @Test
    void noTokenIdOrKeyCrossesTenants() throws Exception {
        try (ServerHarness server = start(database())) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = deploymentToken(root);
            assertThat(create(root, deployment, "a", "alpha", "local-life.yaml", A_PASSWORD).status()).isEqualTo(201);
            assertThat(create(root, deployment, "b", "beta", "local-life.yaml", B_PASSWORD).status()).isEqualTo(201);
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            String operatorA = alpha.login("operator", A_PASSWORD);
            String operatorB = beta.login("operator", B_PASSWORD);
            String alice = populate(alpha, operatorA, "alice", "10.00");
            String bob = populate(beta, operatorB, "bob", "10.00");
            tools.jackson.databind.JsonNode payment = alpha.send(alice, "POST", "/payments", "{\"order\":\"o9\","
                    + "\"user\":\"alice\",\"merchant\":\"shop\",\"channel\":\"store\",\"amount\":\"5.00\"}",
                    "pay-o9").body();
            String paymentId = payment.get("payment").asString();
            fund(alpha, operatorA, "alice");
            ServerHarness.Reply withdrawn = alpha.send(alice, "POST", "/withdrawals", "{\"user\":\"alice\","
                    + "\"amount\":\"20.00\"}", "wd-1");
            assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(201);
            String withdrawal = withdrawn.body().get("id").asString();
            String hashA = hash(alpha, operatorA);
            String hashB = hash(beta, operatorB);

            List<String> endpoints = new ArrayList<>(List.of("GET /users/alice/wallet", "GET /merchants/shop/orders",
                    "GET /merchants/shop/postings", "GET /merchants/shop/customers", "GET /merchants/shop/pay-code",
                    "GET /merchants/shop/settlements", "GET /merchants/shop/rewards", "GET /merchants/shop/settings",
                    "PUT /merchants/shop/settings", "GET /operator/rewards", "GET /operator/exits",
                    "POST /orders/o1/receipt", "POST /orders/o1/refund", "GET /payments/" + paymentId,
                    "POST /payments/sandbox/" + payment.get("providerTransaction").asString() + "/complete",
                    "GET /withdrawals/" + withdrawal, "GET /economy", "GET /operator/check", "GET /operator/withdrawals",
                    "GET /operator/reports", "GET /operator/merchant-requests", "GET /operator/holders.csv",
                    "POST /operator/withdrawals/" + withdrawal + "/approve", "POST /payouts/callback",
                    "POST /payouts/sandbox/sbt_1/complete", "POST /commands", "POST /orders/batch", "GET /me/wallet",
                    "GET /me/orders", "POST /payments", "POST /withdrawals"));
            // ... and every other endpoint A's controllers map, found from its context, not listed by hand.
            String transaction = payment.get("providerTransaction").asString();
            List<String> mapped = TenantMappings.endpoints(server.bean(Tenants.class).context("alpha"),
                    TenantMappings.byName(Map.of("user", "alice", "merchant", "shop", "order", "o1", "payment",
                            paymentId, "providerTransaction", transaction, "providerTransfer", "sbt_1", "region", "440106",
                            "provider", "sandbox"), path -> path.contains("withdrawals") ? withdrawal
                                    : path.contains("payments") ? paymentId : "o1"));
            assertThat(mapped).as("the enumeration finds the hand list's endpoints and more")
                    .contains("GET /users/alice/wallet", "GET /payments/" + paymentId, "POST /operator/withdrawals/"
                            + withdrawal + "/approve").hasSizeGreaterThan(endpoints.size());
            // The anonymous endpoints (SecurityConfig's permitAll: sign-in, registration, the providers' callbacks) take
            // no id of A and look at no token; they are the only ones left out, and exactly these.
            List<String> anonymous = List.of("POST /auth/login", "POST /auth/logout", "POST /auth/password",
                    "POST /auth/register", "POST /payments/callback/sandbox", "POST /payouts/callback/sandbox");
            assertThat(mapped).containsAll(anonymous);
            mapped.stream().filter(endpoint -> !endpoints.contains(endpoint) && !anonymous.contains(endpoint))
                    .forEach(endpoints::add);
            Map<String, String> strangers = new LinkedHashMap<>();
            strangers.put("B's consumer", bob);
            strangers.put("B's operator", operatorB);
            strangers.put("the default tenant's operator", server.login("operator", "operator-test-password"));
            strangers.put("the deployment operator", deployment);
            for (Map.Entry<String, String> stranger : strangers.entrySet()) {
                for (String endpoint : endpoints) {
                    String[] parts = endpoint.split(" ");
                    ServerHarness.Reply reply = alpha.send(stranger.getValue(), parts[0], parts[1],
                            parts[0].equals("GET") ? null : "{\"type\":\"tick\"}", "k-" + parts[1]);
                    assertThat(reply.status()).as(stranger.getKey() + " on A's " + endpoint).isEqualTo(401);
                }
            }
            // A's own people still get through (positive control) ...
            assertThat(alpha.send(alice, "GET", "/payments/" + paymentId, null, null).status()).isEqualTo(200);
            assertThat(alpha.send(alice, "GET", "/withdrawals/" + withdrawal, null, null).status()).isEqualTo(200);
            // ... and A's ids mean nothing in B, even to B's operator.
            assertThat(beta.send(operatorB, "GET", "/payments/" + paymentId, null, null).status()).isEqualTo(404);
            assertThat(beta.send(operatorB, "GET", "/withdrawals/" + withdrawal, null, null).status()).isEqualTo(404);
            assertThat(beta.send(operatorB, "POST", "/operator/withdrawals/" + withdrawal + "/approve", "{}", "ap-1")
                    .status()).isIn(404, 422);
            assertThat(beta.send(operatorB, "GET", "/operator/withdrawals", null, null).body().toString())
                    .doesNotContain(withdrawal);
            // A tenant's operator is nobody at the root, nor on the deployment API.
            assertThat(root.send(operatorA, "GET", "/economy", null, null).status()).isEqualTo(401);
            assertThat(root.send(operatorA, "GET", "/deployment/tenants", null, null).status()).isEqualTo(401);
            assertThat(root.send(server.login("operator", "operator-test-password"), "GET", "/deployment/tenants", null,
                    null).status()).as("the default tenant's operator is not the deployment's").isEqualTo(401);
            assertThat(hash(alpha, operatorA)).as("nothing changed in A").isEqualTo(hashA);
            assertThat(hash(beta, operatorB)).as("nothing changed in B").isEqualTo(hashB);

            // The same Idempotency-Key in both tenants: two independent results, each retried as its own.
            ServerHarness.Reply inA = alpha.send(operatorA, "POST", "/commands", "{\"type\":\"pay\",\"id\":\"o2\","
                    + "\"user\":\"alice\",\"merchant\":\"shop\",\"amount\":\"30.00\",\"channel\":\"store\"}",
                    "same-key");
            ServerHarness.Reply inB = beta.send(operatorB, "POST", "/commands", "{\"type\":\"pay\",\"id\":\"o2\","
                    + "\"user\":\"bob\",\"merchant\":\"shop\",\"amount\":\"70.00\",\"channel\":\"store\"}",
                    "same-key");
            assertThat(inA.status()).isEqualTo(200);
            assertThat(inB.status()).as("the key is B's own, not a conflict with A's").isEqualTo(200);
            assertThat(inA.body().toString()).contains("alice").doesNotContain("bob");
            assertThat(inB.body().toString()).contains("bob").doesNotContain("alice");
            assertThat(alpha.send(operatorA, "POST", "/commands", "{\"type\":\"pay\",\"id\":\"o2\",\"user\":"
                    + "\"alice\",\"merchant\":\"shop\",\"amount\":\"30.00\",\"channel\":\"store\"}", "same-key")
                    .body()).isEqualTo(inA.body());
            assertThat(root.send(server.login("operator", "operator-test-password"), "POST", "/commands",
                    "{\"type\":\"tick\"}", "same-key").status()).as("and the default tenant's own").isEqualTo(200);
        }
    }

    /**
     * The deployment API: bad input names the field (in Chinese by default, English on request) and creates
     * nothing; a retry answers the first result; a taken slug is 409; suspending refuses the tenant's API (503
     * problem) and pages (503 page) while the other tenant and the default one are served; resuming serves it
     * again with the same state; an unknown slug is 404.
     */
    @Test
    void theDeploymentOperatorCreatesSuspendsAndResumes() throws Exception {
        try (ServerHarness server = start(database())) {
            TenantClient root = new TenantClient(server.origin(), null);
            assertThat(root.send(null, "GET", "/deployment/tenants", null, null).status()).isEqualTo(401);
            assertThat(root.send(null, "POST", "/deployment/login", "{\"username\":\"deployment\",\"password\":"
                    + "\"wrong-password\"}", null).status()).isEqualTo(401);
            String deployment = deploymentToken(root);
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("{\"slug\":\"A!\",\"name\":\"x\",\"plan\":\"mall.yaml\"}", "slug");
            bad.put("{\"slug\":\"default\",\"name\":\"x\",\"plan\":\"mall.yaml\"}", "slug");
            bad.put("{\"name\":\"x\",\"plan\":\"mall.yaml\"}", "slug");
            bad.put("{\"slug\":\"gamma\",\"name\":\"\",\"plan\":\"mall.yaml\"}", "name");
            bad.put("{\"slug\":\"gamma\",\"name\":\"x\",\"plan\":\"nothing.yaml\"}", "plan");
            bad.put("{\"slug\":\"gamma\",\"name\":\"x\",\"plan\":\"/etc/passwd\"}", "plan");
            bad.put("{\"slug\":\"gamma\",\"name\":\"x\",\"plan\":\"name: broken\\nrules: 3\\n\"}", "plan");
            bad.put("{\"slug\":\"gamma\",\"name\":\"x\",\"plan\":\"mall.yaml\",\"operatorPassword\":\"short\"}",
                    "operatorPassword");
            bad.put("{\"slug\":\"gamma\",\"name\":\"x\",\"plan\":\"mall.yaml\",\"owner\":\"me\"}", "owner");
            for (Map.Entry<String, String> request : bad.entrySet()) {
                ServerHarness.Reply refused = root.send(deployment, "POST", "/deployment/tenants", request.getKey(),
                        "bad-" + request.hashCode());
                assertThat(refused.status()).as(request.getKey()).isEqualTo(400);
                assertThat(refused.body().get("field").asString()).as(request.getKey()).isEqualTo(request.getValue());
            }
            // One server shows every tenant's times in one zone (PlanTime): a plan in another zone is refused.
            ServerHarness.Reply berlin = root.send(deployment, "POST", "/deployment/tenants", "{\"slug\":\"gamma\","
                    + "\"name\":\"x\",\"plan\":\"" + json(greenPlanIn("Europe/Berlin")) + "\"}", "bad-zone");
            assertThat(berlin.status()).isEqualTo(400);
            assertThat(berlin.body().get("field").asString()).isEqualTo("plan");
            assertThat(berlin.body().get("message").asString()).contains("Europe/Berlin").contains("时区");
            ServerHarness.Reply chinese = root.send(deployment, "POST", "/deployment/tenants", "{\"slug\":\"A!\","
                    + "\"name\":\"x\",\"plan\":\"mall.yaml\"}", "bad-zh");
            assertThat(chinese.body().get("message").asString()).contains("小写字母");
            ServerHarness.Reply english = root.send(deployment, "POST", "/deployment/tenants", "{\"slug\":\"A!\","
                    + "\"name\":\"x\",\"plan\":\"mall.yaml\"}", "bad-en", "en");
            assertThat(english.body().get("message").asString()).contains("lower-case letters");
            assertThat(root.send(deployment, "POST", "/deployment/tenants", "{\"slug\":\"gamma\",\"name\":\"x\","
                    + "\"plan\":\"mall.yaml\"}", null).body().get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(root.send(deployment, "GET", "/deployment/tenants", null, null).body().get("tenants").size())
                    .as("bad input created nothing").isZero();

            ServerHarness.Reply a = create(root, deployment, "a", "alpha", "mall.yaml", A_PASSWORD);
            assertThat(a.status()).isEqualTo(201);
            assertThat(a.body().get("createdAt").asString()).as("China's time").endsWith("+08:00");
            assertThat(create(root, deployment, "a", "alpha", "mall.yaml", A_PASSWORD).body()).as("a retry")
                    .isEqualTo(a.body());
            assertThat(create(root, deployment, "a", "alpha", "four-party.yaml", A_PASSWORD).status())
                    .as("the key with another body").isEqualTo(409);
            ServerHarness.Reply taken = create(root, deployment, "a2", "alpha", "mall.yaml", A_PASSWORD);
            assertThat(taken.status()).isEqualTo(409);
            assertThat(taken.body().get("field").asString()).isEqualTo("slug");
            assertThat(create(root, deployment, "b", "beta", "four-party.yaml", B_PASSWORD).status()).isEqualTo(201);
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            String operatorA = alpha.login("operator", A_PASSWORD);
            String operatorB = beta.login("operator", B_PASSWORD);
            String hashA = hash(alpha, operatorA);
            assertThat(root.send(deployment, "GET", "/deployment/tenants", null, null).body().get("tenants").toString())
                    .contains("\"alpha\"").contains("\"beta\"").contains("four-party.yaml");

            ServerHarness.Reply suspended = root.send(deployment, "POST", "/deployment/tenants/alpha/suspend", null, "s1");
            assertThat(suspended.status()).isEqualTo(200);
            assertThat(suspended.body().get("status").asString()).isEqualTo("SUSPENDED");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/suspend", null, "s1").body())
                    .as("a retry").isEqualTo(suspended.body());
            ServerHarness.Reply refused = alpha.send(operatorA, "GET", "/economy", null, null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().get("field").asString()).isEqualTo("slug");
            assertThat(refused.body().get("message").asString()).contains("暂停");
            assertThat(alpha.send(operatorA, "GET", "/economy", null, null, "en").body().get("message").asString())
                    .contains("suspended");
            java.net.http.HttpResponse<String> page = TenantClient.page(server.origin() + "/t/alpha/login", null);
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("平台已暂停").contains("/assets/console.css");
            assertThat(TenantClient.page(server.origin() + "/t/alpha/login?lang=en", null).body())
                    .contains("Platform suspended");
            assertThat(beta.send(operatorB, "GET", "/economy", null, null).status()).as("B is served").isEqualTo(200);
            assertThat(root.send(server.login("operator", "operator-test-password"), "GET", "/economy", null, null)
                    .status()).as("so is the default tenant").isEqualTo(200);
            ServerHarness.Reply unknown = new TenantClient(server.origin(), "nobody").send(operatorB, "GET", "/economy",
                    null, null);
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body().get("field").asString()).isEqualTo("slug");
            assertThat(TenantClient.page(server.origin() + "/t/nobody/console", null).statusCode()).isEqualTo(404);
            assertThat(root.send(deployment, "POST", "/deployment/tenants/nobody/suspend", null, "s2").status())
                    .isEqualTo(404);

            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/resume", null, "r1").body()
                    .get("status").asString()).isEqualTo("ACTIVE");
            assertThat(hash(alpha, operatorA)).as("its tokens and state kept").isEqualTo(hashA);
        }
    }

    /**
     * Issue 21 deliver 1, the deployment operator manages tenants fully: a rename keeps the slug (its paths, its
     * tokens, its state); only a suspended tenant closes, with its slug typed again; a closed tenant answers 410 on
     * its API and pages, cannot be resumed, renamed or re-created, and stays closed after a restart with its schema
     * kept. Each tenant's OpenAPI document names its own server URL. On restart the tenants start in parallel and
     * one whose journal is gone is reported (not running) while the others serve.
     */
    @Test
    void aTenantIsRenamedClosedForGoodAndABrokenOneDoesNotStopTheOthers() throws Exception {
        String[] database = database();
        String hashB;
        try (ServerHarness server = start(database)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = deploymentToken(root);
            assertThat(create(root, deployment, "a", "alpha", "local-life.yaml", A_PASSWORD).status()).isEqualTo(201);
            assertThat(create(root, deployment, "b", "beta", "mall.yaml", B_PASSWORD).status()).isEqualTo(201);
            assertThat(create(root, deployment, "c", "gamma", "local-life.yaml", B_PASSWORD).status()).isEqualTo(201);
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            String operatorA = alpha.login("operator", A_PASSWORD);
            populate(alpha, operatorA, "alice", "10.00");
            String hashA = hash(alpha, operatorA);

            // Rename: the name changes, nothing else.
            ServerHarness.Reply empty = root.send(deployment, "POST", "/deployment/tenants/alpha/rename",
                    "{\"name\":\"  \"}", "rn-bad");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.body().get("field").asString()).isEqualTo("name");
            assertThat(empty.body().get("message").asString()).contains("个字符");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/rename", "{\"name\":\"\"}", "rn-en",
                    "en").body().get("message").asString()).contains("characters");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/rename", "{\"name\":\"x\"}", null)
                    .body().get("field").asString()).isEqualTo("Idempotency-Key");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/rename", "{\"slug\":\"other\"}",
                    "rn-slug").body().get("field").asString()).as("the slug cannot be renamed").isEqualTo("slug");
            ServerHarness.Reply renamed = root.send(deployment, "POST", "/deployment/tenants/alpha/rename",
                    "{\"name\":\"阿尔法平台\"}", "rn-1");
            assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
            assertThat(renamed.body().get("name").asString()).isEqualTo("阿尔法平台");
            assertThat(renamed.body().get("slug").asString()).isEqualTo("alpha");
            assertThat(renamed.body().get("api").asString()).isEqualTo("/t/alpha/api/v1");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/rename", "{\"name\":\"阿尔法平台\"}",
                    "rn-1").body()).as("a retry").isEqualTo(renamed.body());
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/rename", "{\"name\":\"另一个\"}",
                    "rn-1").status()).as("the key with another body").isEqualTo(409);
            assertThat(root.send(deployment, "POST", "/deployment/tenants/nobody/rename", "{\"name\":\"x\"}", "rn-2")
                    .status()).isEqualTo(404);
            assertThat(hash(alpha, operatorA)).as("served, same tokens, same state").isEqualTo(hashA);

            // Each tenant's OpenAPI document describes its own API under its own prefix.
            java.net.http.HttpResponse<String> docsPage = TenantClient.page(server.origin() + "/t/beta/v3/api-docs", null);
            assertThat(docsPage.statusCode()).as(docsPage.body()).isEqualTo(200);
            ServerHarness.Reply docs = new ServerHarness.Reply(200, tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(docsPage.body()));
            assertThat(docs.body().get("servers").get(0).get("url").asString()).isEqualTo(server.origin() + "/t/beta");
            assertThat(docs.body().get("paths").has("/api/v1/economy")).isTrue();
            assertThat(docs.body().get("paths").has("/api/v1/deployment/tenants")).as("no deployment in a tenant").isFalse();
            assertThat(TenantClient.page(server.origin() + "/t/beta/api-docs", null).statusCode()).isIn(200, 302);

            // Close: only a suspended tenant, only with its slug typed again.
            ServerHarness.Reply active = root.send(deployment, "POST", "/deployment/tenants/alpha/close",
                    "{\"confirm\":\"alpha\"}", "cl-0");
            assertThat(active.status()).isEqualTo(409);
            assertThat(active.body().get("field").asString()).isEqualTo("status");
            assertThat(active.body().get("message").asString()).contains("暂停");
            assertThat(alpha.send(operatorA, "GET", "/economy", null, null).status()).as("still served").isEqualTo(200);
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/suspend", null, "s1").status())
                    .isEqualTo(200);
            ServerHarness.Reply mistyped = root.send(deployment, "POST", "/deployment/tenants/alpha/close",
                    "{\"confirm\":\"alpah\"}", "cl-1");
            assertThat(mistyped.status()).isEqualTo(400);
            assertThat(mistyped.body().get("field").asString()).isEqualTo("confirm");
            assertThat(mistyped.body().get("message").asString()).contains("确认");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/close", null, "cl-2", "en").body()
                    .get("message").asString()).as("no body: the field is named").contains("confirm");
            ServerHarness.Reply closed = root.send(deployment, "POST", "/deployment/tenants/alpha/close",
                    "{\"confirm\":\"alpha\"}", "cl-3");
            assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
            assertThat(closed.body().get("status").asString()).isEqualTo("CLOSED");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/close", "{\"confirm\":\"alpha\"}",
                    "cl-3").body()).as("a retry").isEqualTo(closed.body());
            assertClosed(server, root, deployment, alpha, operatorA);
            assertThat(beta.send(beta.login("operator", B_PASSWORD), "GET", "/economy", null, null).status())
                    .as("the others are served").isEqualTo(200);
            hashB = hash(beta, beta.login("operator", B_PASSWORD));
            // A journal gone (a damaged schema): that tenant cannot start again; the test's way to break one.
            org.springframework.jdbc.core.JdbcTemplate jdbc = server.bean(org.springframework.jdbc.core.JdbcTemplate.class);
            String gammaSchema = jdbc.queryForObject("SELECT schema_name FROM deployment_tenant WHERE slug = 'gamma'",
                    String.class);
            assertThat(root.send(deployment, "POST", "/deployment/tenants/gamma/suspend", null, "s-g").status())
                    .isEqualTo(200);
            jdbc.execute("DROP TABLE " + gammaSchema + ".journal CASCADE");
            jdbc.update("UPDATE deployment_tenant SET status = 'ACTIVE' WHERE slug = 'gamma'");
        }
        try (ServerHarness server = start(database)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = deploymentToken(root);
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            assertClosed(server, root, deployment, alpha, null);
            assertThat(hash(beta, beta.login("operator", B_PASSWORD))).as("beta started beside the broken one")
                    .isEqualTo(hashB);
            assertThat(new TenantClient(server.origin(), "gamma").send(null, "GET", "/economy", null, null).status())
                    .as("the broken tenant answers 503").isEqualTo(503);
            tools.jackson.databind.JsonNode list = root.send(deployment, "GET", "/deployment/tenants", null, null).body()
                    .get("tenants");
            Map<String, Boolean> running = new LinkedHashMap<>();
            list.forEach(tenant -> running.put(tenant.get("slug").asString(), tenant.get("running").asBoolean()));
            assertThat(running).containsEntry("alpha", false).containsEntry("beta", true).containsEntry("gamma", false);
        }
    }

    /** A closed tenant: 410 on its API and pages (Chinese and English), not resumed, renamed or re-created. */
    private static void assertClosed(ServerHarness server, TenantClient root, String deployment, TenantClient alpha,
            String operatorA) throws Exception {
        ServerHarness.Reply gone = alpha.send(operatorA, "GET", "/economy", null, null);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body().get("field").asString()).isEqualTo("slug");
        assertThat(gone.body().get("message").asString()).contains("关闭");
        assertThat(alpha.send(operatorA, "GET", "/economy", null, null, "en").body().get("message").asString())
                .contains("closed");
        java.net.http.HttpResponse<String> page = TenantClient.page(server.origin() + "/t/alpha/console", null);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("平台已关闭");
        for (String change : List.of("resume", "suspend")) {
            ServerHarness.Reply refused = root.send(deployment, "POST", "/deployment/tenants/alpha/" + change, null,
                    "after-close-" + change + "-" + server.origin().hashCode());
            assertThat(refused.status()).as(change).isEqualTo(410);
            assertThat(refused.body().get("field").asString()).isEqualTo("slug");
        }
        assertThat(root.send(deployment, "POST", "/deployment/tenants/alpha/rename", "{\"name\":\"x\"}",
                "after-close-rename-" + server.origin().hashCode()).status()).isEqualTo(410);
        assertThat(create(root, deployment, "recreate-" + server.origin().hashCode(), "alpha", "mall.yaml", A_PASSWORD)
                .status()).as("the slug stays taken: its schema is kept").isEqualTo(409);
        assertThat(root.send(deployment, "GET", "/deployment/tenants", null, null).body().get("tenants").toString())
                .contains("\"CLOSED\"").contains("阿尔法平台");
    }

    /** Gives a user 1600.00 of cash: 2000.00 straight into an empty pool, then every point sold (as the suite does). */
    private static void fund(TenantClient tenant, String operator, String user) throws Exception {
        assertThat(tenant.send(operator, "POST", "/commands", "{\"type\":\"order\",\"id\":\"fund-" + user
                + "\",\"user\":\"" + user + "\",\"amount\":\"2000.00\",\"poolShare\":\"2000.00\"}", "fund-" + user)
                .status()).isEqualTo(200);
        String points = tenant.send(operator, "GET", "/users/" + user + "/wallet", null, null).body().get("points")
                .asString();
        assertThat(tenant.send(operator, "POST", "/commands", "{\"type\":\"sell\",\"id\":\"sell-" + user
                + "\",\"user\":\"" + user + "\",\"points\":\"" + points + "\"}", "sell-" + user).status())
                .isEqualTo(200);
    }

    @Test
    void twoTenantsInTwoModelsSurviveARestartAsSuspendedOrNot() throws Exception {
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
            assertThat(root.send(deployment, "POST", "/deployment/tenants/beta/suspend", null, "s").status()).isEqualTo(200);
        }
        try (ServerHarness server = start(database)) {
            TenantClient alpha = new TenantClient(server.origin(), "alpha");
            TenantClient beta = new TenantClient(server.origin(), "beta");
            TenantClient root = new TenantClient(server.origin(), null);
            assertThat(hash(alpha, alpha.login("operator", A_PASSWORD))).isEqualTo(hashA);
            assertThat(beta.send(null, "GET", "/economy", null, null).status()).as("still suspended").isEqualTo(503);
            assertThat(root.send(deploymentToken(root), "POST", "/deployment/tenants/beta/resume", null, "r").status())
                    .isEqualTo(200);
            assertThat(hash(beta, beta.login("operator", B_PASSWORD))).isEqualTo(hashB);
            assertThat(hash(root, server.login("operator", "operator-test-password"))).isEqualTo(hashDefault);
        }
    }

    private static String greenPlanIn(String zone) throws java.io.IOException {
        try (java.io.InputStream preset = TenantsTests.class.getResourceAsStream("/plans/green-points.yaml")) {
            String yaml = new String(preset.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(yaml).contains("timeZone: Asia/Shanghai");
            return yaml.replace("timeZone: Asia/Shanghai", "timeZone: " + zone);
        }
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
