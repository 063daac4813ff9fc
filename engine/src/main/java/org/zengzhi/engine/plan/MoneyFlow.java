package org.zengzhi.engine.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.Price;

/**
 * "Who is paid from whose money": the exact split of a 1000.00 order by the rules of, where
 * the points come from and what a forced exit needs. Part of the {@link ComplianceReport}.
 */
final class MoneyFlow {
    /** The example order: 1000.00 CNY. */
    static final long EXAMPLE_FEN = 100_000;
    private static final List<String> REWARD_LABELS = List.of("direct referrer (直推)", "indirect referrer (间推)",
            "first-order reward (首单奖励, first orders only)", "merchant recruiter (招商奖励)",
            "regional agents in all (区代/市代/省代)", "merchant rebate (商家返点, on cash paid)");

    private MoneyFlow() {
    }

    static String describe(Plan plan) {
        StringBuilder text = new StringBuilder("Who is paid from whose money (谁的钱付给谁)\n");
        storeOrder(plan, text);
        mallOrder(plan, text);
        Plan.Deduct deduct = plan.deduct();
        if (deduct.storeMultiplePpm() > 0 || deduct.mallMaxPpm() > 0) {
            text.append("  Double points (双倍积分, R-3.10): a 1000.00 store order also grants ")
                    .append(Units.formatFen(share(EXAMPLE_FEN, deduct.storeMultiplePpm())))
                    .append(" of DEDUCT points (消费抵扣积分); mall goods may be paid up to ")
                    .append(PlanText.percent(deduct.mallMaxPpm()))
                    .append(" with them. DEDUCT points are not backed by the pool: the part of a price paid with them")
                    .append(" must come out of the product's margin (seed 001 counts on goods bought at 10–30% of the")
                    .append(" list price, 1-3折供应链).\n");
        }
        PoolRules pool = plan.pool();
        text.append("  Points are paid out only from the pool (盈利池), and the pool is filled only by the contributions")
                .append(" of later orders and by operator subsidies (融资补贴). A seller receives ")
                .append(PlanText.percent(pool.payoutRatioPpm())).append(" of the points' value (卖出/兑换零钱); the rest")
                .append(" stays in the pool. No one else's money stands behind the price: when new consumption stops,")
                .append(" the price stops rising.\n");
        text.append("  A forced exit (强制出局) comes when a participant's points, sold and held, are worth k = ")
                .append(multiple(pool)).append(" times their spend; the holdings are then sold at ")
                .append(PlanText.percent(pool.payoutRatioPpm())).append(". A first buyer at the initial price ")
                .append(pool.initialPrice().display()).append(" exits when the price reaches about ")
                .append(firstExitPrice(pool, plan.store().defaultCommissionPpm(), plan.store().poolPpm()))
                .append(" after a store order, ").append(firstExitPrice(pool, Limits.PPM, plan.mall().poolPpm()))
                .append(" after a mall order; that rise comes only from later consumption.\n");
        return text.toString();
    }

    private static void storeOrder(Plan plan, StringBuilder text) {
        Plan.StoreSplit store = plan.store();
        long commission = share(EXAMPLE_FEN, store.defaultCommissionPpm());
        long platform = share(commission, store.platformPpm());
        long distribution = share(commission, store.distributionPpm());
        long pool = share(commission, store.poolPpm());
        text.append("  A 1000.00 store order (门店订单) at the default commission ")
                .append(PlanText.percent(store.defaultCommissionPpm())).append(" (抽成/让利): the merchant keeps ")
                .append(Units.formatFen(EXAMPLE_FEN - commission)).append("; the commission ")
                .append(Units.formatFen(commission)).append(" pays the platform ").append(Units.formatFen(platform))
                .append(", the distribution budget (分销) ").append(Units.formatFen(distribution))
                .append(", the pool ").append(Units.formatFen(pool));
        rounding(commission - platform - distribution - pool, text);
        poolContribution(plan.pool(), pool, text);
        rewards(PlanBudget.storeRewards(plan), distribution, text);
    }

