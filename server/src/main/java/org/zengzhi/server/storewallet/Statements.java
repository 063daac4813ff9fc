package org.zengzhi.server.storewallet;

import static org.zengzhi.server.storewallet.StatementDays.dateOf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Daily settlement statements of a store (结算单, issue 19 item 2), in the plan's time zone: for each day with
 * movements of its settled cash, the opening balance, what came in and went out by kind, and the closing
 * balance. Closing = opening + settled + returned − refunds − withdrawn + other, to the fen, and each closing
 * balance is the next opening: the sum of every row is the ledger's {@code MERCHANT_CASH} of the store.
 */
final class Statements {
    private Statements() {
    }

    /**
     * One day's statement; amounts in fen. {@code grossFen} is the amount A of the orders settled that day and
     * {@code commissionFen} the 让利 C the platform kept of them (issue 19 item 3), so that gross − commission is
     * the day's {@code settledFen} for a store's own orders.
     */
    record Day(LocalDate date, long openingFen, long settledFen, long refundsFen, long withdrawnFen, long returnedFen,
            long otherFen, long closingFen, long grossFen, long commissionFen) {
    }

    /**
     * The orders settled per day of the plan's zone from rows of {@code settled_at}, {@code amount} and
     * {@code merchant_share}: for each day {A, C} with C = A − the store's share.
     */
    static Map<LocalDate, long[]> takingsPerDay(List<Map<String, Object>> orders, ZoneId zone) {
        Map<LocalDate, long[]> perDay = new java.util.HashMap<>();
        for (Map<String, Object> row : orders) {
            long amount = ((Number) row.get("amount")).longValue();
            long share = ((Number) row.get("merchant_share")).longValue();
            long[] sums = perDay.computeIfAbsent(dateOf(row.get("settled_at"), zone), d -> new long[2]);
            sums[0] = Math.addExact(sums[0], amount);
            sums[1] = Math.addExact(sums[1], amount - share);
        }
        return perDay;
    }

    /**
     * The days of the postings (oldest first), newest first, at most {@code days} of them, each with the gross
     * and commission of the orders settled that day ({@link #takingsPerDay}).
     */
    static List<Day> daily(List<Map<String, Object>> postings, Map<LocalDate, long[]> takings, ZoneId zone,
            int days) {
        List<Day> all = new ArrayList<>();
        long balance = 0;
        int i = 0;
        while (i < postings.size()) {
            LocalDate date = dateOf(postings.get(i).get("at"), zone);
            long opening = balance;
            long[] sums = new long[5];
            while (i < postings.size() && dateOf(postings.get(i).get("at"), zone).equals(date)) {
                Map<String, Object> row = postings.get(i++);
                long amount = ((Number) row.get("amount")).longValue();
                sums[kind((String) row.get("command_type"), amount)] += amount;
                balance = Math.addExact(balance, amount);
            }
            long[] day = takings.getOrDefault(date, new long[2]);
            all.add(new Day(date, opening, sums[0], -sums[1], -sums[2], sums[3], sums[4], balance, day[0], day[1]));
        }
        return StatementDays.newestFirst(all, days);
    }

    /** 0 settled takings, 1 refunds, 2 withdrawn, 3 withdrawals returned (rejected or failed), 4 anything else. */
    private static int kind(String commandType, long amount) {
        return switch (commandType) {
            case "TICK", "CONFIRM_RECEIPT" -> amount > 0 ? 0 : 4;
            case "REFUND_ORDER" -> amount < 0 ? 1 : 4;
            case "REQUEST_WITHDRAWAL" -> amount < 0 ? 2 : 4;
            case "REVIEW_WITHDRAWAL", "SETTLE_WITHDRAWAL" -> amount > 0 ? 3 : 4;
            default -> 4;
        };
    }
}
