package org.zengzhi.engine;

import java.util.List;

import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.Price;

/** Plans for tests, built from SPEC's defaults with one part changed. */
public final class TestPlans {
    static final PoolRules LOCAL_LIFE_POOL = PoolRules.of(700_000, 800_000, "1.2", Price.ONE_YUAN);

    private TestPlans() {
    }

    public static Plan localLife() {
        return Plan.defaults(LOCAL_LIFE_POOL);
    }

    static Plan withReferral(Plan p, long directPpm, long indirectPpm, long firstOrderPpm) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), p.refundAfterSettlement(),
                new Plan.Referral(directPpm, indirectPpm, firstOrderPpm, p.referral().bindAtFirstPayment()),
                p.recruitmentPpm(), p.agents(), p.deduct(), p.tiers(), p.compliance(), p.withdrawal());
    }

    static Plan withRecruitment(Plan p, long recruitmentPpm) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), p.refundAfterSettlement(),
                p.referral(), recruitmentPpm, p.agents(), p.deduct(), p.tiers(), p.compliance(), p.withdrawal());
    }

    static Plan withAgents(Plan p, long district, long city, long province) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), p.refundAfterSettlement(),
                p.referral(), p.recruitmentPpm(), new Plan.AgentRates(district, city, province), p.deduct(), p.tiers(),
                p.compliance(), p.withdrawal());
    }

    public static Plan withDeduct(Plan p, long storeMultiplePpm, long mallMaxPpm, long merchantRebatePpm) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), p.refundAfterSettlement(),
                p.referral(), p.recruitmentPpm(), p.agents(), new Plan.Deduct(storeMultiplePpm, mallMaxPpm,
                        merchantRebatePpm), p.tiers(), p.compliance(), p.withdrawal());
    }

    public static Plan withRefundPolicy(Plan p, Plan.RefundPolicy policy) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), policy, p.referral(),
                p.recruitmentPpm(), p.agents(), p.deduct(), p.tiers(), p.compliance(), p.withdrawal());
    }

    static Plan withTiers(Plan p, List<Plan.Tier> tiers) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), p.refundAfterSettlement(),
                p.referral(), p.recruitmentPpm(), p.agents(), p.deduct(), tiers, p.compliance(), p.withdrawal());
    }

    public static Plan withWithdrawal(Plan p, Plan.Withdrawal withdrawal) {
        return new Plan(p.name(), p.pool(), p.store(), p.mall(), p.settlement(), p.refundAfterSettlement(),
                p.referral(), p.recruitmentPpm(), p.agents(), p.deduct(), p.tiers(), p.compliance(), withdrawal);
    }

    /** Only the given referral rates: no recruitment, agent or first-order rewards. */
    static Plan referralOnly(long directPpm, long indirectPpm) {
        return withAgents(withRecruitment(withReferral(localLife(), directPpm, indirectPpm, 0), 0), 0, 0, 0);
    }
}
