package org.zengzhi.server.party;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.party.PartyIds;
import org.zengzhi.engine.partyrules.Waterfall;
import org.zengzhi.server.catalogue.Products;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The consumer's four-party use cases (issue 20 item 3): paying a supplier's product (the engine computes the
 * amount from the listed price, the prepayment and later the whole waterfall; the consumer chooses no split),
 * optionally in part with 贡献值; redeeming 贡献值 to 零钱; transferring it with the plan's fee; rating a product
 * bought. Each goes through the journal under the caller's Idempotency-Key.
 */
@Component
class ConsumerDesk {
    static final int QUANTITY_MAX = 10_000;
    static final int DEVICE_LENGTH_MAX = 128;

    private final EngineGateway gateway;
    private final PartyQueries queries;
    private final Products products;

    ConsumerDesk(EngineGateway gateway, PartyQueries queries, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.queries = queries;
        this.products = new Products(jdbc);
    }

    record Purchase(String product, Integer quantity, String contrib, String promoter, String device) {
    }

    /**
     * Pays a product for {@code user} from {@code device} at {@code ip}. A product of the catalogue leaves its stock
     * first (a conditional update, never below zero) and goes back if the engine refuses the payment.
     */
    CompletableFuture<Response> pay(String key, String user, Purchase body, String ip) {
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
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String order = "po-" + UUID.nameUUIDFromBytes(GatewayCalls.utf8(user + "\n" + key));
        String request = String.join("|", body.product(), String.valueOf(quantity), String.valueOf(contrib),
                String.valueOf(promoter), body.device());
        boolean stocked = products.byId(body.product()) != null;
        if (stocked && !queries.paidOrder(order) && !products.take(body.product(), quantity)) {
            return CompletableFuture.completedFuture(Problems.conflict("quantity", "not enough in stock"));
        }
        return gateway.submit(new CommandRequest(
                now -> new Command.PayPartyOrder(order, now, user, body.product(), quantity, contrib, promoter,
                        body.device(), ip),
                ConsumerDesk::paid, "party-pay:" + user + ":" + key, request)).thenApply(answer -> {
                    if (stocked && answer.status() >= 400 && !queries.paidOrder(order)) {
                        products.giveBack(body.product(), quantity);
                    }
                    return answer;
                });
    }

    private static Response paid(List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        Event.PartyOrderPaid paid = events.stream().filter(Event.PartyOrderPaid.class::isInstance)
                .map(Event.PartyOrderPaid.class::cast).findFirst().orElseThrow();
        var view = PartyViews.JSON.createObjectNode();
        view.put("order", paid.order());
        view.put("product", paid.product());
        view.put("supplier", paid.supplier());
        view.put("amount", Units.formatFen(paid.amountFen()));
        view.put("contrib", Units.formatFen(paid.contribFen()));
        view.put("cash", Units.formatFen(paid.amountFen() - paid.contribFen()));
        view.put("prepaid", Units.formatFen(paid.prepaidFen()));
        view.put("promoter", paid.promoter());
        view.put("risk", paid.risk());
        view.put("status", "PAID");
        return new Response(201, PartyViews.JSON.writeValueAsString(view));
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
