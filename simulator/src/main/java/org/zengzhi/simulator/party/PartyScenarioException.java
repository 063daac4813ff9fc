package org.zengzhi.simulator.party;

/** A four-party scenario field that cannot be used; {@code field} names it by its path, such as {@code suppliers.price}. */
public final class PartyScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    public PartyScenarioException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
