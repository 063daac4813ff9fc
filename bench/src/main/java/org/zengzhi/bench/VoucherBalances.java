package org.zengzhi.bench;

import java.util.Arrays;

import org.zengzhi.engine.green.GreenPool;
import org.zengzhi.engine.green.GreenPostings;

/**
 * The ledger side of {@link GreenDividendWorkload}: each dividend payment is added to its holder's voucher
 * balance in a {@code long[]}, as the engine's posting would add it to an account, so the work stays in the
 * measurement and the total can be checked. The workload earns its lots through {@code DividendPool.earn},
 * which posts nothing, so any other posting is a surprise and fails at once.
 */
final class VoucherBalances implements GreenPostings {
    private final long[] vouchersFen;
    private long paidFen;
    private long payments;
    private long retiredLots;

    VoucherBalances(int holders) {
        this.vouchersFen = new long[holders];
    }

    void reset() {
        Arrays.fill(vouchersFen, 0);
        paidFen = 0;
        payments = 0;
        retiredLots = 0;
    }

    @Override
    public void dividendVouchersPaid(GreenPool pool, int holder, long fen) {
        vouchersFen[holder] += fen;
        paidFen += fen;
        payments++;
    }

    @Override
    public void lotRetired(GreenPool pool, int holder, long centipoints, int periods, long vouchersFen) {
        retiredLots++;
    }

    @Override
    public void pointsEarned(GreenPool pool, int holder, long centipoints) {
        throw new IllegalStateException("the dividend workload posts no earnings, yet holder " + holder + " earned");
    }

    @Override
    public void coinsEarned(int user, long fen) {
        throw new IllegalStateException("the dividend workload posts no coins, yet user " + user + " earned some");
    }

    @Override
    public void boundVouchersPaid(int merchant, long fen) {
        throw new IllegalStateException("the dividend workload binds no merchant, yet merchant " + merchant + " was paid");
    }

    /** The sum of every holder's balance, added up again from the array rather than from the running total. */
    long balanceTotalFen() {
        long total = 0;
        for (long fen : vouchersFen) {
            total = Math.addExact(total, fen);
        }
        return total;
    }

    long balanceFen(int holder) {
        return vouchersFen[holder];
    }

    long paidFen() {
        return paidFen;
    }

    long payments() {
        return payments;
    }

    long retiredLots() {
        return retiredLots;
    }
}
