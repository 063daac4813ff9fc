package org.zengzhi.server.operator;

import java.util.List;

import org.zengzhi.engine.Event;
import org.zengzhi.engine.PlanCheck;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Answers of a plan change: every error at once for an invalid plan, the report and warnings for a valid one. */
final class PlanProblems {
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
