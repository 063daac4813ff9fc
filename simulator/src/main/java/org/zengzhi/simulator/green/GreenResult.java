package org.zengzhi.simulator.green;

import java.time.LocalDate;
import java.util.List;

/**
 * What one variant of a green-points scenario produced, every figure an integer in its smallest unit (fen,
 * centipoints, ppm) read from the engine's events and ledger.
 */
public record GreenResult(String label, List<DividendRow> dividends, List<MonthRow> months, List<CohortYield> cohorts,
        Totals totals) {

    /** Coverage when nothing is owed: shown as "—". */
    public static final long NOTHING_OWED = Long.MIN_VALUE;

    /**
     * One dividend (issue 17 rules 3, 4, 8): its pay day in the plan's zone, pool, period, the pool's value, growth
     * and scale (ppm; growth −1 for the first), the schedule's rate for that period number (lots paid from the
     * pool's first period; −1 past periodsMax, when no lot can be there), vouchers paid, active lots and lots retired.
     */
    public record DividendRow(LocalDate day, String pool, int period, long valueCentipoints, long growthPpm,
            long scalePpm, long periodRatePpm, long vouchersFen, int lots, int retired) {
    }

    /**
     * The books at the end of a month: 让利 collected so far (into the settlement centre), vouchers issued so far
     * (dividends and bound merchants), coins issued, the settlement centre's cash, vouchers and coins outstanding
     * (owed), the coverage cash / (vouchers + coins outstanding) in ppm (floor), promoter pay so far.
     */
    public record MonthRow(String month, int consumers, long rangliFen, long dividendVouchersFen,
            long boundVouchersFen, long coinsIssuedFen, long centreCashFen, long vouchersOutstandingFen,
            long coinsOutstandingFen, long coveragePpm, long promoterPayFen) {
    }

    /** Consumers who joined in one month: the points they earned and the dividend vouchers they received. */
    public record CohortYield(String month, int consumers, long pointsCentipoints, long vouchersFen, long yieldPpm) {
    }

    /**
     * The run's totals: store and coin orders accepted, payments refused (the engine's rejections, such as
     * vouchers the payer no longer held), lots earned, retired, and retired at their cap (rule 4), the final
     * month's books.
     */
    public record Totals(long storeOrders, long coinOrders, long refused, long lotsEarned, long lotsRetired,
            long lotsAtCap, MonthRow last) {
        /** The share of retired lots that reached their cap, in ppm (0 when none retired). */
        public long atCapSharePpm() {
            return lotsRetired == 0 ? 0 : lotsAtCap * 1_000_000 / lotsRetired;
        }
    }

    /** ⌊cash·10⁶ / owed⌋, exactly (floor for a negative cash); {@link #NOTHING_OWED} when nothing is owed. */
    public static long coveragePpm(long cashFen, long owedFen) {
        return owedFen == 0 ? NOTHING_OWED : Math.floorDiv(Math.multiplyExact(cashFen, 1_000_000L), owedFen);
    }
}
