package org.zengzhi.server.withdrawal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * The {@code withdrawals} read model: a row when a withdrawal is requested, its state, review reason
 * and provider reference updated as it is reviewed and paid out. Written inside the journal's transaction,
 * like {@link org.zengzhi.server.order.OrderReadModel}.
 */
public final class WithdrawalReadModel implements ReadModel {
    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> requested = new ArrayList<>();
        List<Object[]> reviewed = new ArrayList<>();
        List<Object[]> settled = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Timestamp at = Timestamp.from(applied.command().at());
            for (Event event : applied.events()) {
                switch (event.type()) {
                    case WITHDRAWAL_REQUESTED -> requested.add(requestedRow((Event.WithdrawalRequested) event, at,
                            applied.seq()));
                    case WITHDRAWAL_REVIEWED -> {
                        Event.WithdrawalReviewed review = (Event.WithdrawalReviewed) event;
                        reviewed.add(new Object[] {review.state().name(), at, review.reason(), review.withdrawal()});
                    }
                    case WITHDRAWAL_SETTLED -> {
                        Event.WithdrawalSettled settle = (Event.WithdrawalSettled) event;
                        settled.add(new Object[] {settle.state().name(), at, settle.providerReference(),
                            settle.withdrawal()});
                    }
                    default -> {
                    }
                }
            }
        }
        insert.rows("withdrawals", List.of("withdrawal_id", "username", "amount", "fee", "payout", "state",
                "requested_at", "command_seq", "merchant_id", "supplier_id"), requested);
        if (!reviewed.isEmpty()) {
            jdbc.batchUpdate("UPDATE withdrawals SET state = ?, decided_at = ?, reason = ? WHERE withdrawal_id = ?",
                    reviewed);
        }
        if (!settled.isEmpty()) {
            jdbc.batchUpdate("UPDATE withdrawals SET state = ?, decided_at = ?, reference = ? WHERE withdrawal_id = ?",
                    settled);
        }
    }

    private static Object[] requestedRow(Event.WithdrawalRequested request, Timestamp at, long seq) {
        return new Object[] {request.withdrawal(), request.user(), request.amountFen(), request.feeFen(),
            request.payoutFen(), request.state().name(), at, seq, request.merchant(), request.supplier()};
    }
}
