package org.zengzhi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * for every state-changing operation the server documents (issue 19, item 6): it walks the OpenAPI document
 * the app serves and, for each POST, PUT, PATCH and DELETE, checks that the operation declares the Idempotency-Key
 * header and that a retry under the same key answers the first result (status and body). An operation that is
 * neither in {@link #EXAMPLES} nor in {@link #EXEMPT} fails the test, so a new endpoint cannot slip through
 * without a decision. The account endpoints ({@code /auth/register}, {@code /operator/accounts}) are made
 * idempotent on another branch: until it is merged, this test names them and fails.
 */
class OpenApiIdempotencyIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEPLOYMENT_PASSWORD = "deployment-walk-password";
    private static final Set<String> STATE_CHANGING = Set.of("post", "put", "patch", "delete");

    /**
     * Operations without an Idempotency-Key, each for a reason: signing in issues a token and changes no state of
     * the economy; providers' callbacks are signed by the provider and idempotent by its own transaction id
     * (docs/payments.md), and a provider cannot be asked to send our header.
     */
    private static final Set<String> EXEMPT = Set.of("POST /api/v1/auth/login", "POST /api/v1/payments/callback/{provider}",
            "POST /api/v1/payouts/callback/{provider}", "POST /api/v1/deployment/login");

    /** Who calls an operation and with what body; the path's variables are filled from {@link #IDS}. */
    private record Example(String caller, String body) {
    }

    private static final Map<String, String> IDS = Map.of("{merchant}", "shop", "{region}", "440106", "{order}", "o1",
            "{id}", "unknown-id", "{providerTransfer}", "unknown-transfer", "{providerTransaction}", "unknown-tx",
            "{supplier}", "farm", "{product}", "walk-tea", "{slug}", "walk");

    private static final Map<String, Example> EXAMPLES = Map.ofEntries(
            Map.entry("POST /api/v1/auth/register", new Example(null, "{\"username\":\"walker\",\"password\":\"walker-secret-1\"}")),
            // Without a token a sign-out has nothing to revoke and answers 204 each time; pat's password changes.
            Map.entry("POST /api/v1/auth/logout", new Example(null, null)),
            Map.entry("POST /api/v1/auth/password", new Example(null, "{\"username\":\"pat\",\"currentPassword\":"
                    + "\"pat-secret-1\",\"newPassword\":\"pat-secret-2-longer\"}")),
            Map.entry("POST /api/v1/operator/accounts", new Example("operator",
                    "{\"username\":\"ops2\",\"password\":\"ops2-secret-1\",\"role\":\"OPERATOR\"}")),
            Map.entry("POST /api/v1/operator/subsidy", new Example("operator", "{\"amount\":\"1.00\",\"reason\":\"walk\"}")),
            Map.entry("POST /api/v1/operator/merchants/{merchant}/suspension", new Example("operator",
                    "{\"suspended\":true,\"reason\":\"walk\"}")),
            Map.entry("POST /api/v1/operator/agents", new Example("operator", "{\"user\":\"ann\",\"region\":\"440106\"}")),
            Map.entry("DELETE /api/v1/operator/agents/{region}", new Example("operator", null)),
            Map.entry("POST /api/v1/operator/referrers", new Example("operator",
                    "{\"user\":\"ann\",\"referrer\":\"lee\",\"reason\":\"walk\"}")),
            Map.entry("PUT /api/v1/operator/plan", new Example("operator", "{\"yaml\":\"name: walk\\n\",\"confirm\":true}")),
            Map.entry("POST /api/v1/commands", new Example("operator", "{\"type\":\"tick\"}")),
            Map.entry("POST /api/v1/reports", new Example("ann", "{\"kind\":\"OTHER\",\"subject\":\"shop\",\"details\":\"d\"}")),
            Map.entry("POST /api/v1/operator/reports/{id}/decision", new Example("operator",
                    "{\"outcome\":\"DISMISS\",\"reason\":\"walk\"}")),
            Map.entry("POST /api/v1/orders/{order}/receipt", new Example("ann", null)),
            Map.entry("POST /api/v1/orders/{order}/refund", new Example("operator", null)),
            Map.entry("POST /api/v1/orders/batch", new Example("operator", "[{\"id\":\"b1\",\"user\":\"ann\","
                    + "\"merchant\":\"shop\",\"amount\":\"10.00\",\"channel\":\"store\"}]")),
            Map.entry("POST /api/v1/me/sell", new Example("ann", "{\"points\":\"0.1\"}")),
            Map.entry("POST /api/v1/payments", new Example("ann", "{\"merchant\":\"shop\",\"amount\":\"10.00\","
                    + "\"channel\":\"store\"}")),
            Map.entry("POST /api/v1/payments/sandbox/{providerTransaction}/complete", new Example(null, null)),
            Map.entry("POST /api/v1/payouts/sandbox/{providerTransfer}/complete", new Example("operator", null)),
            Map.entry("POST /api/v1/withdrawals", new Example("ann", "{\"amount\":\"10.00\"}")),
            Map.entry("POST /api/v1/me/payees", new Example("ann", "{\"kind\":\"ALIPAY\",\"account\":\"ann@example.com\","
                    + "\"verifiedName\":\"安妮\"}")),
            Map.entry("POST /api/v1/operator/products", new Example("operator", "{\"product\":\"walk-tea\",\"name\":"
                    + "\"龙井\",\"price\":\"10.00\",\"split\":\"plan\",\"stock\":3}")),
            Map.entry("POST /api/v1/operator/withdrawals/{id}/approve", new Example("operator", null)),
            Map.entry("POST /api/v1/operator/withdrawals/{id}/reject", new Example("operator", "{\"reason\":\"walk\"}")),
            Map.entry("POST /api/v1/payouts/callback", new Example("operator", "{\"withdrawal\":\"unknown-id\","
                    + "\"paid\":true}")),
            Map.entry("POST /api/v1/merchant-requests", new Example("ann", "{\"merchant\":\"ann-shop\",\"region\":"
                    + "\"440106\"}")),
            Map.entry("POST /api/v1/operator/merchant-requests/{id}/decision", new Example("operator",
                    "{\"approve\":false,\"reason\":\"walk\"}")),
            Map.entry("PUT /api/v1/merchants/{merchant}/settings", new Example("lee", "{\"displayName\":\"Shop\","
                    + "\"address\":\"1 Road\"}")),
            // Store wallets (issue 19 item 2): the store's own payees and withdrawals from its settled cash.
            Map.entry("POST /api/v1/merchants/{merchant}/payees", new Example("lee", "{\"kind\":\"ALIPAY\","
                    + "\"account\":\"lee@example.com\",\"verifiedName\":\"李\"}")),
            Map.entry("POST /api/v1/merchants/{merchant}/withdrawals", new Example("lee", "{\"amount\":\"10.00\"}")),
            // moneypaths: suppliers' wallets (issue 19 item 2); this plan has no suppliers, so 404 each time.
            Map.entry("POST /api/v1/suppliers/{supplier}/payees", new Example("lee", "{\"kind\":\"ALIPAY\","
                    + "\"account\":\"lee@example.com\",\"verifiedName\":\"李\"}")),
            Map.entry("POST /api/v1/suppliers/{supplier}/withdrawals", new Example("lee", "{\"amount\":\"10.00\"}")),
            // greenweb: the green-points operator commands (a plan without green points refuses them, the same each time).
            Map.entry("POST /api/v1/operator/green/promoters", new Example("operator", "{\"user\":\"ann\"}")),
            Map.entry("POST /api/v1/operator/green/month-close", new Example("operator", "{\"month\":\"2020-01\"}")),
            // partyweb: the four-party commands of suppliers and consumers (a plan without the model refuses them).
            Map.entry("POST /api/v1/operator/suppliers", new Example("operator", "{\"supplier\":\"walk-farm\","
                    + "\"username\":\"walk-farm\",\"password\":\"Walk-Farm-Hills-88\"}")),
            Map.entry("POST /api/v1/suppliers/{id}/products", new Example("operator", "{\"product\":\"walk-tea\","
                    + "\"name\":\"tea\",\"price\":\"10.00\"}")),
            Map.entry("POST /api/v1/suppliers/{id}/token-redemptions", new Example("operator", "{\"item\":\"feeDiscount\"}")),
            Map.entry("POST /api/v1/me/party/orders", new Example("ann", "{\"product\":\"walk-tea\",\"device\":\"d1\"}")),
            Map.entry("POST /api/v1/me/party/orders/{order}/refund", new Example("ann", null)),
            Map.entry("POST /api/v1/me/party/contrib/redemptions", new Example("ann", "{\"amount\":\"1.00\"}")),
            Map.entry("POST /api/v1/me/party/contrib/transfers", new Example("ann", "{\"to\":\"lee\",\"amount\":\"1.00\"}")),
            Map.entry("POST /api/v1/me/party/ratings", new Example("ann", "{\"product\":\"walk-tea\",\"rating\":\"4.5\"}")),
            // simmod: a simulator run (its own engines); the retry answers the first run's id.
            Map.entry("POST /api/v1/operator/simulations", new Example("operator",
                    "{\"scenario\":\"single-city.yaml\",\"people\":100}")),
            // partyops: the four-party operator's commands (a plan without the four-party model refuses them alike).
            Map.entry("POST /api/v1/operator/party/orders/{order}/verify", new Example("operator", "{\"approve\":true}")),
            Map.entry("POST /api/v1/operator/party/credit-scores", new Example("operator", "{\"user\":\"ann\",\"score\":700}")),
            Map.entry("POST /api/v1/operator/party/escrow-statements", new Example("operator", "{\"balance\":\"10.00\"}")),
            Map.entry("POST /api/v1/operator/party/operating-costs", new Example("operator", "{\"amount\":\"10.00\"}")),
            Map.entry("POST /api/v1/operator/party/data-service-charges", new Example("operator",
                    "{\"supplier\":\"walk-farm\",\"amount\":\"10.00\"}")),
            Map.entry("POST /api/v1/operator/party/month-close", new Example("operator", "{\"month\":\"2020-01\"}")),
            Map.entry("POST /api/v1/operator/party/year-close", new Example("operator", "{\"year\":\"2020\"}")),
            // lead: a change to a listed product (restock, shelf); the retry answers the first result.
            Map.entry("POST /api/v1/operator/products/{product}/changes", new Example("operator", "{\"addStock\":1}")),
            Map.entry("POST /api/v1/suppliers/{id}/products/{product}/changes", new Example("operator",
                    "{\"addStock\":1}")),
            // tenants (issue 21 item 1): the deployment operator creates, suspends and resumes a tenant...
            Map.entry("POST /api/v1/deployment/tenants", new Example("deployment", "{\"slug\":\"walk\",\"name\":"
                    + "\"walk\",\"plan\":\"mall.yaml\",\"operatorPassword\":\"walk-operator-1\"}")),
            Map.entry("POST /api/v1/deployment/tenants/{slug}/suspend", new Example("deployment", null)),
            Map.entry("POST /api/v1/deployment/tenants/{slug}/resume", new Example("deployment", null)),
            // ...renames one, and closes one for good (a suspended one only, its slug typed again).
            Map.entry("POST /api/v1/deployment/tenants/{slug}/rename", new Example("deployment",
                    "{\"name\":\"walk renamed\"}")),
            Map.entry("POST /api/v1/deployment/tenants/{slug}/close", new Example("deployment",
                    "{\"confirm\":\"walk\"}")),
            // ...and moves one onto the Kafka journal (issue 21 deliver 5): the import, the seal on the source, the
            // adoption of a copied schema on the target (this server has no brokers: refused, and so answered again).
            Map.entry("POST /api/v1/deployment/tenants/{slug}/journal/kafka", new Example("deployment", null)),
            Map.entry("POST /api/v1/deployment/tenants/{slug}/seal", new Example("deployment",
                    "{\"target\":\"cluster-b\"}")),
            Map.entry("POST /api/v1/deployment/tenants/adopt", new Example("deployment",
                    "{\"slug\":\"copied\",\"name\":\"copied\",\"schema\":\"tenant_copied\"}")));

    @TempDir
    Path data;

    @Test
    void everyStateChangingOperationTakesAKeyAndAnswersARetryWithTheFirstResult() throws Exception {
        try (ServerHarness server = new ServerHarness(TestDatabases.h2(data)[0],
                "zengzhi.deployment-password=" + DEPLOYMENT_PASSWORD)) {
            Map<String, String> tokens = fixture(server);
            HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.origin() + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(doc.statusCode()).as("the app serves its OpenAPI document").isEqualTo(200);
            JsonNode paths = JSON.readTree(doc.body()).get("paths");
            List<String> walked = new ArrayList<>();
            SoftAssertions softly = new SoftAssertions();
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    if (!STATE_CHANGING.contains(operation.getKey())) {
                        continue;
                    }
                    String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                    walked.add(name);
                    if (!EXEMPT.contains(name)) {
                        check(server, tokens, name, operation.getValue(), softly);
                    }
                }
            }
            assertThat(walked).as("the document lists the operations this test knows").containsAll(EXAMPLES.keySet());
            softly.assertAll();
        }
    }

    private static void check(ServerHarness server, Map<String, String> tokens, String name, JsonNode operation,
            SoftAssertions softly) throws Exception {
        Example example = EXAMPLES.get(name);
        softly.assertThat(example).as("%s: add an example body to EXAMPLES (or a reason to EXEMPT)", name).isNotNull();
        if (example == null) {
            return;
        }
        softly.assertThat(declaresKey(operation)).as("%s declares the Idempotency-Key header", name).isTrue();
        String method = name.substring(0, name.indexOf(' '));
        String path = name.substring(name.indexOf(' ') + "/api/v1".length() + 1);
        for (Map.Entry<String, String> id : IDS.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
        }
        String token = example.caller() == null ? null : tokens.get(example.caller());
        String key = "walk " + name;
        ServerHarness.Reply first = server.send(token, method, path, example.body(), key);
        ServerHarness.Reply retry = server.send(token, method, path, example.body(), key);
        softly.assertThat(first.status()).as("%s: %s", name, first.body()).isLessThan(500);
        softly.assertThat(first.status() == 400 && "Idempotency-Key".equals(text(first.body(), "field")))
                .as("%s takes the key it was sent: %s", name, first.body()).isFalse();
        softly.assertThat(retry.status()).as("%s: a retry answers the first status", name).isEqualTo(first.status());
        softly.assertThat(retry.body()).as("%s: a retry answers the first body", name).isEqualTo(first.body());
    }

    private static boolean declaresKey(JsonNode operation) {
        JsonNode parameters = operation.get("parameters");
        if (parameters == null) {
            return false;
        }
        for (JsonNode parameter : parameters) {
            if ("Idempotency-Key".equals(text(parameter, "name")) && "header".equals(text(parameter, "in"))) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A store "shop" owned by lee and a consumer ann who paid there once (order o1). */
    private static Map<String, String> fixture(ServerHarness server) throws Exception {
        server.send(null, "POST", "/auth/register", "{\"username\":\"ann\",\"password\":\"ann-secret-1\"}", "reg-ann");
        server.send(null, "POST", "/auth/register", "{\"username\":\"lee\",\"password\":\"lee-secret-1\"}", "reg-lee");
        server.send(null, "POST", "/auth/register", "{\"username\":\"pat\",\"password\":\"pat-secret-1\"}", "reg-pat");
        server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
        server.post("o1", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"ann\",\"merchant\":\"shop\",\"amount\":\"100.00\","
                + "\"channel\":\"store\"}");
        ServerHarness.Reply deployment = server.send(null, "POST", "/deployment/login", "{\"username\":\"deployment\","
                + "\"password\":\"" + DEPLOYMENT_PASSWORD + "\"}", null);
        return Map.of("operator", server.login("operator", ServerHarness.OPERATOR_PASSWORD), "ann",
                server.login("ann", "ann-secret-1"), "lee", server.login("lee", "lee-secret-1"), "deployment",
                deployment.body().get("token").asString());
    }
}
