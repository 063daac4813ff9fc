package org.zengzhi.simulator.fields;

/**
 * A scenario or option that cannot be used, of any model (pool, green points, four-party); {@code field} names it
 * by its path, such as {@code orders.amount.min}, and the message starts with it.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public ScenarioException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
