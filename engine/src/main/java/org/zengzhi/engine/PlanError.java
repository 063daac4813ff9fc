package org.zengzhi.engine;

/**
 * One reason a plan file is refused: the dotted path of the field at fault ({@code referral.direct},
 * {@code tiers[1].minSpend}) and what is wrong with it, in words an operator can act on.
 */
public record PlanError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
