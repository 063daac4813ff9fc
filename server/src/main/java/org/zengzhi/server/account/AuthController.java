package org.zengzhi.server.account;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registration, sign-in, sign-out and password changes (R-4.1, R-8.4, issue 19). Registering creates the account
 * and registers the user in the engine with the referrer of the invite code, if any; signing in returns a bearer
 * token; signing out revokes it; changing the password revokes every token of the account. Sign-in and password
 * changes are throttled per account and per address ({@link LoginThrottle}).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BEARER = "Bearer ";

    private final AccountStore accounts;
    private final Registration registration;
    private final PasswordChanges passwordChanges;
    private final LoginThrottle throttle;

    AuthController(AccountStore accounts, Registration registration, PasswordChanges passwordChanges,
            LoginThrottle throttle) {
        this.accounts = accounts;
        this.registration = registration;
        this.passwordChanges = passwordChanges;
        this.throttle = throttle;
    }

    /**
     * What registration and sign-in take. To sign in, {@code username} may be the phone (or {@code phone} given
     * instead); to register, a username, a phone or both, and optionally a display name (issue 20 item 2).
     */
    record Credentials(String username, String password, String invite, String phone, String displayName) {
        /** The name to sign in with: the username, else the phone. */
        String signInName() {
            return username != null ? username : phone;
        }
    }

    record PasswordChange(String username, String currentPassword, String newPassword) {
    }

    /** The Idempotency-Key is optional here: without one a retry of a registration that succeeded gets 409. */
    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> register(@RequestBody Credentials body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && GatewayCalls.keyProblem(key) != null) {
            return GatewayCalls.done(GatewayCalls.keyProblem(key));
        }
        return registration.register(key, Registration.Signup.of(body.username(), body.phone(), body.displayName(),
                body.password(), body.invite())).thenApply(GatewayCalls::entity);
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> login(@RequestBody Credentials body, HttpServletRequest request) {
        if (body.signInName() == null || body.password() == null) {
            return entity(Problems.badRequest(body.signInName() == null ? "username" : "password", "is required"));
        }
        String address = request.getRemoteAddr();
        // Throttled per account whichever name it is signed in with: a phone and its username share one count.
        String name = accounts.canonical(body.signInName());
        if (!throttle.tryAttempt(name, address)) {
            return tooMany();
        }
        AccountStore.Account account = accounts.authenticate(name, body.password());
        if (account == null) {
            return entity(Problems.problem(401, "Unauthorized", "password", "unknown username or wrong password"));
        }
        throttle.succeeded(name, address);
        AccountStore.Token token = accounts.issueToken(account.username());
        ObjectNode reply = JSON.createObjectNode();
        reply.put("token", token.value());
        reply.put("tokenType", "Bearer");
        reply.put("expiresAt", token.expiresAt().toString());
        reply.put("username", account.username());
        reply.put("role", account.role().name());
        return entity(new Response(200, JSON.writeValueAsString(reply)));
    }

    /**
     * Revokes the bearer token the call carries. 204 whether or not it was still live, so a retry after the first
     * call revoked it gets the same answer; that is why this endpoint reads the header itself.
     */
    @PostMapping("/logout")
    ResponseEntity<String> logout(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return entity(keyProblem);
        }
        if (authorization == null || !authorization.startsWith(BEARER) || authorization.length() == BEARER.length()) {
            return entity(Problems.problem(401, "Unauthorized", "Authorization", "send the token to sign out as "
                    + "'Authorization: Bearer <token>'"));
        }
        accounts.revokeToken(authorization.substring(BEARER.length()));
        return ResponseEntity.noContent().build();
    }

    /**
     * Changes a password, proven by the current one (as a sign-in is, and throttled alike), and revokes every
     * token of the account. No bearer token is needed: the change revokes it, and a retry must still reach here.
     */
    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> changePassword(@RequestBody PasswordChange body, HttpServletRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return entity(keyProblem);
        }
        String address = request.getRemoteAddr();
        String name = body.username() == null ? null : accounts.canonical(body.username());
        if (name != null && !throttle.tryAttempt(name, address)) {
            return tooMany();
        }
        Response answer = passwordChanges.change(key, name, body.currentPassword(), body.newPassword());
        if (answer.status() < 300) {
            throttle.succeeded(name, address);
        }
        return entity(answer);
    }

    private static ResponseEntity<String> tooMany() {
        return ResponseEntity.status(429).contentType(GatewayCalls.PROBLEM).header(HttpHeaders.RETRY_AFTER, "60")
                .body(Problems.problem(429, "Too many requests", "password", "too many failed sign-ins for this "
                        + "account or from this address; wait and try again").body());
    }

    private static ResponseEntity<String> entity(Response response) {
        return GatewayCalls.entity(response);
    }
}
