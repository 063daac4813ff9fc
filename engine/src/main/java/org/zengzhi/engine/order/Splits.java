package org.zengzhi.engine.order;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.plan.Plan;

/** The exact split rules of as pure functions (amounts in fen, rates in ppm, every part rounded down). */
final class Splits {
    private static final long PPM = Limits.PPM;

    private Splits() {
    }

    /** ⌊amount·rate⌋ for a rate in ppm. */
    static long ofRate(long amountFen, long ratePpm) {
        return Exact.mulDivFloor(amountFen, ratePpm, PPM);
    }

    /**
     * Store channel: C = ⌊A·r⌋; the plan divides the commission: platform ⌊C·sp⌋, distribution ⌊C·sd⌋,
     * pool ⌊C·ss⌋, dust C − their sum; the merchant receives A − C. The rewards drew {@code rewardsFen} from
     * the distribution budget ({@link #storeDistribution}); the rest of it is the platform's.
     */
    static OrderSplit store(Plan.StoreSplit plan, long amountFen, long commissionPpm, long rewardsFen) {
        long commission = ofRate(amountFen, commissionPpm);
        long platform = ofRate(commission, plan.platformPpm());
        long distribution = ofRate(commission, plan.distributionPpm());
        long pool = ofRate(commission, plan.poolPpm());
        long rounding = commission - platform - distribution - pool;
        return new OrderSplit(amountFen, commission, amountFen - commission, platform, distribution, pool, rounding,
                rewardsFen, distribution - rewardsFen);
    }

    /** The distribution budget of a store order: ⌊⌊A·r⌋·sd⌋, as {@link #store} splits it. */
    static long storeDistribution(Plan.StoreSplit plan, long amountFen, long commissionPpm) {
        return ofRate(ofRate(amountFen, commissionPpm), plan.distributionPpm());
    }

    /** Mall channel with the plan's shares of the price: each part rounded down, the dust to rounding. */
    static OrderSplit mall(Plan.MallSplit plan, long amountFen, long rewardsFen) {
        long cost = ofRate(amountFen, plan.costPpm());
        long distribution = ofRate(amountFen, plan.distributionPpm());
        long platform = ofRate(amountFen, plan.platformPpm());
        long pool = ofRate(amountFen, plan.poolPpm());
        long rounding = amountFen - cost - distribution - platform - pool;
        return new OrderSplit(amountFen, 0, cost, platform, distribution, pool, rounding, rewardsFen,
                distribution - rewardsFen);
    }

    /** Mall channel with the product's own split in fen: exact, no dust. */
    static OrderSplit mall(MallSplitFen split, long amountFen, long rewardsFen) {
        return new OrderSplit(amountFen, 0, split.costFen(), split.platformFen(), split.distributionFen(),
                split.poolFen(), 0, rewardsFen, split.distributionFen() - rewardsFen);
    }
}
