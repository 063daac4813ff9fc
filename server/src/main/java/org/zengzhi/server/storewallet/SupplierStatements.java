package org.zengzhi.server.storewallet;

import static org.zengzhi.server.storewallet.StatementDays.dateOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daily settlement statements of a supplier (供应商结算单, issue 19 item 2, four-party plans), in the plan's time
 * zone: for each day with movements of its cash ({@code SUPPLIER_CASH}) or of its cash being withdrawn
 * ({@code SUPPLIER_CASH_WITHDRAWING}), the opening balance, what came in and went out by kind, the closing
 * balance and the cash frozen for withdrawals at the end of the day. Closing = opening + prepayments + settlements
 * − clawbacks − withdrawn + returned + other, to the fen; each closing balance is the next opening, so the last
 * closing balance is the ledger's {@code SUPPLIER_CASH} and the last {@code withdrawing} its
 * {@code SUPPLIER_CASH_WITHDRAWING}.
 */
final class SupplierStatements {
    private SupplierStatements() {
    }

    /**
     * One day's statement; amounts in fen. {@code prepaymentsFen}: 30% of the supplier's share at payment;
     * {@code settlementsFen}: the remainders at settlement; {@code clawbacksFen}: prepayments taken back by
     * refunds; {@code withdrawnFen}: frozen for withdrawals; {@code returnedFen}: rejected or failed withdrawals
     * back; {@code paidFen}: withdrawals paid out of the frozen cash; {@code otherFen}: anything else (the
     * platform's bonuses and buy-backs, deductions). {@code withdrawingFen}: frozen at the end of the day.
     */
    record Day(LocalDate date, long openingFen, long prepaymentsFen, long settlementsFen, long clawbacksFen,
            long withdrawnFen, long returnedFen, long otherFen, long closingFen, long paidFen, long withdrawingFen) {
    }

    private static final int PREPAID = 0;
    private static final int SETTLED = 1;
    private static final int CLAWED = 2;
    private static final int WITHDRAWN = 3;
    private static final int RETURNED = 4;
    private static final int OTHER = 5;
    private static final int PAID = 6;
    private static final int FROZEN = 7;

    /**
     * The days of the postings (rows of {@code at}, {@code command_type}, {@code account_type}, {@code amount},
     * oldest first), newest first, at most {@code days} of them.
     */
    static List<Day> daily(List<Map<String, Object>> postings, ZoneId zone, int days) {
        List<Day> all = new ArrayList<>();
        long cash = 0;
        long frozen = 0;
        int i = 0;
        while (i < postings.size()) {
            LocalDate date = dateOf(postings.get(i).get("at"), zone);
            long opening = cash;
            long[] sums = new long[8];
            while (i < postings.size() && dateOf(postings.get(i).get("at"), zone).equals(date)) {
                Map<String, Object> row = postings.get(i++);
                long amount = ((Number) row.get("amount")).longValue();
                if ("SUPPLIER_CASH".equals(row.get("account_type"))) {
                    sums[kind((String) row.get("command_type"), amount)] += amount;
                    cash = Math.addExact(cash, amount);
                } else {
                    sums[amount < 0 && "SETTLE_WITHDRAWAL".equals(row.get("command_type")) ? PAID : FROZEN] += amount;
                    frozen = Math.addExact(frozen, amount);
                }
            }
            all.add(new Day(date, opening, sums[PREPAID], sums[SETTLED], -sums[CLAWED], -sums[WITHDRAWN],
                    sums[RETURNED], sums[OTHER], cash, -sums[PAID], frozen));
        }
        return StatementDays.newestFirst(all, days);
    }

    /** The kind of a posting to the supplier's cash, by the command it belongs to and its sign. */
    private static int kind(String commandType, long amount) {
        return switch (commandType) {
            case "PAY_PARTY_ORDER" -> amount > 0 ? PREPAID : OTHER;
            case "TICK" -> amount > 0 ? SETTLED : OTHER;
            case "REFUND_ORDER" -> amount < 0 ? CLAWED : OTHER;
            case "REQUEST_WITHDRAWAL" -> amount < 0 ? WITHDRAWN : OTHER;
            case "REVIEW_WITHDRAWAL", "SETTLE_WITHDRAWAL" -> amount > 0 ? RETURNED : OTHER;
            default -> OTHER;
        };
    }
}
