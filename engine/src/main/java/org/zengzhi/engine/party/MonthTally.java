package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.Waterfall;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** The running totals of the month that a close turns into its {@link PartyPnl}. */
final class MonthTally {
    private static final int FIELDS = 19;

    long gmv;
    long fee;
    long dataService;
    long rebate;
    long commission;
    long allowance;
    long invite;
    long supplierShare;
    long supplierCost;
    long operatingCost;
    long margin;
    long rounding;
    long withheld;
    long cancelled;
    long transferFee;
    long depositPenalty;
    long baselineBonus;
    long tokenBuyback;
    long haircut;

    void addSettlement(Settlement settlement, long costFen) {
        Waterfall parts = settlement.waterfall();
        gmv = Math.addExact(gmv, parts.amountFen());
        fee += parts.feeFen();
        rebate += parts.rebateFen();
        commission += parts.commissionFen();
        allowance += parts.teamAllowanceFen();
        invite += parts.inviteRewardFen();
        supplierShare += parts.supplierShareFen();
        supplierCost = Math.addExact(supplierCost, costFen);
        margin += parts.marginFen();
        rounding += parts.roundingFen();
        withheld += settlement.withheldFen();
        cancelled += settlement.cancelledFen();
    }

    PartyPnl toPnl() {
        long income = fee + dataService;
        return new PartyPnl(gmv, fee, dataService, income, rebate, commission, allowance, invite, supplierShare,
                supplierCost, supplierShare - supplierCost, operatingCost, income - operatingCost, margin, rounding,
                withheld, cancelled, transferFee, depositPenalty, baselineBonus, tokenBuyback, haircut);
    }

    private long[] fields() {
        return new long[] {gmv, fee, dataService, rebate, commission, allowance, invite, supplierShare, supplierCost,
            operatingCost, margin, rounding, withheld, cancelled, transferFee, depositPenalty, baselineBonus,
            tokenBuyback, haircut};
    }

    void write(DataOutput out) throws IOException {
        for (long field : fields()) {
            out.writeLong(field);
        }
    }

    void read(DataInput in) throws IOException {
        long[] f = new long[FIELDS];
        for (int i = 0; i < FIELDS; i++) {
            f[i] = in.readLong();
        }
        load(f);
    }

    /** A new month starts from zero on every line. */
    void reset() {
        load(new long[FIELDS]);
    }

    private void load(long[] f) {
        gmv = f[0];
        fee = f[1];
        dataService = f[2];
        rebate = f[3];
        commission = f[4];
        allowance = f[5];
        invite = f[6];
        supplierShare = f[7];
        supplierCost = f[8];
        operatingCost = f[9];
        margin = f[10];
        rounding = f[11];
        withheld = f[12];
        cancelled = f[13];
        transferFee = f[14];
        depositPenalty = f[15];
        baselineBonus = f[16];
        tokenBuyback = f[17];
        haircut = f[18];
    }
}
