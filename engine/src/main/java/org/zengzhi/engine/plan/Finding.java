package org.zengzhi.engine.plan;

/**
 * A warning about a valid plan: a stable {@code code} that tests and tools can rely on (such as
 * {@code RETURN_ABOVE_PRINCIPAL}), the field that carries the risk, and an explanation.
 */
public record Finding(String code, String field, String message) {

    @Override
    public String toString() {
        return "[" + code + "] " + field + ": " + message;
    }
}
