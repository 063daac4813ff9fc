package org.zengzhi.server.storewallet;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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

    /** One day's statement; amounts in fen. */
    record Day(LocalDate date, long openingFen, long settledFen, long refundsFen, long withdrawnFen, long returnedFen,
            long otherFen, long closingFen) {
    }

    /** The days of the postings (oldest first), newest first, at most {@code days} of them. */
    static List<Day> daily(List<Map<String, Object>> postings, ZoneId zone, int days) {
        List<Day> all = new ArrayList<>();
        long balance = 0;
        int i = 0;
        while (i < postings.size()) {
            LocalDate date = dateOf(postings.get(i), zone);
            long opening = balance;
            long[] sums = new long[5];
            while (i < postings.size() && dateOf(postings.get(i), zone).equals(date)) {
                Map<String, Object> row = postings.get(i++);
                long amount = ((Number) row.get("amount")).longValue();
                sums[kind((String) row.get("command_type"), amount)] += amount;
                balance = Math.addExact(balance, amount);
            }
            all.add(new Day(date, opening, sums[0], -sums[1], -sums[2], sums[3], sums[4], balance));
        }
        List<Day> newestFirst = new ArrayList<>();
        for (int d = all.size() - 1; d >= 0 && newestFirst.size() < days; d--) {
            newestFirst.add(all.get(d));
        }
        return newestFirst;
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

    private static LocalDate dateOf(Map<String, Object> row, ZoneId zone) {
        Object at = row.get("at");
        if (at instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(zone).toLocalDate();
        }
        return ((Timestamp) at).toInstant().atZone(zone).toLocalDate();
    }
}
