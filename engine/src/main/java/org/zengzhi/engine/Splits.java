package org.zengzhi.engine;

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
     * pool ⌊C·ss⌋, dust C − their sum; the merchant receives A − C. Rewards are filled in later.
     */
    static OrderSplit store(Plan.StoreSplit plan, long amountFen, long commissionPpm) {
        long commission = ofRate(amountFen, commissionPpm);
        long platform = ofRate(commission, plan.platformPpm());
        long distribution = ofRate(commission, plan.distributionPpm());
        long pool = ofRate(commission, plan.poolPpm());
        long rounding = commission - platform - distribution - pool;
        return new OrderSplit(amountFen, commission, amountFen - commission, platform, distribution, pool, rounding,
                0, distribution);
    }

    /** Mall channel with the plan's shares of the price: each part rounded down, the dust to rounding. */
    static OrderSplit mall(Plan.MallSplit plan, long amountFen) {
        long cost = ofRate(amountFen, plan.costPpm());
        long distribution = ofRate(amountFen, plan.distributionPpm());
        long platform = ofRate(amountFen, plan.platformPpm());
        long pool = ofRate(amountFen, plan.poolPpm());
        long rounding = amountFen - cost - distribution - platform - pool;
        return new OrderSplit(amountFen, 0, cost, platform, distribution, pool, rounding, 0, distribution);
    }

    /** Mall channel with the product's own split in fen: exact, no dust. */
    static OrderSplit mall(MallSplitFen split, long amountFen) {
        return new OrderSplit(amountFen, 0, split.costFen(), split.platformFen(), split.distributionFen(),
                split.poolFen(), 0, 0, split.distributionFen());
    }

    /** The same split once the rewards have drawn {@code rewardsFen} from the distribution budget. */
    static OrderSplit withRewards(OrderSplit split, long rewardsFen) {
        return new OrderSplit(split.amountFen(), split.commissionFen(), split.merchantFen(), split.platformFen(),
                split.distributionFen(), split.poolFen(), split.roundingFen(), rewardsFen,
                split.distributionFen() - rewardsFen);
    }
}
