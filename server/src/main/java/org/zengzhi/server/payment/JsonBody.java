package org.zengzhi.server.payment;

import java.util.Iterator;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A request body read as one JSON object whose every field is one the request knows. */
public final class JsonBody {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBody() {
    }

    /**
     * The body as a JSON object; refused, naming the field, when it is not JSON, not one object, or has a field
     * outside {@code fields} ({@code what} names the request in the message, e.g. "a payment").
     */
    public static JsonNode object(byte[] body, Set<String> fields, String what) throws InvalidFieldException {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidFieldException(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidFieldException(null, "the body must be one JSON object");
        }
        for (Iterator<String> names = tree.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new InvalidFieldException(name, "is not a field of " + what + " (expected one of " + fields + ")");
            }
        }
        return tree;
    }
}
