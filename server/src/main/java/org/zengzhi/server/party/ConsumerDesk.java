package org.zengzhi.server.party;

import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.party.PartyIds;
import org.zengzhi.engine.partyrules.Waterfall;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The consumer's four-party use cases (issue 20 item 3): the form of a purchase (paid by {@link PartyCheckout});
 * redeeming 贡献值 to 零钱; transferring it with the plan's fee; rating a product
 * bought. Each goes through the journal under the caller's Idempotency-Key.
 */
@Component
class ConsumerDesk {
    static final int QUANTITY_MAX = 10_000;
    static final int DEVICE_LENGTH_MAX = 128;

    private final EngineGateway gateway;
    private final PartyQueries queries;

    ConsumerDesk(EngineGateway gateway, PartyQueries queries) {
        this.gateway = gateway;
        this.queries = queries;
    }

    record Purchase(String product, Integer quantity, String contrib, String promoter, String device) {
    }

    /** What is wrong with a purchase's form (key, product, quantity, contrib, promoter, device), or null. */
    static Response purchaseProblem(String key, Purchase body) {
        Response problem = GatewayCalls.keyProblem(key);
        problem = problem != null ? problem : SupplierDesk.idProblem("product", body.product());
        int quantity = body.quantity() == null ? 1 : body.quantity();
        if (problem == null && (quantity <= 0 || quantity > QUANTITY_MAX)) {
            problem = Problems.badRequest("quantity", "a whole number from 1 to " + QUANTITY_MAX);
        }
        long contrib = problem == null ? SupplierDesk.fen(body.contrib()) : 0;
        problem = problem == null && contrib < 0 ? Problems.badRequest("contrib", "an amount such as 5.00") : problem;
        String promoter = body.promoter() == null || body.promoter().isBlank() ? null : body.promoter();
        if (problem == null && promoter != null && promoter.length() > PartyIds.ID_LENGTH_MAX) {
            problem = Problems.badRequest("promoter", "a user id of at most " + PartyIds.ID_LENGTH_MAX + " characters");
        }
        if (problem == null && (body.device() == null || body.device().isBlank() || body.device().length() > DEVICE_LENGTH_MAX)) {
            problem = Problems.badRequest("device", "the device id, 1 to " + DEVICE_LENGTH_MAX + " characters");
        }
        return problem;
    }

    CompletableFuture<Response> redeem(String key, String user, String amount) {
        Response problem = GatewayCalls.keyProblem(key);
        long fen = problem == null ? SupplierDesk.fen(amount) : 0;
        problem = problem == null && fen <= 0 ? Problems.badRequest("amount", "an amount above 0 such as 5.00") : problem;
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        return gateway.submit(new CommandRequest(now -> new Command.RedeemContrib("redeem:" + user + ":" + key, now,
                user, fen), GatewayCalls::render, "party-redeem:" + user + ":" + key, String.valueOf(fen)));
    }

    CompletableFuture<Response> transfer(String key, String user, String to, String amount) {
        Response problem = GatewayCalls.keyProblem(key);
        problem = problem != null ? problem : SupplierDesk.idProblem("to", to);
        long fen = problem == null ? SupplierDesk.fen(amount) : 0;
        problem = problem == null && fen <= 0 ? Problems.badRequest("amount", "an amount above 0 such as 5.00") : problem;
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        return gateway.submit(new CommandRequest(now -> new Command.TransferContrib("transfer:" + user + ":" + key, now,
                user, to, fen), GatewayCalls::render, "party-transfer:" + user + ":" + key, to + "|" + fen));
    }

    /** What a transfer of {@code amountFen} costs and delivers, as the engine will compute it: {fee, received}. */
    static long[] transferQuote(long amountFen, long feePpm) {
        long fee = Waterfall.part(amountFen, feePpm);
        return new long[] {fee, amountFen - fee};
    }

    CompletableFuture<Response> rate(String key, String user, String product, String rating) {
        Response problem = GatewayCalls.keyProblem(key);
        problem = problem != null ? problem : SupplierDesk.idProblem("product", product);
        long centi = -1;
        if (problem == null) {
            try {
                centi = Units.parseFixed(rating == null ? "" : rating, 2);
            } catch (RuntimeException e) {
                centi = -1;
            }
        }
        if (problem == null && (centi < 0 || centi > 500)) {
            problem = Problems.badRequest("rating", "stars from 0 to 5, such as 4.5");
        }
        if (problem == null && !queries.bought(user, product)) {
            problem = Problems.problem(403, "Forbidden", "product", "only a buyer rates a product");
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        int stars = (int) centi;
        return gateway.submit(new CommandRequest(now -> new Command.RateProduct("rate:" + user + ":" + key, now, user,
                product, stars), GatewayCalls::render, "party-rate:" + user + ":" + key, product + "|" + stars));
    }
}
