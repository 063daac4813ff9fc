package org.zengzhi.server.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Reports (举报, R-4.7): the {@code reports} table — every SELECT and UPDATE of it — and the operator's decision,
 * whose engine command, id ({@code "report:"} and the key), idempotency scope and request hash are built here for
 * the API ({@link ReportController}) and the console's reports queue alike.
 */
@Component
public class Reports {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final EngineGateway gateway;

    Reports(JdbcTemplate jdbc, EngineGateway gateway) {
        this.jdbc = jdbc;
        this.gateway = gateway;
    }

    /** outcome: DISMISS, REASSIGN (user, referrer), SUSPEND (merchant), REWARD (amount). */
    public record Decision(String outcome, String reason, String user, String referrer, String merchant, String amount) {
    }

    /** Files an open report and returns its id; the fields are checked by the caller. */
    String file(String reporter, String kind, String subject, String details) {
        String id = "rp-" + UUID.randomUUID();
        jdbc.update("INSERT INTO reports (id, reporter, kind, subject, details, status, created_at) VALUES "
                + "(?, ?, ?, ?, ?, 'OPEN', ?)", id, reporter, kind, subject, details, Timestamp.from(Instant.now()));
        return id;
    }

    /** The reports in a status, oldest first, as the API lists them. */
    List<Map<String, Object>> inStatus(String status) {
        return jdbc.queryForList("SELECT id, reporter, kind, subject, details, status, outcome, "
                + "decision_reason FROM reports WHERE status = ? ORDER BY created_at", status);
    }

    /** The reports in a status with their times, for the console: open ones oldest first, decided ones newest first. */
    List<Map<String, Object>> queue(String status, int limit) {
        return jdbc.queryForList("SELECT id, reporter, kind, subject, details, status, outcome, "
                + "decision_reason, created_at, decided_at FROM reports WHERE status = ? ORDER BY created_at "
                + ("OPEN".equals(status) ? "" : "DESC ") + "LIMIT " + limit, status);
    }

    /** The reporter of an open report, or null when there is no open report of that id. */
    private String openReporter(String id) {
        List<String> rows = jdbc.queryForList("SELECT reporter FROM reports WHERE id = ? AND status = 'OPEN'", String.class,
                id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** {@code {"report":…,"status":…}}, the answer to a report's filing and dismissal. */
    static String statusJson(String id, String status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("report", id);
        body.put("status", status);
        return JSON.writeValueAsString(body);
    }

    /**
     * Decides an open report: a dismissal closes it with the reason; an upheld outcome is one journaled command
     * whose transaction also marks the report UPHELD. Shared by the API and the console.
     */
    public CompletableFuture<Response> decide(String id, Decision body, String key) {
        Response problem = GatewayCalls.keyProblem(key);
        if (problem == null && (body.reason() == null || body.reason().isBlank())) {
            problem = Problems.badRequest("reason", "every decision is audited: say why");
        } else if (problem == null && body.reason().length() > Limits.TEXT_LENGTH_MAX) {
            problem = Problems.badRequest("reason", "at most " + Limits.TEXT_LENGTH_MAX + " characters");
        }
        String reporter = openReporter(id);
        if (problem == null && reporter == null) {
            problem = Problems.problem(404, "Not found", "id", "no open report " + id);
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String reason = "report " + id + ": " + body.reason();
        Function<Instant, Command> command;
        try {
            command = outcome(body, reporter, reason, "report:" + key);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Problems.badRequest(e.getMessage().split(":")[0], e.getMessage()));
        }
        if (command == null) {
            close(id, "DISMISSED", "DISMISS", body.reason());
            return CompletableFuture.completedFuture(new Response(200, statusJson(id, "DISMISSED")));
        }
        Response unreplayable = GatewayCalls.unreplayable(command);
        if (unreplayable != null) {
            return CompletableFuture.completedFuture(unreplayable);
        }
        String outcome = body.outcome();
        return gateway.submit(new CommandRequest(command, GatewayCalls::render, "report:" + key, id + "|" + outcome,
                (applied, events) -> Rejections.rejected(events) ? List.of()
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

    private void close(String id, String status, String outcome, String reason) {
        jdbc.update("UPDATE reports SET status = ?, outcome = ?, decision_reason = ?, decided_at = ? WHERE id = ?", status,
                outcome, reason, Timestamp.from(Instant.now()), id);
    }
}
