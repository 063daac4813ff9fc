package org.zengzhi.server.journal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;

/**
 * The {@code withdrawals} read model: a row when a withdrawal is requested, its state, review reason
 * and provider reference updated as it is reviewed and paid out. Written inside the journal's transaction,
 * like {@link OrderReadModel}.
 */
final class WithdrawalReadModel {
    private WithdrawalReadModel() {
    }

    static void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> requested = new ArrayList<>();
        List<Object[]> reviewed = new ArrayList<>();
        List<Object[]> settled = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Timestamp at = Timestamp.from(applied.command().at());
            for (Event event : applied.events()) {
                if (event instanceof Event.WithdrawalRequested request) {
                    requested.add(new Object[] {request.withdrawal(), request.user(), request.amountFen(),
                        request.feeFen(), request.payoutFen(), request.state().name(), at, applied.seq()});
                } else if (event instanceof Event.WithdrawalReviewed review) {
                    reviewed.add(new Object[] {review.state().name(), at, review.reason(), review.withdrawal()});
                } else if (event instanceof Event.WithdrawalSettled settle) {
                    settled.add(new Object[] {settle.state().name(), at, settle.providerReference(), settle.withdrawal()});
                }
            }
        }
        insert.rows("withdrawals", List.of("withdrawal_id", "username", "amount", "fee", "payout", "state",
                "requested_at", "command_seq"), requested);
        if (!reviewed.isEmpty()) {
            jdbc.batchUpdate("UPDATE withdrawals SET state = ?, decided_at = ?, reason = ? WHERE withdrawal_id = ?",
                    reviewed);
        }
        if (!settled.isEmpty()) {
            jdbc.batchUpdate("UPDATE withdrawals SET state = ?, decided_at = ?, reference = ? WHERE withdrawal_id = ?",
                    settled);
        }
    }
}
