package org.zengzhi.engine.partyrules;

/** One reason a set of four-party rules is refused: the field at fault and what is wrong, for an operator. */
public record PartyRuleError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
