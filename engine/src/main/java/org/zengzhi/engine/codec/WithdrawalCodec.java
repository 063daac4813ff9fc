package org.zengzhi.engine.codec;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.withdrawal.Withdrawal;
import org.zengzhi.engine.withdrawal.WithdrawalState;
import org.zengzhi.engine.withdrawal.Withdrawals;

/** Withdrawals inside engine snapshots: every withdrawal in request order, then the day's totals by participant. */
final class WithdrawalCodec {
    private WithdrawalCodec() {
    }

    static void write(Engine engine, DataOutputStream out) throws IOException {
        Withdrawals withdrawals = engine.models().withdrawals().book();
        out.writeInt(withdrawals.count());
        for (int i = 0; i < withdrawals.count(); i++) {
            Withdrawal withdrawal = withdrawals.get(i);
            out.writeUTF(withdrawal.id());
            out.writeUTF(withdrawal.user());
            out.writeLong(withdrawal.amountFen());
            out.writeLong(withdrawal.feeFen());
            out.writeUTF(withdrawal.state().name());
            out.writeLong(withdrawal.requestedAt().getEpochSecond());
            out.writeInt(withdrawal.requestedAt().getNano());
            writeOptional(withdrawal.reason(), out);
            writeOptional(withdrawal.providerReference(), out);
        }
        out.writeLong(withdrawals.today());
        out.writeInt(withdrawals.todayTotals().size());
        for (Map.Entry<Integer, Long> total : withdrawals.todayTotals().entrySet()) {
            out.writeInt(total.getKey());
            out.writeLong(total.getValue());
        }
    }

    static void read(Engine engine, DataInputStream in) throws IOException {
        Withdrawals withdrawals = engine.models().withdrawals().book();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            withdrawals.add(new Withdrawal(in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                    WithdrawalState.valueOf(in.readUTF()), Instant.ofEpochSecond(in.readLong(), in.readInt()),
                    readOptional(in), readOptional(in)));
        }
        long today = in.readLong();
        int totals = in.readInt();
        Map<Integer, Long> todayTotals = new TreeMap<>();
        for (int i = 0; i < totals; i++) {
            todayTotals.put(in.readInt(), in.readLong());
        }
        withdrawals.restoreToday(today, todayTotals);
    }

    /** A presence flag first, so that null and an empty text stay apart. */
    private static void writeOptional(String text, DataOutputStream out) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            out.writeUTF(text);
        }
    }

    private static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
