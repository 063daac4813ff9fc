package org.zengzhi.server.green;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Posting;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * The green-points history (issue 20 items 1–3 and 6): every dividend of each pool ({@code green_dividends}), the
 * vouchers each holder received from them ({@code green_receipts}) and each promoter's closed months
 * ({@code green_promoter_months}), written inside the journal's transaction like the other read models.
 *
 * <p>A dividend's event is pool-wide; what each holder received comes from the command's postings. In a command
 * that pays a consumer dividend the only credits of consumers' vouchers are that dividend's (settlements credit
 * stores, refunds are commands of their own). Stores' vouchers are also credited by settlements (the 5% of bound
 * customers, issue 17 rule 5), each named by a {@code greenEarned} event of the same command: those are taken off.
 */
public final class GreenReadModel implements ReadModel {
    private static final String CONSUMER = "consumer";
    private static final String MERCHANT = "merchant";

    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> dividends = new ArrayList<>();
        List<Object[]> receipts = new ArrayList<>();
        List<Object[]> months = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            boolean consumer = false;
            boolean merchant = false;
            for (Event event : applied.events()) {
                if (event instanceof Event.DividendPaid paid) {
                    consumer |= CONSUMER.equals(paid.pool());
                    merchant |= MERCHANT.equals(paid.pool());
                    dividends.add(new Object[] {paid.pool(), paid.period(), Timestamp.from(paid.at()),
                        paid.valueCentipoints(), paid.growthPpm(), paid.scalePpm(), paid.vouchersFen(), paid.lots(),
                        paid.retired(), applied.seq()});
                } else if (event instanceof Event.PromoterMonthClosed month) {
                    months.add(new Object[] {month.user(), month.month(), month.rank(), month.nextRank(),
                        month.metricFen(), month.personalFen(), month.coachingFen(), month.subsidyFen(), applied.seq()});
                }
            }
            if (consumer) {
                receipts(applied, CONSUMER, credits(applied, AccountType.USER_VOUCHER), receipts);
            }
            if (merchant) {
                Map<String, Long> credited = credits(applied, AccountType.MERCHANT_VOUCHER);
                for (Event event : applied.events()) {
                    if (event instanceof Event.GreenEarned earned && earned.boundMerchant() != null) {
                        credited.merge(earned.boundMerchant(), -earned.boundVouchersFen(), Long::sum);
                    }
                }
                receipts(applied, MERCHANT, credited, receipts);
            }
        }
        insert.rows("green_dividends", List.of("pool", "period_no", "due_at", "pool_value", "growth_ppm", "scale_ppm",
                "vouchers", "lots", "retired", "command_seq"), dividends);
        insert.rows("green_receipts", List.of("command_seq", "pool", "holder", "vouchers"), receipts);
        insert.rows("green_promoter_months", List.of("promoter", "closed_month", "rank_held", "next_rank", "metric",
                "personal", "coaching", "subsidy", "command_seq"), months);
    }

    /** The sum of the command's credits to accounts of {@code type}, by owner, in the order first credited. */
    private static Map<String, Long> credits(AppliedCommand applied, AccountType type) {
        Map<String, Long> credits = new LinkedHashMap<>();
        for (Posting posting : applied.postings()) {
            if (posting.type() == type && posting.amount() > 0) {
                credits.merge(posting.owner(), posting.amount(), Long::sum);
            }
        }
        return credits;
    }

    private static void receipts(AppliedCommand applied, String pool, Map<String, Long> credits, List<Object[]> rows) {
        credits.forEach((holder, vouchers) -> {
            if (vouchers > 0) {
                rows.add(new Object[] {applied.seq(), pool, holder, vouchers});
            }
        });
    }
}
