package org.zengzhi.engine.plan;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;

/** Reads and checks the {@code withdrawal} section of a plan. */
final class PlanWithdrawal {
    private PlanWithdrawal() {
    }

    static Plan.Withdrawal read(PlanFields fields) {
        Plan.Withdrawal defaults = Plan.Withdrawal.DEFAULTS;
        long minimum = fields.fen("minimum", defaults.minimumFen());
        long fee = fields.rate("fee", defaults.feePpm());
        long feeMinimum = fields.fen("feeMinimum", defaults.feeMinimumFen());
        long dailyLimit = fields.fen("dailyLimit", defaults.dailyLimitFen());
        long reviewAbove = fields.fen("reviewAbove", defaults.reviewAboveFen());
        fields.rejectUnknownKeys();
        check(fields, minimum, fee, feeMinimum, dailyLimit);
        return new Plan.Withdrawal(minimum, fee, feeMinimum, dailyLimit, reviewAbove);
    }

    /**
     * Every withdrawal the plan allows must pay something out, and some withdrawal must be allowed at all:
     * a fee of 100% or a minimum fee as large as the minimum amount would take a whole withdrawal, and a
     * daily limit below the minimum would refuse every request.
     */
    private static void check(PlanFields fields, long minimum, long fee, long feeMinimum, long dailyLimit) {
        String minimumField = fields.field("minimum");
        if (!fields.anyFailed(minimumField) && minimum == 0) {
            fields.error(minimumField, "must be more than 0.00: a withdrawal moves at least one fen");
        }
        if (!fields.anyFailed(fields.field("fee")) && fee >= Limits.PPM) {
            fields.error(fields.field("fee"), PlanText.percent(fee) + " would take the whole withdrawal; "
                    + "it must be below 100%");
        }
        if (!fields.anyFailed(minimumField, fields.field("feeMinimum")) && minimum > 0 && feeMinimum >= minimum) {
            fields.error(fields.field("feeMinimum"), Units.formatFen(feeMinimum) + " is not below " + minimumField
                    + " " + Units.formatFen(minimum) + ", so the smallest withdrawal would pay nothing out");
        }
        if (!fields.anyFailed(minimumField, fields.field("dailyLimit")) && dailyLimit < minimum) {
            fields.error(fields.field("dailyLimit"), Units.formatFen(dailyLimit) + " is below " + minimumField + " "
                    + Units.formatFen(minimum) + ", so no withdrawal could ever be made");
        }
    }
}
