package org.zengzhi.server.wallet;

import java.util.concurrent.CompletableFuture;

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
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A consumer's own pages of the API: sell points with a payout preview, the
 * price series, their postings and orders, their invite code, and how far their exit is.
 */
@RestController
@RequestMapping("/api/v1")
class WalletController {
    private static final int PAGE_SIZE_MAX = 200;
    private static final int PRICES_MAX = 5_000;

    private final EngineGateway gateway;
    private final Sales sales;
    private final PriceQueries prices;
    private final PostingQueries postings;

    WalletController(EngineGateway gateway, Sales sales, PriceQueries prices, PostingQueries postings) {
        this.gateway = gateway;
        this.sales = sales;
        this.prices = prices;
        this.postings = postings;
    }

    record Sale(String points) {
    }

    /** Your own wallet. */
    @GetMapping("/me/wallet")
    CompletableFuture<ResponseEntity<String>> myWallet(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return wallet(me.getName(), me);
    }

    /** A user's wallet: the user themselves or an operator only (object-level check, R-8.4). */
    @GetMapping("/users/{user}/wallet")
    CompletableFuture<ResponseEntity<String>> wallet(@PathVariable String user,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!me.getName().equals(user) && !Access.isOperator(me)) {
            return GatewayCalls.done(Problems.problem(403, "Forbidden", "user", "you may read only your own wallet"));
        }
        return gateway.query(engine -> WalletViews.json(engine, user)).thenApply(body -> body == null
                ? GatewayCalls.entity(Problems.problem(404, "Not found", "user", "no user " + user))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body));
    }

    /** What selling {@code points} would pay now: gross value and payout at β (卖出预览). */
    @GetMapping("/me/sell-preview")
    CompletableFuture<ResponseEntity<String>> preview(@RequestParam String points,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        long pointsMicro;
        try {
            pointsMicro = Units.parsePointsMicro(points);
        } catch (IllegalArgumentException e) {
            return done(Problems.badRequest("points", e.getMessage()));
        }
        if (pointsMicro <= 0) {
            return done(Problems.badRequest("points", "must be more than 0: \"" + points + "\""));
        }
        return gateway.query(engine -> WalletViews.preview(engine, me.getName(), pointsMicro)).thenApply(WalletController::json);
    }

    /** Sells points back to the pool (卖出/兑换零钱); the payout lands in the cash wallet. */
    @PostMapping(path = "/me/sell", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> sell(@RequestBody Sale sale,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        long pointsMicro;
        try {
            pointsMicro = Units.parsePointsMicro(sale.points());
        } catch (IllegalArgumentException e) {
            return done(Problems.badRequest("points", e.getMessage()));
        }
        return sales.sell(me.getName(), pointsMicro, key);
    }

    /** The price series for charts: the exact pair and its display, newest last. */
    @GetMapping("/prices")
    ResponseEntity<String> prices(@RequestParam(defaultValue = "500") int limit,
            @RequestParam(required = false) Long before) {
        int rows = Math.max(1, Math.min(limit, PRICES_MAX));
        return json(WalletViews.prices(prices.page(before, rows)));
    }

    /**
     * The whole price history for a chart (issue 20 item 7): cut into {@code buckets} runs, each keeping its first,
     * lowest, highest and last price, so no rise is lost however long the history; oldest first.
     */
    @GetMapping("/prices/chart")
    ResponseEntity<String> priceChart(@RequestParam(defaultValue = "500") int buckets) {
        if (buckets < 1 || buckets > PRICES_MAX) {
            return entity(Problems.badRequest("buckets", "1 ≤ buckets ≤ " + PRICES_MAX));
        }
        return json(WalletViews.chart(prices.chart(buckets)));
    }

    /** The caller's postings, newest first, a page at a time. */
    @GetMapping("/me/postings")
    ResponseEntity<String> postings(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (page < 0 || size < 1 || size > PAGE_SIZE_MAX) {
            return entity(Problems.badRequest(page < 0 ? "page" : "size", "page ≥ 0 and 1 ≤ size ≤ " + PAGE_SIZE_MAX));
        }
        return json(WalletViews.postings(postings.ofUser(me.getName(), page, size), page, size));
    }

    /** The invite code is the username: a link or QR code carrying it binds new users. */
    @GetMapping("/me/invite")
    ResponseEntity<String> invite(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return json(WalletViews.invite(me.getName()));
    }

    /** the price at which the caller's exit comes and roughly how much new consumption that takes. */
    @GetMapping("/me/exit")
    CompletableFuture<ResponseEntity<String>> exit(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> WalletViews.exit(engine, me.getName())).thenApply(WalletController::json);
    }

    private static ResponseEntity<String> json(String body) {
        return GatewayCalls.json(body);
    }

    private static ResponseEntity<String> entity(Response response) {
        return GatewayCalls.entity(response);
    }

    private static CompletableFuture<ResponseEntity<String>> done(Response response) {
        return GatewayCalls.done(response);
    }
}