    private static void mallOrder(Plan plan, StringBuilder text) {
        Plan.MallSplit mall = plan.mall();
        long cost = share(EXAMPLE_FEN, mall.costPpm());
        long distribution = share(EXAMPLE_FEN, mall.distributionPpm());
        long platform = share(EXAMPLE_FEN, mall.platformPpm());
        long pool = share(EXAMPLE_FEN, mall.poolPpm());
        text.append("  A 1000.00 mall order (商城订单), paid in cash: cost to the supplier or merchant ")
                .append(Units.formatFen(cost)).append(", distribution budget ").append(Units.formatFen(distribution))
                .append(", platform ").append(Units.formatFen(platform)).append(", pool ").append(Units.formatFen(pool));
        rounding(EXAMPLE_FEN - cost - distribution - platform - pool, text);
        poolContribution(plan.pool(), pool, text);
        rewards(PlanBudget.mallRewards(plan), distribution, text);
    }

    private static void rounding(long dustFen, StringBuilder text) {
        text.append(dustFen > 0 ? ", rounding " + Units.formatFen(dustFen) + ".\n" : ".\n");
    }

    private static void poolContribution(PoolRules rules, long poolFen, StringBuilder text) {
        long minted = share(poolFen, rules.mintRatioPpm());
        text.append("    Of the pool contribution, ").append(Units.formatFen(minted))
                .append(" is minted as points (增值积分) for the consumer and ")
                .append(Units.formatFen(poolFen - minted)).append(" lifts the price (增量资金).\n");
    }

    /** The rewards drawn from the budget in R-2.4's order, each cut to what remains; the rest is the platform's. */
    private static void rewards(List<PlanBudget.Reward> rewards, long budgetFen, StringBuilder text) {
        StringBuilder paid = new StringBuilder();
        long remaining = budgetFen;
        for (int i = 0; i < rewards.size(); i++) {
            long amount = Math.min(share(EXAMPLE_FEN, rewards.get(i).ppm()), remaining);
            if (amount > 0) {
                remaining -= amount;
                paid.append(paid.length() == 0 ? "" : ", ").append(REWARD_LABELS.get(i)).append(' ')
                        .append(Units.formatFen(amount));
            }
        }
        text.append("    The distribution budget pays at most ").append(paid.length() == 0 ? "nothing" : paid)
                .append("; the platform keeps the rest, at least ").append(Units.formatFen(remaining)).append(".\n");
    }

    /** ⌊amount·rate⌋ with the rate in ppm. */
    static long share(long amountFen, long ratePpm) {
        return Exact.mulDivFloor(amountFen, ratePpm, Limits.PPM);
    }

    /** k as a decimal ("1.2"), or as n/d when it has no finite decimal. */
    static String multiple(PoolRules pool) {
        BigDecimal numerator = BigDecimal.valueOf(pool.exitMultipleNumerator());
        try {
            return numerator.divide(BigDecimal.valueOf(pool.exitMultipleDenominator())).stripTrailingZeros()
                    .toPlainString();
        } catch (ArithmeticException e) {
            return pool.exitMultipleNumerator() + "/" + pool.exitMultipleDenominator();
        }
    }

    /**
     * The price at which a first buyer exits: they hold points worth α·s of an order at p0, where s is the
     * pool's share of the amount (as two ppm factors), and exit at k times the amount, i.e. at
     * p0·k / (s·α). Rounded to 4 decimals for people; minting rounds down, so the real price is a hair higher.
     */
    private static String firstExitPrice(PoolRules pool, long shareOfAmountPpm, long poolShareppm) {
        BigInteger perAmount = BigInteger.valueOf(shareOfAmountPpm).multiply(BigInteger.valueOf(poolShareppm))
                .multiply(BigInteger.valueOf(pool.mintRatioPpm()));
        if (perAmount.signum() == 0) {
            return "(never: no points are minted)";
        }
        Price p0 = pool.initialPrice();
        BigInteger numerator = BigInteger.valueOf(p0.cashFen()).multiply(BigInteger.valueOf(pool.exitMultipleNumerator()))
                .multiply(BigInteger.TEN.pow(4 + 18));
        BigInteger denominator = BigInteger.valueOf(p0.pointsMicro())
                .multiply(BigInteger.valueOf(pool.exitMultipleDenominator())).multiply(perAmount);
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 4, RoundingMode.HALF_UP).toPlainString();
    }
}
