package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import java.util.List;

/**
 * What {@link PlanReader} found in a plan file: the plan when it is valid (null otherwise), every error at
 * once, and the warnings about a valid plan — budget warnings first, then the findings of the
 * {@link ComplianceReport}.
 */
public record PlanCheck(Plan plan, List<PlanError> errors, List<Finding> warnings) {
    /** Exit code of {@code zengzhi plan check} for a valid plan without warnings. */
    public static final int EXIT_VALID = 0;
    /** Exit code for a valid plan with warnings. */
    public static final int EXIT_WARNINGS = 1;
    /** Exit code for an invalid plan. */
    public static final int EXIT_INVALID = 2;

    public PlanCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (errors.isEmpty() == (plan == null)) {
            throw new IllegalArgumentException("a plan is given exactly when there are no errors");
        }
    }

    /** The warnings of a valid plan, as {@code zengzhi plan check} lists them: budget warnings, then compliance. */
    public static List<Finding> warningsOf(Plan plan) {
        List<Finding> warnings = new java.util.ArrayList<>(PlanBudget.warnings(plan));
        warnings.addAll(ComplianceReport.findings(plan));
        return warnings;
    }

    /**
     * The budget warning for store orders at a commission other than the plan's minimum, such as a
     * simulated region's ({@code field} names where it is set): empty when that budget pays every reward.
     */
    public static List<Finding> storeBudgetAt(Plan plan, long commissionPpm, String field) {
        return PlanBudget.storeBudgetAt(plan, commissionPpm, field, "a commission of");
    }

    /** A check that failed before any field could be read, such as a file that is not YAML. */
    public static PlanCheck invalid(String field, String message) {
        return new PlanCheck(null, List.of(new PlanError(field, message)), List.of());
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** 0 valid, 1 valid with warnings, 2 invalid: the exit code of {@code zengzhi plan check}. */
    public int exitCode() {
        if (!valid()) {
            return EXIT_INVALID;
        }
        return warnings.isEmpty() ? EXIT_VALID : EXIT_WARNINGS;
    }

    /**
     * The text {@code zengzhi plan check} prints: the errors of an invalid plan; for a valid one the
     * warnings that are not about compliance, then the full compliance report (which lists its own).
     */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (!valid()) {
            out.append("Plan is invalid: ").append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
                    .append('\n');
            errors.forEach(error -> out.append("  error ").append(error).append('\n'));
            return out.toString();
        }
        ComplianceReport report = ComplianceReport.of(plan);
        List<Finding> budgetWarnings = warnings.stream().filter(w -> !report.findings().contains(w)).toList();
        out.append("Plan \"").append(plan.name()).append("\" is valid");
        out.append(warnings.isEmpty() ? ".\n" : " with " + warnings.size() + " warning(s).\n");
        budgetWarnings.forEach(warning -> out.append("  warning ").append(warning).append('\n'));
        out.append('\n').append(report.text());
        return out.toString();
    }
}
