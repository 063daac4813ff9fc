package org.zengzhi.engine.order;

import java.util.List;

import org.zengzhi.engine.Command.PayOrder;
import org.zengzhi.engine.RegionLevel;
import org.zengzhi.engine.network.Merchants;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/**
 * Who earns what on an order: the rewards a payment plans, and an order's
 * rewards rebuilt as records from its packed data. It caches the agents along the last order's region path.
 */
final class Rewards {
    private final Network network;
    private final Participants participants;
    private final Merchants merchants;
    /** The rewards of the order being paid: one plan, reset for each payment. */
    private final RewardPlan rewardPlan = new RewardPlan();
    private String agentRegion;
    private int agentsVersion;
    private List<RegionDirectory.RegionRef> agentPath;
    private int[] agentIds;
    private Plan plan;

    Rewards(Plan plan, Network network) {
        this.plan = plan;
        this.network = network;
        this.participants = network.participants();
        this.merchants = network.merchants();
    }

    void usePlan(Plan newPlan) {
        plan = newPlan;
    }

    /**
     * The rewards of a payment, in the order they draw from the distribution budget: direct,
     * indirect, first order, recruitment, agents, mall rebate. The plan returned is reused by the next payment.
     */
    RewardPlan forPayment(PayOrder pay, int participant, int merchant, String region, long budgetFen) {
        long amount = pay.amountFen();
        RewardPlan rewards = rewardPlan.reset(budgetFen);
        int direct = participants.referrer(participant);
        int indirect = direct < 0 ? -1 : participants.referrer(direct);
        rewards.add(RewardKind.DIRECT, direct, network.externalId(direct), null, null,
                Splits.ofRate(amount, network.directRate(direct)));
        rewards.add(RewardKind.INDIRECT, indirect, network.externalId(indirect), null, null,
                Splits.ofRate(amount, network.indirectRate(indirect)));
        if (participants.liveOrders(participant) == 0) {
            rewards.add(RewardKind.FIRST_ORDER, direct, network.externalId(direct), null, null,
                    Splits.ofRate(amount, plan.referral().firstOrderPpm()));
        }
        int recruiter = merchant < 0 ? -1 : merchants.get(merchant).recruiter;
        rewards.add(RewardKind.RECRUITMENT, recruiter, network.externalId(recruiter), null, null,
                Splits.ofRate(amount, plan.recruitmentPpm()));
        addAgentRewards(rewards, region, amount);
        if (pay.channel() == Channel.MALL) {
            int bound = participants.boundMerchant(participant);
            rewards.add(RewardKind.MALL_REBATE, bound, bound < 0 ? null : merchants.get(bound).id, null, null,
                    Splits.ofRate(amount, plan.deduct().merchantRebatePpm()));
        }
        return rewards;
    }

    /**
     * Agent differential: from the order's region up to its province, an agent at level L
     * receives ⌊A·r_L⌋ − ⌊A·r_B⌋, where B is the nearest lower level with an active agent (0 if none).
     */
    private void addAgentRewards(RewardPlan rewards, String region, long amount) {
        if (region == null) {
            return;
        }
        loadAgents(region);
        long paidBelow = 0;
        for (int i = 0; i < agentPath.size(); i++) {
            int agent = agentIds[i];
            if (agent < 0) {
                continue;
            }
            RegionDirectory.RegionRef ref = agentPath.get(i);
            long cumulative = Splits.ofRate(amount, plan.agents().rate(ref.level()));
            rewards.add(RewardKind.AGENT, agent, network.externalId(agent), ref.level(), ref.code(),
                    Math.max(0, cumulative - paidBelow));
            paidBelow = cumulative;
        }
    }

    /**
     * Looks up a region's path and the agent at each level, unless they are those of the previous order's
     * region (the same string) and no agent was appointed or removed since: most orders repeat a region.
     */
    private void loadAgents(String region) {
        if (region == agentRegion && network.agentsVersion() == agentsVersion) {
            return;
        }
        agentPath = network.regions().path(region);
        agentIds = new int[agentPath.size()];
        for (int i = 0; i < agentIds.length; i++) {
            agentIds[i] = network.agentOf(agentPath.get(i).code());
        }
        agentRegion = region;
        agentsVersion = network.agentsVersion();
    }

    /**
     * An order's rewards as records, rebuilt from its packed data: the recipient's external id from the owner
     * (a merchant for the mall rebate), an agent reward's region from the order's region path at its level.
     */
    Reward[] of(Order order) {
        Reward[] rewards = new Reward[order.rewardCount()];
        List<RegionDirectory.RegionRef> path = null;
        for (int i = 0; i < rewards.length; i++) {
            RewardKind kind = order.rewardKind(i);
            int owner = order.rewardOwner(i);
            RegionLevel level = order.rewardLevel(i);
            String recipient = kind.toMerchant() ? merchants.get(owner).id : participants.id(owner);
            String region = null;
            if (level != null) {
                path = path == null ? network.regions().path(order.region) : path;
                region = regionAt(path, order.region, level);
            }
            rewards[i] = new Reward(kind, recipient, level, region, order.rewardNominalFen(i), order.rewardAmountFen(i));
        }
        return rewards;
    }

    private static String regionAt(List<RegionDirectory.RegionRef> path, String region, RegionLevel level) {
        for (RegionDirectory.RegionRef ref : path) {
            if (ref.level() == level) {
                return ref.code();
            }
        }
        throw new IllegalStateException("region " + region + " has no " + level + " on its path");
    }
}
