package org.zengzhi.server.gateway;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of {@code application/problem+json} responses (RFC 9457) that name the failing field. */
public final class Problems {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Response problem(int status, String title, String field, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        return new Response(status, JSON.writeValueAsString(body));
    }

    public static Response badRequest(String field, String detail) {
        return problem(400, "Bad request", field, detail);
    }

    public static Response conflict(String field, String detail) {
        return problem(409, "Conflict", field, detail);
    }

    /** A business rejection of the engine (a value with a stable code): nothing changed. */
    public static Response rejected(String code, String field) {
        return rejected(422, "Rejected", code, field);
    }

    /** A business rejection answered with another status, such as 404 for an id the engine does not know. */
    public static Response rejected(int status, String title, String code, String field) {
        Response response = problem(status, title, field, "the command was rejected with " + code
                + "; nothing changed");
        ObjectNode body = (ObjectNode) JSON.readTree(response.body());
        body.put("code", code);
        return new Response(status, JSON.writeValueAsString(body));
    }
}
