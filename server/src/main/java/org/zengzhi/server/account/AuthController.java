package org.zengzhi.server.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.gateway.CommandRequest;
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
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
    private static final int PASSWORD_LENGTH_MIN = 8;
    private static final int PASSWORD_LENGTH_MAX = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountStore accounts;
    private final EngineGateway gateway;

    AuthController(AccountStore accounts, EngineGateway gateway) {
        this.accounts = accounts;
        this.gateway = gateway;
    }

    record Credentials(String username, String password, String invite) {
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> register(@RequestBody Credentials body) {
        Response problem = credentialsProblem(body);
        if (problem != null) {
            return done(problem);
        }
        String invite = body.invite() == null || body.invite().isBlank() ? null : body.invite();
        return gateway.query(engine -> invite == null || engine.holder(invite) != null).thenCompose(known -> known
                ? create(body, invite) : done(Problems.problem(422, "Rejected", "invite", "no user " + invite)));
    }

    private CompletableFuture<ResponseEntity<String>> create(Credentials body, String invite) {
        if (!accounts.create(body.username(), body.password(), Role.CONSUMER, null)) {
            return done(Problems.conflict("username", "this username is taken"));
        }
        CommandRequest request = new CommandRequest(
                now -> new Command.RegisterUser("register:" + body.username(), now, body.username(), invite),
                events -> registered(body.username(), events), null, null);
        return gateway.submit(request).thenApply(AuthController::entity);
    }

    /** The account exists either way; the engine may already know the user (a walk-in customer). */
    private static Response registered(String username, List<Event> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", username);
        body.put("role", Role.CONSUMER.name());
        Event first = events.get(0);
        if (first instanceof Event.UserRegistered) {
            body.put("referrer", ((Event.UserRegistered) first).referrer());
        } else if (first instanceof Event.CommandRejected) {
            body.put("referrerBound", false);
            body.put("note", ((Event.CommandRejected) first).code().name());
        }
        return new Response(201, JSON.writeValueAsString(body));
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

    private static Response credentialsProblem(Credentials body) {
        if (body.username() == null || !USERNAME.matcher(body.username()).matches()) {
            return Problems.badRequest("username", "3 to 64 letters, digits, '_', '.' or '-'");
        }
        if (body.password() == null || body.password().length() < PASSWORD_LENGTH_MIN
                || body.password().length() > PASSWORD_LENGTH_MAX) {
            return Problems.badRequest("password", "8 to 200 characters");
        }
        if (body.invite() != null && !body.invite().isBlank() && !USERNAME.matcher(body.invite()).matches()) {
            return Problems.badRequest("invite", "is not a username");
        }
        return null;
    }

    private static ResponseEntity<String> entity(Response response) {
        return GatewayCalls.entity(response);
    }

    private static CompletableFuture<ResponseEntity<String>> done(Response response) {
        return GatewayCalls.done(response);
    }


}
