package org.zengzhi.server.withdrawal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code payee_accounts} and {@code withdrawal_payees} tables (migration V41). */
final class PayeeAccounts {
    static final int LISTED_MAX = 50;
    private static final String COLUMNS = "payee_id, owner, kind, account, verified_name";

    private final JdbcTemplate jdbc;

    PayeeAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account; a reused Idempotency-Key throws DuplicateKeyException. */
    void insert(PayeeAccount payee, String idempotencyKey, String requestHash, Instant at) {
        jdbc.update("INSERT INTO payee_accounts (" + COLUMNS + ", idem_key, request_hash, created_at) VALUES (?, ?, ?, "
                + "?, ?, ?, ?, ?)", payee.payee(), payee.owner(), payee.kind().name(), payee.account(),
                payee.verifiedName(), idempotencyKey, requestHash, Timestamp.from(at));
    }

    /** The account created under a key and the hash of that request, or null. */
    Object[] byIdempotencyKey(String key) {
        List<Object[]> found = jdbc.query("SELECT payee_id, request_hash FROM payee_accounts WHERE idem_key = ?",
                (rs, i) -> new Object[] {rs.getString(1), rs.getString(2)}, key);
        return found.isEmpty() ? null : found.get(0);
    }

    PayeeAccount byId(String payee) {
        List<PayeeAccount> found = jdbc.query("SELECT " + COLUMNS + " FROM payee_accounts WHERE payee_id = ?",
                (rs, i) -> read(rs), payee);
        return found.isEmpty() ? null : found.get(0);
    }

    List<PayeeAccount> ofOwner(String owner) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payee_accounts WHERE owner = ? ORDER BY created_at, payee_id "
                + "LIMIT " + LISTED_MAX, (rs, i) -> read(rs), owner);
    }

    /** Records the payee chosen for a withdrawal. */
    void chosen(String withdrawal, String payee) {
        jdbc.update("INSERT INTO withdrawal_payees (withdrawal_id, payee_id) VALUES (?, ?)", withdrawal, payee);
    }

    /** The payee a withdrawal is paid to, or null for one asked for without a payee. */
    PayeeAccount ofWithdrawal(String withdrawal) {
        List<String> found = jdbc.queryForList("SELECT payee_id FROM withdrawal_payees WHERE withdrawal_id = ?",
                String.class, withdrawal);
        return found.isEmpty() ? null : byId(found.get(0));
    }

    private static PayeeAccount read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PayeeAccount(rs.getString("payee_id"), rs.getString("owner"),
                PayeeAccount.Kind.valueOf(rs.getString("kind")), rs.getString("account"), rs.getString("verified_name"));
    }
}
