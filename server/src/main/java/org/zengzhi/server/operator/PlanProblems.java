package org.zengzhi.server.operator;

import java.util.List;

import java.util.concurrent.CompletableFuture;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.plan.ComplianceReport;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers of a plan change: every error at once for an invalid plan, the report and warnings for a valid one. */
public final class PlanProblems {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanProblems() {
    }

    /** 400 naming the first field, with {@code errors} listing every one. */
    static Response invalid(PlanCheck check) {
        Response first = Problems.badRequest(check.errors().get(0).field(), check.errors().size() + " error(s) in the plan");
        ObjectNode body = (ObjectNode) JSON.readTree(first.body());
        ArrayNode errors = body.putArray("errors");
        check.errors().forEach(error -> errors.addObject().put("field", error.field()).put("message", error.message()));
        return new Response(400, JSON.writeValueAsString(body));
    }

    /**
     * One journaled ChangePlan for a plan that passed its check, with the plan in force written in the same
     * transaction (the API's PUT /operator/plan and the console's plan editor both come here).
     */
    public static CompletableFuture<Response> putInForce(EngineGateway gateway, String key, String yaml, PlanCheck check) {
        String report = ComplianceReport.of(check.plan()).text();
        return gateway.submit(new CommandRequest(now -> new Command.ChangePlan("plan:" + key, now, check.plan(), yaml),
                events -> changed(events, check, report), "plan:" + key, yaml,
                (command, events) -> List.of(new ReadModelWrite("UPDATE tenant SET current_plan_yaml = ? WHERE id = 1",
                        List.of(yaml)))));
    }

    /**
     * The version of a plan text, which a confirmation names: the SHA-256 of the text in force. A confirmation
     * made against a plan that another operator has replaced since no longer matches.
     */
    public static String version(String yaml) {
        return GatewayCalls.sha256(GatewayCalls.utf8(yaml));
    }

    /**
     * Null when {@code proposed} may go in force: it changes nothing, or the caller confirmed it against the
     * version of the plan in force. Otherwise a 409 naming {@code confirm} (or {@code expectedPlan} for a stale
     * version) with every setting that would change and the version to confirm against (issue 19, item 8): a
     * one-line plan used to put every omitted section back to its defaults without a word.
     */
    public static Response unconfirmed(String inForceYaml, PlanCheck proposed, Boolean confirm, String expectedPlan) {
        List<PlanDiff.Change> changes = PlanDiff.between(PlanFiles.checkText(inForceYaml).plan(), proposed.plan());
        String version = version(inForceYaml);
        if (changes.isEmpty() || Boolean.TRUE.equals(confirm) && version.equals(expectedPlan)) {
            return null;
        }
        Response problem = Boolean.TRUE.equals(confirm)
                ? Problems.conflict("expectedPlan", "the plan in force has changed since it was shown: review the "
                        + "changes again")
                : Problems.conflict("confirm", changes.size() + " setting(s) would change: send the same plan with "
                        + "\"confirm\": true and \"expectedPlan\": the planInForce below");
        ObjectNode body = (ObjectNode) JSON.readTree(problem.body());
        body.put("planInForce", version);
        ArrayNode list = body.putArray("changes");
        changes.forEach(change -> list.addObject().put("field", change.field()).put("inForce", change.inForce())
                .put("proposed", change.proposed()));
        return new Response(409, JSON.writeValueAsString(body));
    }

    static Response changed(List<Event> events, PlanCheck check, String report) {
        ObjectNode body = JSON.createObjectNode();
        body.put("plan", check.plan().name());
        body.put("inForce", true);
        ArrayNode warnings = body.putArray("warnings");
        check.warnings().forEach(warning -> warnings.addObject().put("code", warning.code()).put("field", warning.field())
                .put("message", warning.message()));
        body.put("complianceReport", report);
        body.put("events", events.size());
        return new Response(200, JSON.writeValueAsString(body));
    }
}
