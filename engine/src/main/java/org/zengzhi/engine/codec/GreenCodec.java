package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.green.GreenModel;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.green.PoolTerms;
import org.zengzhi.engine.green.RateSchedule;
import org.zengzhi.engine.greenflow.GreenFlow;
import org.zengzhi.engine.order.Order;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.rank.BoardCodec;
import org.zengzhi.engine.rank.Rank;
import org.zengzhi.engine.rank.RankLadder;

/**
 * The green-points parts of a snapshot (issue 17), only for a plan with green points, so a snapshot of any
 * other plan keeps its bytes and its state hash: such a snapshot has its own version number, the rules right
 * after the plan (the plan codec does not carry them), and at the end the model's pools and lots and the
 * voucher part of every order still in the book that has one.
 */
final class GreenCodec {
    private static final int MAGIC = 0x5A5A4757; // "ZZGW"

    private GreenCodec() {
    }

    static void write(Engine engine, DataOutputStream out) throws IOException {
        GreenFlow green = engine.models().green();
        if (green == null) {
            return;
        }
        out.writeInt(MAGIC);
        green.model().write(out);
        BoardCodec.write(green.board(), out);
        green.appointments().write(out);
        List<Order> withVouchers = new ArrayList<>();
        for (Order order : engine.models().orders().orders().inPaymentOrder()) {
            if (order.voucherFen != 0) {
                withVouchers.add(order);
            }
        }
        out.writeInt(withVouchers.size());
        for (Order order : withVouchers) {
            out.writeUTF(order.id);
            out.writeLong(order.voucherFen);
        }
    }

    /** Reads the last part of a snapshot of an engine whose plan has green points. */
    static void read(Engine engine, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a green-points snapshot part");
        }
        GreenModel model = GreenModel.read(in, engine.plan().greenPoints());
        engine.restoreGreen(model, BoardCodec.read(engine.plan().promoters(), in));
        engine.models().green().appointments().readFrom(in);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            Order order = engine.models().orders().orders().find(in.readUTF());
            order.voucherFen = in.readLong();
        }
    }

    /** The plan's green rules and promoter ladder, right after the plan itself. */
    static void writeRules(Plan plan, DataOutputStream out) throws IOException {
        GreenRules rules = plan.greenPoints();
        out.writeUTF(rules.timeZone().getId());
        out.writeLong(rules.coinSharePpm());
        out.writeLong(rules.boundMerchantSharePpm());
        out.writeLong(rules.dividendCapPpm().orElse(-1));
        writeTerms(rules.consumerPool(), out);
        writeTerms(rules.merchantPool(), out);
        writeLadder(plan.promoters(), out);
    }

    /** {@code plan} (as the plan codec read it) with the green rules and ladder {@link #writeRules} wrote. */
    static Plan readRules(Plan plan, DataInputStream in) throws IOException {
        ZoneId zone = ZoneId.of(in.readUTF());
        long coins = in.readLong();
        long bound = in.readLong();
        long cap = in.readLong();
        GreenRules rules = new GreenRules(zone, coins, bound, cap < 0 ? OptionalLong.empty() : OptionalLong.of(cap),
                readTerms(in), readTerms(in));
        return plan.withGreenPoints(rules, readLadder(in));
    }

    private static void writeLadder(RankLadder ladder, DataOutputStream out) throws IOException {
        out.writeLong(ladder.coachFullAtFen());
        out.writeLong(ladder.equityTopPpm());
        out.writeInt(ladder.size());
        for (Rank rank : ladder.ranks()) {
            out.writeUTF(rank.name());
            out.writeLong(rank.personalRatePpm());
            out.writeLong(rank.coachingRatePpm());
            out.writeLong(rank.fixedSubsidyFen());
            out.writeLong(rank.rewardSubsidyFen());
            out.writeLong(rank.rewardTargetFen());
            Rank.PromoteAfter promote = rank.promoteAfter();
            out.writeBoolean(promote != null);
            if (promote != null) {
                out.writeInt(promote.months());
                out.writeLong(promote.atLeastFen());
                out.writeLong(promote.orOneMonthFen());
            }
            Rank.DemoteAfter demote = rank.demoteAfter();
            out.writeBoolean(demote != null);
            if (demote != null) {
                out.writeInt(demote.months());
                out.writeLong(demote.belowFen());
            }
            out.writeInt(rank.teamSizeAtLeast());
            out.writeLong(rank.teamSalesAtLeastFen());
        }
    }

    private static RankLadder readLadder(DataInputStream in) throws IOException {
        long coachFullAt = in.readLong();
        long equityTop = in.readLong();
        int size = in.readInt();
        List<Rank> ranks = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = in.readUTF();
            long personal = in.readLong();
            long coaching = in.readLong();
            long fixed = in.readLong();
            long reward = in.readLong();
            long target = in.readLong();
            Rank.PromoteAfter promote = in.readBoolean()
                    ? new Rank.PromoteAfter(in.readInt(), in.readLong(), in.readLong()) : null;
            Rank.DemoteAfter demote = in.readBoolean() ? new Rank.DemoteAfter(in.readInt(), in.readLong()) : null;
            ranks.add(new Rank(name, personal, coaching, fixed, reward, target, promote, demote, in.readInt(),
                    in.readLong()));
        }
        return new RankLadder(ranks, coachFullAt, equityTop);
    }

    private static void writeTerms(PoolTerms terms, DataOutputStream out) throws IOException {
        out.writeLong(terms.startValueCentipoints());
        out.writeLong(terms.growthPpm());
        out.writeInt(terms.earliestPayDay());
        out.writeInt(terms.lateDays());
        out.writeLong(terms.capPpm());
        out.writeInt(terms.periodsMax());
        RateSchedule rates = terms.rates();
        out.writeBoolean(rates.isConstant());
        int listed = rates.isConstant() ? 1 : rates.listedPeriods();
        out.writeInt(listed);
        for (int i = 1; i <= listed; i++) {
            out.writeLong(rates.ratePpm(i));
        }
    }

    private static PoolTerms readTerms(DataInputStream in) throws IOException {
        long start = in.readLong();
        long growth = in.readLong();
        int earliest = in.readInt();
        int late = in.readInt();
        long cap = in.readLong();
        int periods = in.readInt();
        boolean constant = in.readBoolean();
        int listed = in.readInt();
        List<Long> rates = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            rates.add(in.readLong());
        }
        RateSchedule schedule = constant ? RateSchedule.constant(rates.get(0)) : RateSchedule.perPeriod(rates);
        return new PoolTerms(start, growth, earliest, late, schedule, cap, periods);
    }
}
