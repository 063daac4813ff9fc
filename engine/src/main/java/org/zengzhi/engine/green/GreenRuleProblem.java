package org.zengzhi.engine.green;

/**
 * One reason green-points rules are refused: the dotted path of the field at fault inside the plan's
 * {@code greenPoints} section ({@code consumerPool.growth}, {@code coinShare}) and what is wrong with it.
 * The plan reader prefixes the section's name and turns it into its own error type.
 */
public record GreenRuleProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
