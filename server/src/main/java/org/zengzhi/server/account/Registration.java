package org.zengzhi.server.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.security.SecureRandom;

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
 * Registering a consumer (R-4.1, R-8.4, issue 20 item 2): the account, then the user in the engine under the referrer
 * of the invite code, if any. A consumer registers with a username, a mainland mobile number, or both, and may give a
 * display name in any script. Registered with a phone only, the username (the participant's id and invite code) is
 * made up at random, so an invite link never carries the phone. The API's POST /auth/register and the console's join
 * page (the target of an invite link or QR code) both come here, so they check and answer alike.
 */
public final class Registration {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_CHARACTERS = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final int ID_LENGTH = 10;

    private final AccountStore accounts;
    private final AccountRequests requests;
    private final EngineGateway gateway;

    public Registration(AccountStore accounts, AccountRequests requests, EngineGateway gateway) {
        this.accounts = accounts;
        this.requests = requests;
        this.gateway = gateway;
    }

    /** What a person registers with; username or phone may be blank, not both. */
    public record Signup(String username, String phone, String displayName, String password, String invite) {
        static Signup of(String username, String phone, String displayName, String password, String invite) {
            return new Signup(blankIsNull(username), blankIsNull(phone), blankIsNull(displayName), password,
                    blankIsNull(invite));
        }

        private static String blankIsNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** {@link #register(String, String, String, String)} without an Idempotency-Key (the console's join form). */
    public CompletableFuture<Response> register(String username, String password, String invite) {
        return register(null, username, password, invite);
    }

    public CompletableFuture<Response> register(String key, String username, String password, String invite) {
        return register(key, Signup.of(username, null, null, password, invite));
    }

    /**
     * 201 with the username, role and referrer; 400 naming a malformed field, 409 for a taken name or phone, 422 for
     * an unknown inviter. With an Idempotency-Key, a retry of a registration that succeeded (same username, phone,
     * display name, invite and password) gets its first answer instead of "taken" (issue 19 item 6).
     */
    public CompletableFuture<Response> register(String key, Signup raw) {
        Signup signup = Signup.of(raw.username(), raw.phone(), raw.displayName(), raw.password(), raw.invite());
        Response problem = problem(signup);
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        if (key == null) {
            return checked(withUsername(signup));
        }
        String scoped = "register:" + key;
        String hash = GatewayCalls.sha256(GatewayCalls.utf8(String.valueOf(signup.username())),
                GatewayCalls.utf8(String.valueOf(signup.phone())), GatewayCalls.utf8(String.valueOf(signup.displayName())),
                GatewayCalls.utf8(String.valueOf(signup.invite())));
        Response first = requests.replay(scoped, hash, signup.password());
        if (first != null) {
            return CompletableFuture.completedFuture(first);
        }
        // Kept off the gateway's thread, which completes the future: the insert must not hold up its next batch.
        Signup named = withUsername(signup);
        return checked(named).thenApplyAsync(answer -> {
            if (answer.status() == 201) {
                requests.remember(scoped, hash, named.username(), answer);
            }
            return answer;
        });
    }

    /** A phone-only signup gets a random username: a participant id and invite code that do not reveal the phone. */
    private static Signup withUsername(Signup signup) {
        if (signup.username() != null) {
            return signup;
        }
        StringBuilder id = new StringBuilder("u");
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ID_CHARACTERS[RANDOM.nextInt(ID_CHARACTERS.length)]);
        }
        return new Signup(id.toString(), signup.phone(), signup.displayName(), signup.password(), signup.invite());
    }

    private CompletableFuture<Response> checked(Signup signup) {
        String inviter = signup.invite();
        return gateway.query(engine -> inviter == null || engine.holder(inviter) != null).thenCompose(known -> known
                ? create(signup)
                : CompletableFuture.completedFuture(Problems.problem(422, "Rejected", "invite", "no user " + inviter)));
    }

    private CompletableFuture<Response> create(Signup signup) {
        String taken = accounts.create(signup.username(), signup.phone(), signup.displayName(), signup.password(),
                Role.CONSUMER);
        if (taken != null) {
            return CompletableFuture.completedFuture(Problems.conflict(taken, "phone".equals(taken)
                    ? "this phone number is registered already" : "this username is taken"));
        }
        String username = signup.username();
        CommandRequest request = new CommandRequest(
                now -> new Command.RegisterUser("register:" + username, now, username, signup.invite()),
                events -> registered(signup, events), null, null);
        return gateway.submit(request);
    }

    /** The account exists either way; the engine may already know the user (a walk-in customer). */
    private static Response registered(Signup signup, List<Event> events) {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", signup.username());
        body.put("role", Role.CONSUMER.name());
        if (signup.phone() != null) {
            body.put("phone", signup.phone());
        }
        if (signup.displayName() != null) {
            body.put("displayName", signup.displayName());
        }
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            body.put("referrerBound", false);
            body.put("note", rejected.code().name());
        } else if (events.get(0) instanceof Event.UserRegistered registered) {
            body.put("referrer", registered.referrer());
        }
        return new Response(201, JSON.writeValueAsString(body));
    }

    private static Response problem(Signup signup) {
        if (signup.username() == null && signup.phone() == null) {
            return Problems.badRequest("username", "give a username or a phone number");
        }
        String wrong = signup.username() == null ? null : Identifiers.usernameProblem(signup.username());
        if (wrong != null) {
            return Problems.badRequest("username", wrong);
        }
        wrong = signup.phone() == null ? null : Identifiers.phoneProblem(signup.phone());
        if (wrong != null) {
            return Problems.badRequest("phone", wrong);
        }
        wrong = signup.displayName() == null ? null : Identifiers.displayNameProblem(signup.displayName());
        if (wrong != null) {
            return Problems.badRequest("displayName", wrong);
        }
        String weak = PasswordPolicy.standard().refusal(signup.username() == null ? signup.phone() : signup.username(),
                signup.password());
        if (weak != null) {
            return Problems.badRequest("password", weak);
        }
        if (signup.invite() != null && Identifiers.usernameProblem(signup.invite()) != null) {
            return Problems.badRequest("invite", "is not a username");
        }
        return null;
    }
}
