package org.zengzhi.engine.green;

import java.util.ArrayList;
import java.util.List;

/** Records every effect the model posts, in order, as text, and keeps the totals tests compare. */
final class RecordingPostings implements GreenPostings {
    final List<String> lines = new ArrayList<>();
    final long[] earnedCentipoints = new long[GreenPool.values().length];
    final long[] retiredCentipoints = new long[GreenPool.values().length];
    final long[] dividendVouchersFen = new long[GreenPool.values().length];
    final long[] retiredVouchersFen = new long[GreenPool.values().length];
    final List<long[]> retiredLots = new ArrayList<>();
    long coinsFen;
    long boundVouchersFen;

    @Override
    public void pointsEarned(GreenPool pool, int holder, long centipoints) {
        earnedCentipoints[pool.ordinal()] += centipoints;
        lines.add("earned " + pool.label() + " " + holder + " " + centipoints);
    }

    @Override
    public void coinsEarned(int user, long fen) {
        coinsFen += fen;
        lines.add("coins " + user + " " + fen);
    }

    @Override
    public void boundVouchersPaid(int merchant, long fen) {
        boundVouchersFen += fen;
        lines.add("bound " + merchant + " " + fen);
    }

    @Override
    public void dividendVouchersPaid(GreenPool pool, int holder, long fen) {
        dividendVouchersFen[pool.ordinal()] += fen;
        lines.add("vouchers " + pool.label() + " " + holder + " " + fen);
    }

    @Override
    public void lotRetired(GreenPool pool, int holder, long centipoints, int periods, long vouchersFen) {
        retiredCentipoints[pool.ordinal()] += centipoints;
        retiredVouchersFen[pool.ordinal()] += vouchersFen;
        retiredLots.add(new long[] {pool.ordinal(), centipoints, periods, vouchersFen});
        lines.add("retired " + pool.label() + " " + holder + " " + centipoints + " " + periods + " " + vouchersFen);
    }
}
