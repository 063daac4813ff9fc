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
import org.zengzhi.engine.Event;
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

    /**
     * Files an open report through the journal (a Tick named after the report carries it) under the reporter's
     * key, so a retry answers the first report's id instead of filing a second one (R-8.3). The fields are
     * checked by the caller.
     */
    CompletableFuture<Response> file(String reporter, String kind, String subject, String details, String key) {
        String id = "rp-" + UUID.randomUUID();
        return gateway.submit(new CommandRequest(now -> new Command.Tick("report-filed:" + id, now),
                events -> new Response(201, statusJson(id, "OPEN")), "report-filing:" + reporter + ":" + key,
                String.join("|", kind, subject, details), (command, events) -> List.of(new ReadModelWrite(
                        "INSERT INTO reports (id, reporter, kind, subject, details, status, created_at) VALUES "
                                + "(?, ?, ?, ?, ?, 'OPEN', ?)",
                        List.of(id, reporter, kind, subject, details, Timestamp.from(command.at()))))));
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

    /**
     * The idempotency key of a report's next decision: one per report and attempt, {@code "report-decision:<id>#<n>"}
     * with n the decisions the engine rejected so far (they changed nothing, so the report stays open and the
     * next decision needs a fresh key). Null when there is no report of that id.
     */
    private String decisionKey(String id) {
        List<Integer> rows = jdbc.queryForList("SELECT rejected_decisions FROM reports WHERE id = ?", Integer.class, id);
        return rows.isEmpty() ? null : "report-decision:" + id + "#" + rows.get(0);
    }

    private String reporter(String id) {
        return jdbc.queryForObject("SELECT reporter FROM reports WHERE id = ?", String.class, id);
    }

    /** {@code {"report":…,"status":…}}, the answer to a report's filing and dismissal. */
    static String statusJson(String id, String status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("report", id);
        body.put("status", status);
        return JSON.writeValueAsString(body);
    }

    /**
     * Decides a report, once: every decision — a dismissal (journaled as a Tick named after the report) or an
     * upheld outcome's engine command — goes through the gateway under the one idempotency key the report has
     * for its next decision ({@link #decisionKey}), and the request hash holds the caller's key and the body. The
     * writer thread checks that key before the command runs and commits it with the journal row, so of any
     * number of concurrent decisions exactly one takes effect; its retry answers its first result and every
     * other key or body a 409. Shared by the API and the console.
     */
    public CompletableFuture<Response> decide(String id, Decision body, String key) {
        Response problem = reasonProblem(key, body.reason());
        String decisionKey = problem == null ? decisionKey(id) : null;
        if (problem == null && decisionKey == null) {
            problem = Problems.problem(404, "Not found", "id", "no report " + id);
        }
        if (problem != null) {
            return CompletableFuture.completedFuture(problem);
        }
        String reporter = reporter(id);
        Function<Instant, Command> command;
        try {
            command = outcome(body, reporter, "report " + id + ": " + body.reason(), "report:" + id);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Problems.badRequest(e.getMessage().split(":")[0], e.getMessage()));
        }
        boolean dismissal = command == null;
        if (dismissal) {
            command = now -> new Command.Tick("report-dismissed:" + id, now);
        }
        Response unreplayable = GatewayCalls.unreplayable(command);
        if (unreplayable != null) {
            return CompletableFuture.completedFuture(unreplayable);
        }
        String status = dismissal ? "DISMISSED" : "UPHELD";
        String outcome = dismissal ? "DISMISS" : body.outcome();
        Function<List<Event>, Response> render = dismissal ? events -> new Response(200, statusJson(id, status))
                : GatewayCalls::render;
        return gateway.submit(new CommandRequest(command, render, decisionKey, decisionHash(key, body),
                (applied, events) -> Rejections.rejected(events) ? List.of(new ReadModelWrite("UPDATE reports SET "
                        + "rejected_decisions = rejected_decisions + 1 WHERE id = ? AND status = 'OPEN'", List.of(id)))
                        : List.of(new ReadModelWrite("UPDATE reports SET status = ?, outcome = ?, decision_reason = ?, "
                                + "decided_at = ? WHERE id = ? AND status = 'OPEN'",
                                List.of(status, outcome, body.reason(), Timestamp.from(applied.at()), id)))))
                .thenApply(answer -> answer.status() == 409
                        ? Problems.conflict("id", "report " + id + " is already decided (or this key was used with "
                                + "another body)")
                        : answer);
    }

    private static Response reasonProblem(String key, String reason) {
        Response problem = GatewayCalls.keyProblem(key);
        if (problem == null && (reason == null || reason.isBlank())) {
            problem = Problems.badRequest("reason", "every decision is audited: say why");
        } else if (problem == null && reason.length() > Limits.TEXT_LENGTH_MAX) {
            problem = Problems.badRequest("reason", "at most " + Limits.TEXT_LENGTH_MAX + " characters");
        }
        return problem;
    }

    /** What a retry must repeat: the caller's key and every field of the decision. */
    private static String decisionHash(String key, Decision body) {
        return String.join("|", key, String.valueOf(body.outcome()), body.reason(), String.valueOf(body.user()),
                String.valueOf(body.referrer()), String.valueOf(body.merchant()), String.valueOf(body.amount()));
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
}
