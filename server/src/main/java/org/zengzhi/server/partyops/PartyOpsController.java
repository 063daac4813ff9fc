package org.zengzhi.server.partyops;

import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

/**
 * The four-party operator's API (issue 20 item 6; issue 18 rules 5–9): the dashboard and the monthly P&L read
 * on the replica and the read models, and every decision an engine command through the journal with an
 * Idempotency-Key: verify a held order, set a credit score, enter an escrow statement, an operating cost or a
 * data-service charge, close a month or a year. {@code /api/v1/operator/**} is the operator's by the security
 * config. The engine decides whether a decision may take effect: a second verdict on an order is its rejection.
 */
@RestController
@RequestMapping("/api/v1/operator/party")
class PartyOpsController {
    private static final int ID_LENGTH_MAX = 200;

    private final EngineGateway gateway;
    private final PartyOpsDashboard dashboard;

    PartyOpsController(EngineGateway gateway, PartyOpsDashboard dashboard) {
        this.gateway = gateway;
        this.dashboard = dashboard;
    }

    record Verdict(Boolean approve) {
    }

    record Score(String user, Integer score) {
    }

    record Statement(String balance) {
    }

    record Cost(String amount, String reason) {
    }

    record Charge(String supplier, String amount) {
    }

    record MonthClose(String month) {
    }

    record YearClose(String year) {
    }

    @GetMapping
    ResponseEntity<String> overview() {
        String body = dashboard.overview();
        return body == null ? GatewayCalls.entity(noParty()) : GatewayCalls.json(body);
    }

    /** The month's P&L as the engine computed it at the close, with the waterfall of GMV; the latest by default. */
    @GetMapping("/pnl")
    ResponseEntity<String> pnl(@RequestParam(required = false) String month) {
        if (month != null && parseMonth(month) == null) {
            return GatewayCalls.entity(Problems.badRequest("month", "a month as YYYY-MM, such as 2026-11"));
        }
        String body = dashboard.pnl(month);
        return body == null ? GatewayCalls.entity(Problems.problem(404, "Not found", "month",
                "no closed month " + (month == null ? "yet" : month))) : GatewayCalls.json(body);
    }

    /** The operator's verdict on a flagged order (风控审核): a VerifyOrder command. */
    @PostMapping(path = "/orders/{order}/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> verify(@PathVariable String order, @RequestBody Verdict body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (order.isBlank() || order.length() > ID_LENGTH_MAX) {
            return GatewayCalls.done(Problems.badRequest("order", "an order id of 1 to " + ID_LENGTH_MAX + " characters"));
        }
        if (body.approve() == null) {
            return GatewayCalls.done(Problems.badRequest("approve", "true to approve, false to refuse"));
        }
        return GatewayCalls.submit(gateway, "party-verify", key, order + "|" + body.approve(),
                now -> new Command.VerifyOrder("verify:" + key, now, order, body.approve()));
    }

    /** The external credit check's result for a promoter (芝麻信用分): a SetCreditScore command. */
    @PostMapping(path = "/credit-scores", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> score(@RequestBody Score body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body.user() == null || body.user().isBlank() || body.user().length() > ID_LENGTH_MAX) {
            return GatewayCalls.done(Problems.badRequest("user", "a user id of 1 to " + ID_LENGTH_MAX + " characters"));
        }
        if (body.score() == null || body.score() < 0 || body.score() > 1000) {
            return GatewayCalls.done(Problems.badRequest("score", "a credit score from 0 to 1000"));
        }
        return GatewayCalls.submit(gateway, "party-score", key, body.user() + "|" + body.score(),
                now -> new Command.SetCreditScore("score:" + key, now, body.user(), body.score()));
    }

    /** The custody provider's statement of escrow (资金存管对账), compared with the ledger; never corrected. */
    @PostMapping(path = "/escrow-statements", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> statement(@RequestBody Statement body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long balance = fen(body.balance(), true);
        if (balance < 0) {
            return GatewayCalls.done(Problems.badRequest("balance", "the statement's balance in yuan, such as 1234.56"));
        }
        return GatewayCalls.submit(gateway, "party-escrow", key, body.balance(),
                now -> new Command.EscrowStatement("escrow:" + key, now, balance));
    }

    /** An operating cost the platform paid (运营成本), so the month's net is real. */
    @PostMapping(path = "/operating-costs", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> cost(@RequestBody Cost body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        long amount = fen(body.amount(), false);
        if (amount < 0) {
            return GatewayCalls.done(Problems.badRequest("amount", "an amount in yuan above 0, such as 1234.56"));
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().strip();
        if (reason != null && reason.length() > Limits.TEXT_LENGTH_MAX) {
            return GatewayCalls.done(Problems.badRequest("reason", "at most " + Limits.TEXT_LENGTH_MAX + " characters"));
        }
        return GatewayCalls.submit(gateway, "party-cost", key, body.amount() + "|" + reason,
                now -> new Command.RecordOperatingCost("cost:" + key, now, amount, reason));
    }

    /** A data service sold to a supplier (数据服务费): platform income. */
    @PostMapping(path = "/data-service-charges", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> charge(@RequestBody Charge body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body.supplier() == null || body.supplier().isBlank() || body.supplier().length() > ID_LENGTH_MAX) {
            return GatewayCalls.done(Problems.badRequest("supplier", "a supplier id of 1 to " + ID_LENGTH_MAX + " characters"));
        }
        long amount = fen(body.amount(), false);
        if (amount < 0) {
            return GatewayCalls.done(Problems.badRequest("amount", "an amount in yuan above 0, such as 1234.56"));
        }
        return GatewayCalls.submit(gateway, "party-charge", key, body.supplier() + "|" + body.amount(),
                now -> new Command.ChargeDataService("charge:" + key, now, body.supplier(), amount));
    }

    /** Closes a month (月结): bonuses, penalties, the burn, the promoter ladder and the month's P&L. */
    @PostMapping(path = "/month-close", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> closeMonth(@RequestBody MonthClose body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (parseMonth(body.month()) == null) {
            return GatewayCalls.done(Problems.badRequest("month", "a month as YYYY-MM, such as 2026-11"));
        }
        return GatewayCalls.submit(gateway, "party-close", key, body.month(),
                now -> new Command.CloseMonth("close:" + key, now, body.month()));
    }

    /** Closes a year (年结): the virtual-equity pool shared by the top promoters. */
    @PostMapping(path = "/year-close", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> closeYear(@RequestBody YearClose body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        try {
            if (body.year() == null || !body.year().matches("[0-9]{4}")) {
                throw new DateTimeParseException("not a year", String.valueOf(body.year()), 0);
            }
            Year.parse(body.year());
        } catch (DateTimeParseException e) {
            return GatewayCalls.done(Problems.badRequest("year", "a year as YYYY, such as 2026"));
        }
        return GatewayCalls.submit(gateway, "party-year", key, body.year(),
                now -> new Command.CloseYear("year:" + key, now, body.year()));
    }

    static YearMonth parseMonth(String text) {
        try {
            return text == null || text.length() != 7 ? null : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Yuan text as fen, or −1 when it is not an amount (zero allowed only where {@code zeroAllowed}). */
    static long fen(String text, boolean zeroAllowed) {
        try {
            long fen = Units.parseFen(text == null ? "" : text.strip());
            return fen < 0 || fen > Limits.AMOUNT_FEN_MAX || (fen == 0 && !zeroAllowed) ? -1 : fen;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    static Response noParty() {
        return Problems.problem(404, "Not found", "plan", "the plan in force has no four-party model (四方共赢)");
    }
}
