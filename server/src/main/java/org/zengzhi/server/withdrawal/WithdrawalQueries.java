package org.zengzhi.server.withdrawal;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SELECTs of the {@code withdrawals} read model ({@link WithdrawalReadModel} writes it). */
@Component
public class WithdrawalQueries {
    /** At most this many of a user's withdrawals are listed, newest first. */
    public static final int USER_ROWS_MAX = 500;

    private final JdbcTemplate jdbc;

    WithdrawalQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String COLUMNS = "SELECT withdrawal_id, amount, fee, payout, state, reason, reference, "
            + "requested_at, decided_at FROM withdrawals ";

    /**
     * The newest {@value #USER_ROWS_MAX} withdrawals from a user's own wallet: a store's or a supplier's withdrawal
     * by its owner is the store's or the supplier's (migration V90), listed by {@link #ofStore}.
     */
    public List<Map<String, Object>> ofUser(String user) {
        return jdbc.queryForList(COLUMNS + "WHERE username = ? AND merchant_id IS NULL AND supplier_id IS NULL "
                + "ORDER BY command_seq DESC LIMIT " + USER_ROWS_MAX, user);
    }

    /** The newest {@value #USER_ROWS_MAX} withdrawals from a supplier's cash (issue 19 item 2). */
    public List<Map<String, Object>> ofSupplier(String supplier) {
        return jdbc.queryForList(COLUMNS + "WHERE supplier_id = ? ORDER BY command_seq DESC LIMIT " + USER_ROWS_MAX,
                supplier);
    }

    /** The newest {@value #USER_ROWS_MAX} withdrawals from a store's cash (issue 19 item 2). */
    public List<Map<String, Object>> ofStore(String merchant) {
        return jdbc.queryForList(COLUMNS + "WHERE merchant_id = ? ORDER BY command_seq DESC LIMIT " + USER_ROWS_MAX,
                merchant);
    }
}
