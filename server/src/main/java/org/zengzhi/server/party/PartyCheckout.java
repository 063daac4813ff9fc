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
import org.zengzhi.engine.party.PartyRejection;
import org.zengzhi.server.catalogue.Products;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.payment.PartyPurchase;
import org.zengzhi.server.payment.Payments;
import org.zengzhi.server.payment.Pricing;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A consumer pays a four-party order through the payment provider, and asks for its refund (issues 19 and 20).
 * Everything the engine would refuse (product, promoter, 贡献值 held, device) and the stock are checked before a
 * payment intent exists; the cash part ({@code amount − contrib}) becomes the intent, and the engine's
 * PayPartyOrder is submitted only by the provider's verified callback ({@link Payments#callback}), once per
 * provider transaction. An order paid wholly in 贡献值 needs no intent and goes to the engine at once. A refund
 * before settlement claws the prepayment back from the supplier and the cash goes back through the provider
 * ({@code ProviderOutbox}); a settled order is refused with ALREADY_SETTLED.
 */
@Component
class PartyCheckout {
    private final EngineGateway gateway;
    private final PartyQueries queries;
    private final Products products;
    private final Payments payments;

    PartyCheckout(EngineGateway gateway, PartyQueries queries, JdbcTemplate jdbc, Payments payments) {
        this.gateway = gateway;
        this.queries = queries;
        this.products = new Products(jdbc);
        this.payments = payments;
    }

    /** The engine's answer to a check before payment: the refusal, or the order's amount in fen. */
    private record Quote(PartyRejection refusal, long amountFen, boolean party) {
    }

    /**
     * Pays a product for {@code user} from {@code device} at {@code ip}: 201 with the payment intent (its
     * {@code payUrl}) when cash is due, or 201 with the paid order when 贡献值 pays all of it.
     */
    CompletableFuture<Response> pay(String key, String user, ConsumerDesk.Purchase body, String ip) {
        Response problem = ConsumerDesk.purchaseProblem(key, body);
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        int quantity = body.quantity() == null ? 1 : body.quantity();
        long contrib = SupplierDesk.fen(body.contrib());
        String promoter = body.promoter() == null || body.promoter().isBlank() ? null : body.promoter();
        String order = "po-" + UUID.nameUUIDFromBytes(GatewayCalls.utf8(user + "\n" + key));
        String request = String.join("|", body.product(), String.valueOf(quantity), String.valueOf(contrib),
                String.valueOf(promoter), body.device());
        // The intent's key is the caller's key scoped to the caller, hashed so that it fits whatever their lengths.
        String paymentKey = "party-pay:" + Payments.sha256(GatewayCalls.utf8(user + "\n" + key));
        String hash = Payments.sha256(GatewayCalls.utf8(request));
        Response replayed = payments.replayed(paymentKey, hash);
        if (replayed != null) {
            return CompletableFuture.completedFuture(replayed);
        }
        PartyPurchase purchase = new PartyPurchase(body.product(), quantity, contrib, promoter, body.device(), ip);
        return gateway.query(engine -> quote(engine, purchase.command(order, engine.clock(), user)))
                .thenCompose(quote -> {
                    if (!quote.party()) {
                        return CompletableFuture.completedFuture(PartyService.noParty());
                    }
                    if (quote.refusal() != null && !queries.paidOrder(order)) {
                        return CompletableFuture.completedFuture(Problems.rejected(quote.refusal().code().name(),
                                quote.refusal().field()));
                    }
                    long cash = quote.amountFen() - contrib;
                    return cash > 0 && !queries.paidOrder(order)
                            ? CompletableFuture.completedFuture(intent(paymentKey, hash, order, user, cash, purchase))
                            : payInContrib(key, user, order, purchase, request);
                });
    }

    private static Quote quote(org.zengzhi.engine.Engine engine, Command.PayPartyOrder pay) {
        if (engine.party() == null) {
            return new Quote(null, 0, false);
        }
        PartyRejection refusal = engine.party().paymentProblem(pay);
        return new Quote(refusal, refusal == null ? engine.party().amountFen(pay.product(), pay.quantity()) : 0, true);
    }

    /** The cash part as a payment intent; a catalogue product's stock is taken first and goes back with it. */
    private Response intent(String paymentKey, String hash, String order, String user, long cashFen,
            PartyPurchase purchase) {
        boolean stocked = products.byId(purchase.product()) != null;
        if (stocked && !products.take(purchase.product(), purchase.quantity())) {
            return Problems.conflict("quantity", "not enough in stock");
        }
        List<Pricing.Item> items = stocked ? List.of(new Pricing.Item(purchase.product(), purchase.quantity())) : null;
        return payments.createParty(paymentKey, hash, order, user, cashFen, purchase, items);
    }

    /** An order 贡献值 pays in full: no cash, so no provider; the engine's PayPartyOrder goes through at once. */
    private CompletableFuture<Response> payInContrib(String key, String user, String order, PartyPurchase purchase,
            String request) {
        boolean stocked = products.byId(purchase.product()) != null;
        if (stocked && !queries.paidOrder(order) && !products.take(purchase.product(), purchase.quantity())) {
            return CompletableFuture.completedFuture(Problems.conflict("quantity", "not enough in stock"));
        }
        return gateway.submit(new CommandRequest(now -> purchase.command(order, now, user), PartyCheckout::paid,
                "party-pay:" + user + ":" + key, request)).thenApply(answer -> {
                    if (stocked && answer.status() >= 400 && !queries.paidOrder(order)) {
                        products.giveBack(purchase.product(), purchase.quantity());
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

    /**
     * Refunds the caller's unsettled order (the engine's RefundOrder on a four-party order): the prepayment is
     * clawed back from the supplier, the 贡献值 part comes back to the consumer and the cash part is refunded at the
     * provider once this is committed. Another user's order is 404, as is an unknown one.
     */
    CompletableFuture<Response> refund(String key, String user, String order) {
        Response problem = GatewayCalls.keyProblem(key);
        problem = problem != null ? problem : SupplierDesk.idProblem("order", order);
        if (problem == null && !user.equals(queries.buyerOf(order))) {
            problem = Problems.problem(404, "Not found", "order", "you have no order " + order);
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        return gateway.submit(new CommandRequest(now -> new Command.RefundOrder("party-refund:" + user + ":" + key, now,
                order), PartyCheckout::refunded, "party-refund:" + user + ":" + key, order));
    }

    private static Response refunded(List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        Event.PartyOrderRefunded refund = events.stream().filter(Event.PartyOrderRefunded.class::isInstance)
                .map(Event.PartyOrderRefunded.class::cast).findFirst().orElseThrow();
        var view = PartyViews.JSON.createObjectNode();
        view.put("order", refund.order());
        view.put("amount", Units.formatFen(refund.amountFen()));
        view.put("clawedBack", Units.formatFen(refund.clawedBackFen()));
        view.put("advanced", Units.formatFen(refund.advancedFen()));
        view.put("cashRefunded", Units.formatFen(refund.cashRefundedFen()));
        view.put("contribRefunded", Units.formatFen(refund.contribRefundedFen()));
        view.put("status", "REFUNDED");
        return new Response(200, PartyViews.JSON.writeValueAsString(view));
    }
}
