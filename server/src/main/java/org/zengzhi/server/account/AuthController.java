package org.zengzhi.server.account;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registration and sign-in. Registering creates the account and registers the user in the
 * engine with the referrer of the invite code, if any; signing in returns a bearer token.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountStore accounts;
    private final Registration registration;

    AuthController(AccountStore accounts, EngineGateway gateway) {
        this.accounts = accounts;
        this.registration = new Registration(accounts, gateway);
    }

    record Credentials(String username, String password, String invite) {
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> register(@RequestBody Credentials body) {
        return registration.register(body.username(), body.password(), body.invite()).thenApply(AuthController::entity);
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> login(@RequestBody Credentials body) {
        if (body.username() == null || body.password() == null) {
            return entity(Problems.badRequest(body.username() == null ? "username" : "password", "is required"));
        }
        AccountStore.Account account = accounts.authenticate(body.username(), body.password());
        if (account == null) {
            return entity(Problems.problem(401, "Unauthorized", "password", "unknown username or wrong password"));
        }
        AccountStore.Token token = accounts.issueToken(account.username());
        ObjectNode reply = JSON.createObjectNode();
        reply.put("token", token.value());
        reply.put("tokenType", "Bearer");
        reply.put("expiresAt", token.expiresAt().toString());
        reply.put("username", account.username());
        reply.put("role", account.role().name());
        return entity(new Response(200, JSON.writeValueAsString(reply)));
    }

    private static ResponseEntity<String> entity(Response response) {
        return GatewayCalls.entity(response);
    }
}
