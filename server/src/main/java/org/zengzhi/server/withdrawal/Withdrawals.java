package org.zengzhi.server.withdrawal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The withdrawal use cases: request, review and settle by hand. Each builds its engine command, the
 * command's id, its idempotency scope and the request hash a retry must match, for both the API
 * ({@link WithdrawalController}) and the console's wallet and review queue.
 *
 * <p>One rule names a withdrawal: the server does, {@code "wd-"} and a random UUID, whoever asks. The caller's
 * Idempotency-Key never becomes the id: keys run to {@value GatewayCalls#KEY_LENGTH_MAX} characters while the
 * withdrawals read model holds 128, and an id a caller chooses could be one another user's request already took.
 * A retry does not need the id again: it is answered from the idempotency record of the first request. (The
 * console used to send {@code "wd-"} and its form key; those withdrawals keep their ids, which stay valid.)
 *
 * <p>The API and the console keep their own idempotency scopes and hashes, those the journal's records were
 * written with: the API hashes the path and the body it received, the console the fields of its form.
 */
@Component
public class Withdrawals {
    static final String API_SCOPE = "withdrawals";

    private final EngineGateway gateway;
    private final Payees payees;

    Withdrawals(EngineGateway gateway, Payees payees) {
        this.gateway = gateway;
        this.payees = payees;
    }

    /**
     * A withdrawal asked for through the API, to {@code payee} when one is named: the payee is recorded under the
     * withdrawal's id before the command is submitted, for the payout and the audit (issue 19 item 3). The answer
     * is 201 with the withdrawal as it now stands.
     */
    CompletableFuture<ResponseEntity<String>> request(String user, long amountFen, PayeeAccount payee, String key,
            String path, byte[] body) {
        return requestFrom(user, amountFen, null, null, payee, key, path, body);
    }

    /**
     * A store's withdrawal (门店提现, issue 19 item 2): {@code owner} withdraws from {@code merchant}'s settled cash,
     * to one of the store's payees when one is named; the engine checks that the owner owns the store.
     */
    public CompletableFuture<ResponseEntity<String>> requestForStore(String owner, String merchant, long amountFen,
            PayeeAccount payee, String key, String path, byte[] body) {
        return requestFrom(owner, amountFen, merchant, null, payee, key, path, body);
    }

    /**
     * A supplier's withdrawal (供应商提现, issue 19 item 2, four-party model): {@code owner} withdraws from
     * {@code supplier}'s cash, to one of the supplier's payees when one is named; the engine checks the owner.
     */
    public CompletableFuture<ResponseEntity<String>> requestForSupplier(String owner, String supplier, long amountFen,
            PayeeAccount payee, String key, String path, byte[] body) {
        return requestFrom(owner, amountFen, null, supplier, payee, key, path, body);
    }

    /** The API's withdrawal from the user's own cash, a store's ({@code merchant}) or a supplier's. */
    private CompletableFuture<ResponseEntity<String>> requestFrom(String user, long amountFen, String merchant,
            String supplier, PayeeAccount payee, String key, String path, byte[] body) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        String id = "wd-" + UUID.randomUUID();
        if (payee != null) {
            payees.chosen(id, payee);
        }
        return submit(API_SCOPE, key, apiHash(path, body), now -> new Command.RequestWithdrawal(id, now, user,
                amountFen, merchant, supplier), 201);
    }

    /** A withdrawal asked for on the console's wallet page; the form's key is scoped to the user. */
    public CompletableFuture<ResponseEntity<String>> requestFromConsole(String user, long amountFen, String key) {
        return submit("console-withdraw:" + user, key, user + "|" + amountFen, requestCommand(user, amountFen), 201);
    }

    /** An operator's decision through the API. */
    CompletableFuture<ResponseEntity<String>> review(String id, boolean approve, String reason, String key, String path,
            byte[] body) {
        return submit(API_SCOPE, key, apiHash(path, body), reviewCommand(id, approve, reason, key), 200);
    }

    /**
     * An operator's decision from the console's review queue. One form key serves every row of the queue, so the
     * withdrawal's id joins it: each row is its own request, and a double submit of one row decides once. A blank
     * reason is no reason.
     */
    public CompletableFuture<ResponseEntity<String>> reviewFromConsole(String id, boolean approve, String reason,
            String formKey) {
        String key = formKey + ":" + id;
        String given = reason.isBlank() ? null : reason;
        return submit("console-review", key, id + "|" + approve + "|" + reason, reviewCommand(id, approve, given, key),
                200);
    }

    /** A payout settled by hand, for money paid outside a provider (operators only, API only). */
    CompletableFuture<ResponseEntity<String>> settle(String withdrawal, boolean paid, String reference, String key,
            String path, byte[] body) {
        String commandId = "payout:" + key;
        return submit(API_SCOPE, key, apiHash(path, body),
                now -> new Command.SettleWithdrawal(commandId, now, withdrawal, paid, reference), 200);
    }

    /** The server names the withdrawal here, once per request, on the caller's thread. */
    private static Function<Instant, Command> requestCommand(String user, long amountFen) {
        String id = "wd-" + UUID.randomUUID();
        return now -> new Command.RequestWithdrawal(id, now, user, amountFen);
    }

    private static Function<Instant, Command> reviewCommand(String id, boolean approve, String reason, String key) {
        String commandId = "review:" + key;
        return now -> new Command.ReviewWithdrawal(commandId, now, id, approve, reason);
    }

    /**
     * A retry must repeat the path as well as the body, so that one key cannot approve one withdrawal and,
     * retried, answer for another.
     */
    private static String apiHash(String path, byte[] body) {
        return GatewayCalls.sha256(GatewayCalls.utf8(path), body == null ? new byte[0] : body);
    }

    /** The key is checked first, before anything is built or queued. */
    private CompletableFuture<ResponseEntity<String>> submit(String scope, String key, String requestHash,
            Function<Instant, Command> command, int status) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        Function<List<Event>, Response> render = events -> WithdrawalJson.answer(events, status);
        return GatewayCalls.submit(gateway, scope, key, requestHash, command, render);
    }
}
