package org.zengzhi.engine.partyrules;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * The parts of an order of amount A at settlement, in the order (rule 2): fee, rebate, commission,
 * team allowance, invite reward, supplier share, each ⌊A·rate⌋; the platform margin is ⌊A·(1 − the rates
 * that apply)⌋ and the dust, A minus every part, goes to the rounding account. A part that has nobody to
 * go to (no promoter, no leader, not a first order) does not apply: its rate stays in the margin.
 */
public record Waterfall(long amountFen, long feeFen, long rebateFen, long commissionFen, long teamAllowanceFen,
                        long inviteRewardFen, long supplierShareFen, long marginFen, long roundingFen) {

    /**
     * The waterfall of {@code amountFen} under {@code rules}, with the supplier's fee rate of the month
     * (after any reduction it bought) and the consumer's tier.
     */
    public static Waterfall of(PartyRules rules, long amountFen, long feePpm, int tier, boolean promoter,
                               boolean leader, boolean inviter) {
        long rebatePpm = rules.rebatePpm(tier);
        long commissionPpm = promoter ? rules.commissionPpm() : 0;
        long allowancePpm = leader ? rules.teamAllowancePpm() : 0;
        long invitePpm = inviter ? rules.inviteRewardPpm() : 0;
        long marginPpm = Limits.PPM - feePpm - rebatePpm - commissionPpm - allowancePpm - invitePpm
                - rules.supplierSharePpm();
        long fee = part(amountFen, feePpm);
        long rebate = part(amountFen, rebatePpm);
        long commission = part(amountFen, commissionPpm);
        long allowance = part(amountFen, allowancePpm);
        long invite = part(amountFen, invitePpm);
        long share = supplierShare(rules, amountFen);
        long margin = part(amountFen, marginPpm);
        long rounding = amountFen - fee - rebate - commission - allowance - invite - share - margin;
        return new Waterfall(amountFen, fee, rebate, commission, allowance, invite, share, margin, rounding);
    }

    /** ⌊A·share⌋: also what the prepayment is computed from at payment. */
    public static long supplierShare(PartyRules rules, long amountFen) {
        return part(amountFen, rules.supplierSharePpm());
    }

    /** ⌊A·rate⌋ for a rate in ppm. */
    public static long part(long amountFen, long ratePpm) {
        return Exact.mulDivFloor(amountFen, ratePpm, Limits.PPM);
    }

    /** The sum of the parts, which is the amount: nothing is created or lost. */
    public long totalFen() {
        return feeFen + rebateFen + commissionFen + teamAllowanceFen + inviteRewardFen + supplierShareFen + marginFen
                + roundingFen;
    }
}
