package org.zengzhi.server.party;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The four-party API for suppliers, consumers and promoters (issue 20 items 1–4; docs/api.md "Four-party"). A
 * supplier's endpoints take its id and answer only its own login and operators (R-8.4); {@code /operator/**}
 * is the operator's by the security config. Every POST takes an Idempotency-Key.
 */
@RestController
@RequestMapping("/api/v1")
class PartyController {
    private final SupplierDesk suppliers;
    private final ConsumerDesk consumers;
    private final PartyCheckout checkout;
    private final PartyService views;
    private final PartyQueries queries;

    private final org.zengzhi.server.catalogue.ProductChanges productChanges;

    PartyController(SupplierDesk suppliers, ConsumerDesk consumers, PartyCheckout checkout, PartyService views,
            PartyQueries queries, org.zengzhi.server.catalogue.ProductChanges productChanges) {
        this.productChanges = productChanges;
        this.suppliers = suppliers;
        this.consumers = consumers;
        this.checkout = checkout;
        this.views = views;
        this.queries = queries;
    }

    record TokenRedemption(String item) {
    }

    record Amount(String amount) {
    }

    record Transfer(String to, String amount) {
    }

    record Rating(String product, String rating) {
    }

    /** Registers a supplier (RegisterSupplier with baseline and deposit) and its login with the SUPPLIER role. */
    @PostMapping(path = "/operator/suppliers", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> register(@RequestBody SupplierDesk.Registration body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return answer(suppliers.register(key, body));
    }

    @GetMapping("/suppliers/{id}")
    CompletableFuture<ResponseEntity<String>> supplier(@PathVariable String id,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Response refused = refused(id, me);
        return answer(refused != null ? CompletableFuture.completedFuture(refused) : views.supplier(id));
    }

    @PostMapping(path = "/suppliers/{id}/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> list(@PathVariable String id, @RequestBody SupplierDesk.Listing body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Response refused = refused(id, me);
        return answer(refused != null ? CompletableFuture.completedFuture(refused) : suppliers.list(key, id, body));
    }

    /**
     * The supplier restocks, writes off or shelves one of its own products (issue 19 item 1: "operators and suppliers
     * manage" the catalogue): the operator's product change, for a product this supplier listed.
     */
    @PostMapping(path = "/suppliers/{id}/products/{product}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> changeProduct(@PathVariable String id, @PathVariable String product, @RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Response refused = refused(id, me);
        if (refused == null) {
            refused = GatewayCalls.keyProblem(key);
        }
        if (refused == null && !id.equals(queries.supplierOfProduct(product))) {
            refused = Problems.problem(404, "Not found", "product", "supplier " + id + " lists no product " + product);
        }
        return GatewayCalls.entity(refused != null ? refused
                : productChanges.change("supplier-product-changes:" + id + ":" + key, product, body));
    }

    /** Spends tokens (STOKEN) on a traffic package of the plan or on {@code feeDiscount} for the next month. */
    @PostMapping(path = "/suppliers/{id}/token-redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> redeemTokens(@PathVariable String id, @RequestBody TokenRedemption body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Response refused = refused(id, me);
        return answer(refused != null ? CompletableFuture.completedFuture(refused)
                : suppliers.redeemTokens(key, id, body.item()));
    }

    @GetMapping("/me/party")
    CompletableFuture<ResponseEntity<String>> wallet(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return answer(views.consumer(me.getName()));
    }

    /**
     * Pays a supplier's product: the amount is the listed price × quantity, computed by the engine; its cash part
     * becomes a payment intent at the provider, and the order is paid when the provider's callback says so.
     * {@code ip} is the request's remote address as the servlet container sees it (docs/api.md: behind a proxy,
     * configure {@code server.forward-headers-strategy} so that it is the client's).
     */
    @PostMapping(path = "/me/party/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> pay(@RequestBody ConsumerDesk.Purchase body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me, HttpServletRequest request) {
        return answer(checkout.pay(key, me.getName(), body, request.getRemoteAddr()));
    }

    /** Refunds the caller's order before it settles; the cash goes back through the provider. */
    @PostMapping("/me/party/orders/{order}/refund")
    CompletableFuture<ResponseEntity<String>> refund(@PathVariable String order,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return answer(checkout.refund(key, me.getName(), order));
    }

    /** Redeems 贡献值 to 零钱, 1:1 from the reserve that backs it. */
    @PostMapping(path = "/me/party/contrib/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> redeem(@RequestBody Amount body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return answer(consumers.redeem(key, me.getName(), body.amount()));
    }

    /** Transfers 贡献值 to another user; the plan's fee (1%) goes to the platform. */
    @PostMapping(path = "/me/party/contrib/transfers", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> transfer(@RequestBody Transfer body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return answer(consumers.transfer(key, me.getName(), body.to(), body.amount()));
    }

    /** What a transfer of {@code amount} costs and delivers, before the user confirms it. */
    @GetMapping("/me/party/contrib/transfer-quote")
    CompletableFuture<ResponseEntity<String>> quote(@RequestParam(required = false) String amount) {
        long fen = SupplierDesk.fen(amount);
        if (fen <= 0) {
            return GatewayCalls.done(Problems.badRequest("amount", "an amount above 0 such as 5.00"));
        }
        return answer(views.transferFeePpm().thenApply(ppm -> {
            if (ppm < 0) {
                return PartyService.noParty();
            }
            long[] quote = ConsumerDesk.transferQuote(fen, ppm);
            var view = PartyViews.JSON.createObjectNode();
            view.put("amount", Units.formatFen(fen));
            view.put("fee", Units.formatFen(quote[0]));
            view.put("received", Units.formatFen(quote[1]));
            PartyViews.rate(view, "transferFee", ppm);
            return new Response(200, PartyViews.JSON.writeValueAsString(view));
        }));
    }

    @PostMapping(path = "/me/party/ratings", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> rate(@RequestBody Rating body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return answer(consumers.rate(key, me.getName(), body.product(), body.rating()));
    }

    /** The seed-000 promoter ladder: rank, team, thresholds, credit score and commissions. */
    @GetMapping("/me/party-promoter")
    CompletableFuture<ResponseEntity<String>> promoter(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return answer(views.promoter(me.getName()));
    }

    /** Null when the caller may act for the supplier: its own login or an operator; else a 403 naming the id. */
    private Response refused(String supplier, OAuth2AuthenticatedPrincipal me) {
        if (Access.isOperator(me) || supplier.equals(queries.supplierOf(me.getName()))) {
            return null;
        }
        return Problems.problem(403, "Forbidden", "id", "you may act only for your own supplier");
    }

    private static CompletableFuture<ResponseEntity<String>> answer(CompletableFuture<Response> response) {
        return response.thenApply(GatewayCalls::entity);
    }
}
