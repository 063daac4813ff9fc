package org.zengzhi.server.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registering a consumer: the account, then the user in the engine under the referrer of the invite
 * code, if any. The API's POST /auth/register and the console's join page (the target of an invite link or QR
 * code) both come here, so they check and answer alike.
 */
public final class Registration {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountStore accounts;
    private final AccountRequests requests;
    private final EngineGateway gateway;

    public Registration(AccountStore accounts, AccountRequests requests, EngineGateway gateway) {
        this.accounts = accounts;
        this.requests = requests;
        this.gateway = gateway;
    }

    /** {@link #register(String, String, String, String)} without an Idempotency-Key (the console's join form). */
    public CompletableFuture<Response> register(String username, String password, String invite) {
        return register(null, username, password, invite);
    }

    /**
     * 201 with the username, role and referrer; 400 naming a malformed field, 409 for a taken name, 422 for an
     * unknown inviter. With an Idempotency-Key, a retry of a registration that succeeded (same username, invite and
     * password) gets its first answer instead of "taken" (issue 19 item 6).
     */
    public CompletableFuture<Response> register(String key, String username, String password, String invite) {
        Response problem = problem(username, password, invite);
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String inviter = invite == null || invite.isBlank() ? null : invite;
        if (key == null) {
            return checked(username, password, inviter);
        }
        String scoped = "register:" + key;
        String hash = GatewayCalls.sha256(GatewayCalls.utf8(username), GatewayCalls.utf8(String.valueOf(inviter)));
        Response first = requests.replay(scoped, hash, password);
        if (first != null) {
            return CompletableFuture.completedFuture(first);
        }
        // Kept off the gateway's thread, which completes the future: the insert must not hold up its next batch.
        return checked(username, password, inviter).thenApplyAsync(answer -> {
            if (answer.status() == 201) {
                requests.remember(scoped, hash, username, answer);
            }
            return answer;
        });
    }

    private CompletableFuture<Response> checked(String username, String password, String inviter) {
        return gateway.query(engine -> inviter == null || engine.holder(inviter) != null).thenCompose(known -> known
                ? create(username, password, inviter)
                : CompletableFuture.completedFuture(Problems.problem(422, "Rejected", "invite", "no user " + inviter)));
    }

    private CompletableFuture<Response> create(String username, String password, String invite) {
        if (!accounts.create(username, password, Role.CONSUMER, null)) {
            return CompletableFuture.completedFuture(Problems.conflict("username", "this username is taken"));
        }
        CommandRequest request = new CommandRequest(
                now -> new Command.RegisterUser("register:" + username, now, username, invite),
                events -> registered(username, events), null, null);
        return gateway.submit(request);
    }

    /** The account exists either way; the engine may already know the user (a walk-in customer). */
    private static Response registered(String username, List<Event> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", username);
        body.put("role", Role.CONSUMER.name());
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            body.put("referrerBound", false);
            body.put("note", rejected.code().name());
        } else if (events.get(0) instanceof Event.UserRegistered registered) {
            body.put("referrer", registered.referrer());
        }
        return new Response(201, JSON.writeValueAsString(body));
    }

    private static Response problem(String username, String password, String invite) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Problems.badRequest("username", "3 to 64 letters, digits, '_', '.' or '-'");
        }
        String weak = PasswordPolicy.standard().refusal(username, password);
        if (weak != null) {
            return Problems.badRequest("password", weak);
        }
        if (invite != null && !invite.isBlank() && !USERNAME.matcher(invite).matches()) {
            return Problems.badRequest("invite", "is not a username");
        }
        return null;
    }
}
