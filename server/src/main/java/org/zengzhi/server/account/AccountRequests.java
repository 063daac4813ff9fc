package org.zengzhi.server.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

/**
 * The {@code account_requests} table: the first answer of each account call made with an Idempotency-Key
 * (R-8.3, issue 19 item 6). A retry with the same key, the same request and the same password gets that answer;
 * anything else under the key is a conflict. Passwords are compared with the account's bcrypt hash, never kept.
 */
public final class AccountRequests {
    private final JdbcTemplate jdbc;
    private final AccountStore accounts;

    public AccountRequests(JdbcTemplate jdbc, AccountStore accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    private record Known(String requestHash, String username, int status, String response) {
    }

    /**
     * The first answer when {@code key} was used before for this request and {@code password} is the account's
     * password now; a 409 naming the key when it was used for another; null when the key is new.
     */
    public Response replay(String key, String requestHash, String password) {
        List<Known> found = jdbc.query("SELECT request_hash, username, status, response FROM account_requests "
                + "WHERE idem_key = ?", (rs, i) -> new Known(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4)), key);
        if (found.isEmpty()) {
            return null;
        }
        Known known = found.get(0);
        if (!known.requestHash().equals(requestHash) || !accounts.passwordMatches(known.username(), password)) {
            return Problems.conflict("Idempotency-Key", "this key was used with a different request body");
        }
        return new Response(known.status(), known.response());
    }

    /** Keeps a successful first answer; a concurrent retry that stored it first wins, with the same answer. */
    public void remember(String key, String requestHash, String username, Response answer) {
        try {
            jdbc.update("INSERT INTO account_requests (idem_key, request_hash, username, status, response, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", key, requestHash, username, answer.status(), answer.body(),
                    Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException alreadyKept) {
            // The same key's first answer is already kept; a retry reads that one.
        }
    }
}
