package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.Price;

/** A plan as canonical bytes inside engine snapshots, so the state hash covers the rules in force. */
final class PlanCodec {
    private PlanCodec() {
    }

    static void write(Plan plan, DataOutputStream out) throws IOException {
        out.writeUTF(plan.name());
        PoolRules pool = plan.pool();
        writeLongs(out, pool.mintRatioPpm(), pool.payoutRatioPpm(), pool.exitMultipleNumerator(),
                pool.exitMultipleDenominator(), pool.initialPrice().cashFen(), pool.initialPrice().pointsMicro());
        Plan.StoreSplit store = plan.store();
        writeLongs(out, store.defaultCommissionPpm(), store.minCommissionPpm(), store.maxCommissionPpm(),
                store.platformPpm(), store.distributionPpm(), store.poolPpm());
        Plan.MallSplit mall = plan.mall();
        writeLongs(out, mall.costPpm(), mall.distributionPpm(), mall.platformPpm(), mall.poolPpm());
        Plan.Settlement settlement = plan.settlement();
        writeLongs(out, settlement.storeDays(), settlement.mallReturnDays(), settlement.mallAutoReceiveDays());
        out.writeUTF(plan.refundAfterSettlement().name());
        Plan.Referral referral = plan.referral();
        writeLongs(out, referral.directPpm(), referral.indirectPpm(), referral.firstOrderPpm());
        out.writeBoolean(referral.bindAtFirstPayment());
        out.writeLong(plan.recruitmentPpm());
        writeLongs(out, plan.agents().districtPpm(), plan.agents().cityPpm(), plan.agents().provincePpm());
        writeLongs(out, plan.deduct().storeMultiplePpm(), plan.deduct().mallMaxPpm(), plan.deduct().merchantRebatePpm());
        out.writeInt(plan.tiers().size());
        for (Plan.Tier tier : plan.tiers()) {
            out.writeUTF(tier.name());
            writeLongs(out, tier.minSpendFen(), tier.minInvitees(), tier.rebatePpm(), tier.directPpm(), tier.indirectPpm());
        }
        Plan.Compliance compliance = plan.compliance();
        out.writeBoolean(compliance.riskAcknowledged());
        writeLongs(out, compliance.teamAllowancePpm(), compliance.agentFeeFen());
        out.writeBoolean(compliance.fundsInEscrow());
        out.writeInt(compliance.extraReferralLevels());
        Plan.Withdrawal withdrawal = plan.withdrawal();
        writeLongs(out, withdrawal.minimumFen(), withdrawal.feePpm(), withdrawal.feeMinimumFen(),
                withdrawal.dailyLimitFen(), withdrawal.reviewAboveFen());
    }

    static Plan read(DataInputStream in) throws IOException {
        String name = in.readUTF();
        PoolRules pool = new PoolRules(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                new Price(in.readLong(), in.readLong()));
        Plan.StoreSplit store = new Plan.StoreSplit(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), in.readLong());
        Plan.MallSplit mall = new Plan.MallSplit(in.readLong(), in.readLong(), in.readLong(), in.readLong());
        Plan.Settlement settlement = new Plan.Settlement((int) in.readLong(), (int) in.readLong(), (int) in.readLong());
        Plan.RefundPolicy refund = Plan.RefundPolicy.valueOf(in.readUTF());
        Plan.Referral referral = new Plan.Referral(in.readLong(), in.readLong(), in.readLong(), in.readBoolean());
        long recruitment = in.readLong();
        Plan.AgentRates agents = new Plan.AgentRates(in.readLong(), in.readLong(), in.readLong());
        Plan.Deduct deduct = new Plan.Deduct(in.readLong(), in.readLong(), in.readLong());
        int tierCount = in.readInt();
        List<Plan.Tier> tiers = new ArrayList<>(tierCount);
        for (int i = 0; i < tierCount; i++) {
            tiers.add(new Plan.Tier(in.readUTF(), in.readLong(), (int) in.readLong(), in.readLong(), in.readLong(),
                    in.readLong()));
        }
        Plan.Compliance compliance = new Plan.Compliance(in.readBoolean(), in.readLong(), in.readLong(),
                in.readBoolean(), in.readInt());
        Plan.Withdrawal withdrawal = new Plan.Withdrawal(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                in.readLong());
        return new Plan(name, pool, store, mall, settlement, refund, referral, recruitment, agents, deduct, tiers,
                compliance, withdrawal);
    }

    private static void writeLongs(DataOutputStream out, long... values) throws IOException {
        for (long value : values) {
            out.writeLong(value);
        }
    }
}
