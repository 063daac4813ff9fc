package org.zengzhi.server.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports (举报, R-4.7): a user reports a shadow account intercepting rewards or a merchant steering
 * customers off the platform; the operator decides. An upheld report's outcome is one journaled engine
 * command — reassign the downline, suspend the merchant, or reward the reporter — and the report's
 * status is written in the same transaction; a dismissal needs a reason.
 */
@RestController
@RequestMapping("/api/v1")
public class ReportController {
    private static final Set<String> KINDS = Set.of("SHADOW_ACCOUNT", "OFF_PLATFORM", "OTHER");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final EngineGateway gateway;

    ReportController(JdbcTemplate jdbc, EngineGateway gateway) {
        this.jdbc = jdbc;
        this.gateway = gateway;
    }

    record Report(String kind, String subject, String details) {
    }

    /** outcome: DISMISS, REASSIGN (user, referrer), SUSPEND (merchant), REWARD (amount). */
    public record Decision(String outcome, String reason, String user, String referrer, String merchant, String amount) {
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> report(@RequestBody Report body, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (body.kind() == null || !KINDS.contains(body.kind())) {
            return GatewayCalls.entity(Problems.badRequest("kind", "one of " + KINDS));
        }
        if (body.subject() == null || body.subject().isBlank() || body.subject().length() > 200) {
            return GatewayCalls.entity(Problems.badRequest("subject", "the user or merchant reported, 1 to 200 characters"));
        }
        if (body.details() == null || body.details().isBlank() || body.details().length() > 2000) {
            return GatewayCalls.entity(Problems.badRequest("details", "what happened, 1 to 2000 characters"));
        }
        String id = "rp-" + UUID.randomUUID();
        jdbc.update("INSERT INTO reports (id, reporter, kind, subject, details, status, created_at) VALUES "
                + "(?, ?, ?, ?, ?, 'OPEN', ?)", id, me.getName(), body.kind(), body.subject(), body.details(),
                Timestamp.from(Instant.now()));
        return GatewayCalls.entity(new Response(201, "{\"report\":\"" + id + "\",\"status\":\"OPEN\"}"));
    }

    @GetMapping("/operator/reports")
    ResponseEntity<String> reports(@RequestParam(defaultValue = "OPEN") String status) {
        ArrayNode reports = JSON.createArrayNode();
        for (Map<String, Object> row : jdbc.queryForList("SELECT id, reporter, kind, subject, details, status, outcome, "
                + "decision_reason FROM reports WHERE status = ? ORDER BY created_at", status)) {
            ObjectNode report = reports.addObject();
            row.forEach((column, value) -> report.put(column.toLowerCase(Locale.ROOT),
                    value == null ? null : value.toString()));
        }
        return GatewayCalls.json(JSON.writeValueAsString(reports));
    }

    @PostMapping(path = "/operator/reports/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> decide(@PathVariable String id, @RequestBody Decision body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return decide(jdbc, gateway, id, body, key).thenApply(GatewayCalls::entity);
    }

    /**
     * Decides an open report: a dismissal closes it with the reason; an upheld outcome is one journaled command
     * whose transaction also marks the report UPHELD. Shared by the API and the console.
     */
    public static CompletableFuture<Response> decide(JdbcTemplate jdbc, EngineGateway gateway, String id, Decision body,
            String key) {
        Response problem = GatewayCalls.keyProblem(key);
        if (problem == null && (body.reason() == null || body.reason().isBlank())) {
            problem = Problems.badRequest("reason", "every decision is audited: say why");
        } else if (problem == null && body.reason().length() > Limits.TEXT_LENGTH_MAX) {
            problem = Problems.badRequest("reason", "at most " + Limits.TEXT_LENGTH_MAX + " characters");
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT reporter FROM reports WHERE id = ? AND status = 'OPEN'", id);
        if (problem == null && rows.isEmpty()) {
            problem = Problems.problem(404, "Not found", "id", "no open report " + id);
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String reporter = (String) rows.get(0).get("reporter");
        String reason = "report " + id + ": " + body.reason();
        Function<Instant, Command> command;
        try {
            command = outcome(body, reporter, reason, "report:" + key);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Problems.badRequest(e.getMessage().split(":")[0], e.getMessage()));
        }
        if (command == null) {
            close(jdbc, id, "DISMISSED", "DISMISS", body.reason());
            return CompletableFuture.completedFuture(new Response(200, "{\"report\":\"" + id + "\",\"status\":\"DISMISSED\"}"));
        }
        Response unreplayable = GatewayCalls.unreplayable(command);
        if (unreplayable != null) {
            return CompletableFuture.completedFuture(unreplayable);
        }
        String outcome = body.outcome();
        return gateway.submit(new CommandRequest(command, GatewayCalls::render, "report:" + key, id + "|" + outcome,
                (applied, events) -> Rejections.of(events) != null ? List.of()
                        : List.of(new ReadModelWrite("UPDATE reports SET status = 'UPHELD', outcome = ?, decision_reason = ?, "
                                + "decided_at = ? WHERE id = ?", List.of(outcome, body.reason(), Timestamp.from(Instant.now()), id)))));
    }

    /** The engine command of an upheld report, or null for a dismissal. */
    private static Function<Instant, Command> outcome(Decision body, String reporter, String reason, String commandId) {
        switch (String.valueOf(body.outcome())) {
            case "DISMISS":
                return null;
            case "REASSIGN":
                return now -> new Command.ReassignReferrer(commandId, now, body.user(), body.referrer(), reason);
            case "SUSPEND":
                return now -> new Command.SuspendMerchant(commandId, now, body.merchant(), true, reason);
            case "REWARD":
                long amount;
                try {
                    amount = Units.parseFen(body.amount() == null ? "" : body.amount());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("amount: " + e.getMessage(), e);
                }
                return now -> new Command.GrantBonus(commandId, now, reporter, amount, reason);
            default:
                throw new IllegalArgumentException("outcome: one of DISMISS, REASSIGN, SUSPEND, REWARD");
        }
    }

    private static void close(JdbcTemplate jdbc, String id, String status, String outcome, String reason) {
        jdbc.update("UPDATE reports SET status = ?, outcome = ?, decision_reason = ?, decided_at = ? WHERE id = ?", status,
                outcome, reason, Timestamp.from(Instant.now()), id);
    }
}
