package org.zengzhi.server.consumer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Units;
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
class ConsumerController {
    private static final int PAGE_SIZE_MAX = 200;
    private static final int PRICES_MAX = 5_000;

    private final EngineGateway gateway;
    private final JdbcTemplate jdbc;

    ConsumerController(EngineGateway gateway, JdbcTemplate jdbc) {
        this.gateway = gateway;
        this.jdbc = jdbc;
    }

    record Sale(String points) {
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
        return gateway.query(engine -> ConsumerViews.preview(engine, me.getName(), pointsMicro)).thenApply(ConsumerController::json);
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
        String user = me.getName();
        return GatewayCalls.submit(gateway, "sell:" + user, key, user + "|" + pointsMicro,
                now -> new Command.SellPoints("sell:" + user + ":" + key, now, user, pointsMicro));
    }

    /** The price series for charts: the exact pair and its display, newest last. */
    @GetMapping("/prices")
    ResponseEntity<String> prices(@RequestParam(defaultValue = "500") int limit) {
        int rows = Math.max(1, Math.min(limit, PRICES_MAX));
        List<Map<String, Object>> prices = jdbc.queryForList("SELECT at, pool_cash, circulating_points FROM price_history "
                + "ORDER BY command_seq DESC, event_index DESC LIMIT " + rows);
        return json(ConsumerViews.prices(prices));
    }

    /** The caller's postings, newest first, a page at a time. */
    @GetMapping("/me/postings")
    ResponseEntity<String> postings(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (page < 0 || size < 1 || size > PAGE_SIZE_MAX) {
            return entity(Problems.badRequest(page < 0 ? "page" : "size", "page ≥ 0 and 1 ≤ size ≤ " + PAGE_SIZE_MAX));
        }
        return json(ConsumerViews.postings(jdbc, me.getName(), page, size));
    }

    /** The invite code is the username: a link or QR code carrying it binds new users. */
    @GetMapping("/me/invite")
    ResponseEntity<String> invite(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return json(ConsumerViews.invite(me.getName()));
    }

    /** the price at which the caller's exit comes and roughly how much new consumption that takes. */
    @GetMapping("/me/exit")
    CompletableFuture<ResponseEntity<String>> exit(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> ConsumerViews.exit(engine, me.getName())).thenApply(ConsumerController::json);
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
