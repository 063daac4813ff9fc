package org.zengzhi.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zengzhi.server.ApiRequests;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.ServerHarness.Reply;

/**
 * Sign-in, accounts and tokens over real HTTP (issue 19 items 6 and 10), shared by the H2 and PostgreSQL runs.
 * One server per class: every test uses usernames of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuthTests {
    private final HttpClient http = HttpClient.newHttpClient();
    private ServerHarness server;

    /** Properties that point a fresh server at an empty database of this kind. */
    abstract String[] database() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = new ServerHarness(database());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Reply register(String key, String username, String password) throws Exception {
        return server.send(null, "POST", "/auth/register", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}", key);
    }

    private Reply login(String username, String password) throws Exception {
        return server.send(null, "POST", "/auth/login", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\"}", null);
    }

    @Test
    void aBurstOfWrongPasswordsIsStoppedBeforeTheRightOneGetsThrough() throws Exception {
        assertThat(register(null, "burst", "burst-passphrase").status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            assertThat(login("burst", "wrong-guess-" + i).status()).as("guess " + i).isEqualTo(401);
        }
        HttpResponse<String> refused = raw("POST", "/api/v1/auth/login", "{\"username\":\"burst\",\"password\":"
                + "\"burst-passphrase\"}", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(login("someone-else", "wrong-guess").status()).as("other accounts are not held up").isEqualTo(401);
    }

    @Test
    void weakPasswordsAreRefusedNamingTheField() throws Exception {
        for (String weak : new String[] {"12345678", "password", "password123", "weakling", "weakling99"}) {
            Reply refused = register(null, "weakling", weak);
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.body().get("field").asString()).isEqualTo("password");
        }
        Reply operatorMade = server.post("/operator/accounts", "weak-op", "{\"username\":\"weak-shop\",\"password\":"
                + "\"1234567890\",\"role\":\"CONSUMER\"}");
        assertThat(operatorMade.status()).isEqualTo(400);
        assertThat(operatorMade.body().get("field").asString()).isEqualTo("password");
    }

    @Test
    void aRetriedRegistrationGetsItsFirstAnswer() throws Exception {
        Reply first = register("reg-1", "retrier", "retrier-passphrase");
        assertThat(first.status()).isEqualTo(201);
        Reply retry = register("reg-1", "retrier", "retrier-passphrase");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        Reply otherPassword = register("reg-1", "retrier", "another-passphrase");
        assertThat(otherPassword.status()).isEqualTo(409);
        assertThat(otherPassword.body().get("field").asString()).isEqualTo("Idempotency-Key");
        Reply otherUser = register("reg-1", "retrier2", "retrier-passphrase");
        assertThat(otherUser.status()).isEqualTo(409);
        assertThat(otherUser.body().get("field").asString()).isEqualTo("Idempotency-Key");
        Reply newKey = register("reg-2", "retrier", "retrier-passphrase");
        assertThat(newKey.status()).as("a new request for a taken name").isEqualTo(409);
        assertThat(newKey.body().get("field").asString()).isEqualTo("username");
    }

    @Test
    void aRetriedAccountCreationGetsItsFirstAnswer() throws Exception {
        String body = "{\"username\":\"lee-shop\",\"password\":\"lee-shop-passphrase\",\"role\":\"MERCHANT\","
                + "\"merchant\":\"lee\"}";
        Reply first = server.post("/operator/accounts", "acct-1", body);
        assertThat(first.status()).isEqualTo(201);
        Reply retry = server.post("/operator/accounts", "acct-1", body);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        Reply otherStore = server.post("/operator/accounts", "acct-1", body.replace("\"lee\"", "\"lin\""));
        assertThat(otherStore.status()).isEqualTo(409);
        assertThat(otherStore.body().get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void signingOutRevokesTheToken() throws Exception {
        assertThat(register(null, "leaver", "leaver-passphrase").status()).isEqualTo(201);
        String token = server.login("leaver", "leaver-passphrase");
        assertThat(server.send(token, "GET", "/me/invite", null, null).status()).isEqualTo(200);
        assertThat(server.send(token, "POST", "/auth/logout", null, "out-1").status()).isEqualTo(204);
        assertThat(server.send(token, "GET", "/me/invite", null, null).status()).isEqualTo(401);
        assertThat(server.send(token, "POST", "/auth/logout", null, "out-1").status()).as("a retry").isEqualTo(204);
        assertThat(server.send(token, "POST", "/auth/logout", null, null).status()).as("no key").isEqualTo(400);
    }

    @Test
    void aPasswordChangeRevokesEveryTokenOfTheUser() throws Exception {
        assertThat(register(null, "changer", "changer-passphrase").status()).isEqualTo(201);
        String phone = server.login("changer", "changer-passphrase");
        String laptop = server.login("changer", "changer-passphrase");
        String change = "{\"username\":\"changer\",\"currentPassword\":\"changer-passphrase\","
                + "\"newPassword\":\"changer-new-passphrase\"}";
        Reply changed = server.send(null, "POST", "/auth/password", change, "pw-1");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(server.send(phone, "GET", "/me/invite", null, null).status()).isEqualTo(401);
        assertThat(server.send(laptop, "GET", "/me/invite", null, null).status()).isEqualTo(401);
        assertThat(login("changer", "changer-passphrase").status()).isEqualTo(401);
        assertThat(login("changer", "changer-new-passphrase").status()).isEqualTo(200);
        Reply retry = server.send(null, "POST", "/auth/password", change, "pw-1");
        assertThat(retry.status()).as("a retry gets the first answer").isEqualTo(200);
        assertThat(retry.body()).isEqualTo(changed.body());
        Reply weak = server.send(null, "POST", "/auth/password", "{\"username\":\"changer\",\"currentPassword\":"
                + "\"changer-new-passphrase\",\"newPassword\":\"1234567890\"}", "pw-2");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().get("field").asString()).isEqualTo("newPassword");
    }

    @Test
    void refusalsAreProblemJsonInUtf8() throws Exception {
        HttpResponse<String> unauthorized = raw("GET", "/api/v1/economy", null, null);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Content-Type").orElseThrow())
                .contains("application/problem+json").containsIgnoringCase("charset=UTF-8");
        assertThat(register(null, "nosy", "nosy-passphrase").status()).isEqualTo(201);
        HttpResponse<String> forbidden = raw("GET", "/api/v1/operator/check", null, server.login("nosy", "nosy-passphrase"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type").orElseThrow())
                .contains("application/problem+json").containsIgnoringCase("charset=UTF-8");
    }

    @Test
    void consolePagesCarryCspAndHsts() throws Exception {
        HttpResponse<String> page = raw("GET", "/login", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
    }

    @Test
    void theConsoleAnswersA403WithItsOwnPage() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.origin() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as("a form post without its CSRF token").isEqualTo(403);
        assertThat(refused.body()).contains("id=\"denied\"").contains("无权访问");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    private HttpResponse<String> raw(String method, String path, String json, String token) throws Exception {
        return http.send(ApiRequests.builder(method, server.origin() + path, token, json, null).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
