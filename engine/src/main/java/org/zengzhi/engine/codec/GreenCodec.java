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
import org.zengzhi.engine.green.flow.GreenFlow;
import org.zengzhi.engine.order.Order;

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
        engine.restoreGreen(GreenModel.read(in, engine.plan().greenPoints()));
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            Order order = engine.models().orders().orders().find(in.readUTF());
            order.voucherFen = in.readLong();
        }
    }

    static void writeRules(GreenRules rules, DataOutputStream out) throws IOException {
        out.writeUTF(rules.timeZone().getId());
        out.writeLong(rules.coinSharePpm());
        out.writeLong(rules.boundMerchantSharePpm());
        out.writeLong(rules.dividendCapPpm().orElse(-1));
        writeTerms(rules.consumerPool(), out);
        writeTerms(rules.merchantPool(), out);
    }

    static GreenRules readRules(DataInputStream in) throws IOException {
        ZoneId zone = ZoneId.of(in.readUTF());
        long coins = in.readLong();
        long bound = in.readLong();
        long cap = in.readLong();
        return new GreenRules(zone, coins, bound, cap < 0 ? OptionalLong.empty() : OptionalLong.of(cap),
                readTerms(in), readTerms(in));
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
