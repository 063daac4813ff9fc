package org.zengzhi.server.green;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.node.ArrayNode;

/**
 * The green-points model's API (issue 20 items 1–3 and 6, issue 17): each role's own view, read on the
 * replica, and the operator's two commands (appoint a promoter, close a month) through the journal, each
 * with an Idempotency-Key. {@code /api/v1/operator/**} is the operator's by the security config.
 */
@RestController
@RequestMapping("/api/v1")
class GreenController {
    private static final int ID_LENGTH_MAX = 200;

    private final EngineGateway gateway;
    private final GreenHistory history;

    GreenController(EngineGateway gateway, GreenHistory history) {
        this.gateway = gateway;
        this.history = history;
    }

    record Appointment(String user, String coach) {
    }

    record MonthClose(String month) {
    }

    /** The caller's green wallet: lots, vouchers (抵用券), coins (金币) and the next dividend of each pool. */
    @GetMapping("/me/green")
    CompletableFuture<ResponseEntity<String>> mine(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        ArrayNode dividends = history.dividendsOf(me.getName(), "consumer");
        return view(engine -> GreenViews.consumer(engine, me.getName()), "plan")
                .thenApplyAsync(answer -> withHistory(answer, body -> GreenHistory.withDividends(body, dividends)));
    }

    /**
     * A store's green points and vouchers: its merchant account, its owner or an operator only (object-level
     * check, R-8.4).
     */
    @GetMapping("/merchants/{id}/green")
    CompletableFuture<ResponseEntity<String>> merchant(@PathVariable String id,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        boolean staff = Access.isOperator(me) || id.equals(me.getAttribute("merchant"));
        ArrayNode dividends = history.dividendsOf(id, "merchant");
        return gateway.query(engine -> {
            String owner = engine.merchantOwner(id);
            if (owner == null) {
                return Problems.problem(404, "Not found", "id", "no merchant " + id);
            }
            if (!staff && !owner.equals(me.getName())) {
                return Problems.problem(403, "Forbidden", "id", "you may read only your own store");
            }
            String body = GreenViews.merchant(engine, id);
            return body == null ? noGreen("plan") : new org.zengzhi.server.gateway.Response(200, body);
        }).thenApplyAsync(GatewayCalls::entity).thenApply(answer -> withHistory(answer,
                body -> GreenHistory.withDividends(body, dividends)));
    }

    /** The caller's promoter page: month's metric, rank, promotion and demotion, coach and coachees. */
    @GetMapping("/me/promoter")
    CompletableFuture<ResponseEntity<String>> promoter(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        ArrayNode income = history.incomeOf(me.getName());
        return view(engine -> GreenViews.promoter(engine, me.getName()), "plan")
                .thenApplyAsync(answer -> withHistory(answer, body -> GreenHistory.with(body, "income", income)));
    }

    /** The operator's green dashboard: pools, coverage of vouchers and coins, promoter board. */
    @GetMapping("/operator/green")
    CompletableFuture<ResponseEntity<String>> operator() {
        ArrayNode dividends = history.pools();
        return view(GreenViews::operator, "plan")
                .thenApplyAsync(answer -> withHistory(answer, body -> GreenHistory.with(body, "dividends", dividends)));
    }

    /** Makes a user a promoter (推广员), optionally under a coach who is one: an AppointPromoter command. */
    @PostMapping(path = "/operator/green/promoters", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> appoint(@RequestBody Appointment body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body.user() == null || body.user().isBlank() || body.user().length() > ID_LENGTH_MAX) {
            return GatewayCalls.done(Problems.badRequest("user", "a user id of 1 to " + ID_LENGTH_MAX + " characters"));
        }
        String coach = body.coach() == null || body.coach().isBlank() ? null : body.coach();
        if (coach != null && coach.length() > ID_LENGTH_MAX) {
            return GatewayCalls.done(Problems.badRequest("coach", "a user id of at most " + ID_LENGTH_MAX + " characters"));
        }
        return GatewayCalls.submit(gateway, "green-appoint", key, body.user() + "|" + coach,
                now -> new Command.AppointPromoter("appoint:" + key, now, body.user(), coach));
    }

    /** Closes a promoter month (月结): ranks, commissions and subsidies of that month, a CloseMonth command. */
    @PostMapping(path = "/operator/green/month-close", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> close(@RequestBody MonthClose body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        try {
            YearMonth.parse(body.month() == null ? "" : body.month());
        } catch (DateTimeParseException e) {
            return GatewayCalls.done(Problems.badRequest("month", "a month as YYYY-MM, such as 2026-11"));
        }
        return GatewayCalls.submit(gateway, "green-close", key, body.month(),
                now -> new Command.CloseMonth("close:" + key, now, body.month()));
    }

    private CompletableFuture<ResponseEntity<String>> view(Function<Engine, String> query, String field) {
        return gateway.query(query).thenApply(body -> body == null ? GatewayCalls.entity(noGreen(field))
                : GatewayCalls.json(body));
    }

    /**
     * A view's answer with its history added (read from the read models on the request's thread before, merged off
     * the gateway's thread); errors as they are.
     */
    private static ResponseEntity<String> withHistory(ResponseEntity<String> answer, UnaryOperator<String> add) {
        return answer.getStatusCode().value() == 200 ? GatewayCalls.json(add.apply(answer.getBody())) : answer;
    }

    private static org.zengzhi.server.gateway.Response noGreen(String field) {
        return Problems.problem(404, "Not found", field, "the plan in force has no green points (绿色积分)");
    }
}
