package org.zengzhi.engine.plan;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Limits;

/**
 * the distribution rewards that can land on one order must fit the order's distribution budget.
 * Rewards are rates of the amount; the store budget is the default commission times the distribution share
 * of the commission, the mall budget the distribution share of the price. Exceeding a budget at the
 * default commission is an error; exceeding it only at the minimum commission is a warning, because
 * then cuts the rewards.
 */
final class PlanBudget {
    /** Code of the warning that the store budget at the minimum commission cannot pay every reward. */
    static final String BUDGET_AT_MIN_COMMISSION = "BUDGET_AT_MIN_COMMISSION";

    /** One reward that can land on an order, by the field that sets it. */
    record Reward(String field, long ppm) {
    }

    private PlanBudget() {
    }

    /** Records an error for each channel whose rewards exceed its budget. */
    static void check(Plan draft, PlanFields root) {
        List<String> rewardFields = rewardFields(draft);
        if (!root.anyFailed(with(rewardFields, "split.store"))) {
            Plan.StoreSplit store = draft.store();
            List<Reward> rewards = storeRewards(draft);
            long budget = store.defaultCommissionPpm() * store.distributionPpm();
            if (sum(rewards) * Limits.PPM > budget) {
                root.error("split.store.distribution", describe(rewards) + " exceed split.store.distribution "
                        + PlanText.percentOfProduct(budget) + " (" + PlanText.percent(store.distributionPpm())
                        + " of the default commission " + PlanText.percent(store.defaultCommissionPpm()) + ")");
            }
        }
        if (!root.anyFailed(with(rewardFields, "deduct.merchantRebate", "split.mall"))) {
            List<Reward> rewards = mallRewards(draft);
            long budget = draft.mall().distributionPpm();
            if (sum(rewards) > budget) {
                root.error("split.mall.distribution", describe(rewards) + " exceed split.mall.distribution "
                        + PlanText.percent(budget));
            }
        }
    }

    /**
     * The fields the rewards are read from. A field that failed elsewhere (a tier's name, agents.city) does
     * not make the check meaningless, so it still runs and reports.
     */
    private static List<String> rewardFields(Plan draft) {
        List<String> fields = new ArrayList<>(List.of("referral.direct", "referral.indirect", "referral.firstOrder",
                "recruitment", "agents.province"));
        for (int i = 0; i < draft.tiers().size(); i++) {
            fields.add("tiers[" + i + "].direct");
            fields.add("tiers[" + i + "].indirect");
        }
        return fields;
    }

    private static String[] with(List<String> fields, String... more) {
        List<String> all = new ArrayList<>(fields);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    /** The warning of for a valid plan: at the minimum commission the budget cannot pay every reward. */
    static List<Finding> warnings(Plan plan) {
        return storeBudgetAt(plan, plan.store().minCommissionPpm(), "split.store.commission.min", "the minimum commission");
    }

    /**
     * The same warning for store orders at {@code commissionPpm}, set by {@code field} ({@code what} names it in
     * the text, such as "the minimum commission"); empty when the budget there pays every reward.
     */
    static List<Finding> storeBudgetAt(Plan plan, long commissionPpm, String field, String what) {
        List<Reward> rewards = storeRewards(plan);
        long budget = commissionPpm * plan.store().distributionPpm();
        if (sum(rewards) * Limits.PPM <= budget) {
            return List.of();
        }
        return List.of(new Finding(BUDGET_AT_MIN_COMMISSION, field, "at " + what + " " + PlanText.percent(commissionPpm)
                + " the distribution budget is " + PlanText.percentOfProduct(budget) + " of the amount, less than "
                + describe(rewards) + "; such orders pay rewards in the order direct, indirect, first order, "
                + "recruitment, agents until the budget is spent and cut the rest (R-2.3, R-2.4)"));
    }

    /**
     * The most each reward can take from one store order. The agent differential never pays more in all
     * than the province rate; a tier's higher direct or indirect rate replaces the plan's.
     */
    static List<Reward> storeRewards(Plan plan) {
        Plan.Referral referral = plan.referral();
        Reward direct = new Reward("referral.direct", referral.directPpm());
        Reward indirect = new Reward("referral.indirect", referral.indirectPpm());
        for (int i = 0; i < plan.tiers().size(); i++) {
            Plan.Tier tier = plan.tiers().get(i);
            if (tier.directPpm() > direct.ppm()) {
                direct = new Reward("tiers[" + i + "].direct", tier.directPpm());
            }
            if (tier.indirectPpm() > indirect.ppm()) {
                indirect = new Reward("tiers[" + i + "].indirect", tier.indirectPpm());
            }
        }
        List<Reward> rewards = new ArrayList<>(List.of(direct, indirect,
                new Reward("referral.firstOrder", referral.firstOrderPpm()),
                new Reward("recruitment", plan.recruitmentPpm()),
                new Reward("agents.province", plan.agents().provincePpm())));
        return rewards;
    }

    /** The store rewards and the merchant's rebate on cash spent in the mall. */
    static List<Reward> mallRewards(Plan plan) {
        List<Reward> rewards = storeRewards(plan);
        rewards.add(new Reward("deduct.merchantRebate", plan.deduct().merchantRebatePpm()));
        return rewards;
    }

    static long sum(List<Reward> rewards) {
        return rewards.stream().mapToLong(Reward::ppm).sum();
    }

    /** "referral.direct: 1.5% + referral.indirect: 1%", naming only the rewards that pay something. */
    static String describe(List<Reward> rewards) {
        StringBuilder text = new StringBuilder();
        for (Reward reward : rewards) {
            if (reward.ppm() > 0) {
                text.append(text.length() == 0 ? "" : " + ").append(reward.field()).append(": ")
                        .append(PlanText.percent(reward.ppm()));
            }
        }
        return text.toString();
    }
}
