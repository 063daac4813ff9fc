package org.zengzhi.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts and their bearer tokens. Passwords are kept only as salted, slow hashes (bcrypt through
 * Spring Security's delegating encoder); tokens are 256 random bits given once to the caller and kept
 * only as their SHA-256.
 */
public final class AccountStore {
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();

    public AccountStore(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public record Account(String username, Role role, String merchant) {
    }

    public record Token(String value, Instant expiresAt) {
    }

    /** Creates an account; false if the username is taken. */
    public boolean create(String username, String password, Role role, String merchant) {
        try {
            jdbc.update("INSERT INTO accounts (username, password_hash, role, merchant, created_at) VALUES (?, ?, ?, ?, ?)",
                    username, passwords.encode(password), role.name(), merchant, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    public boolean exists(Role role) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM accounts WHERE role = ?", Integer.class, role.name());
        return count != null && count > 0;
    }

    /** The account if the password matches, else null (the same answer for an unknown user). */
    public Account authenticate(String username, String password) {
        List<String[]> rows = jdbc.query("SELECT password_hash, role, merchant FROM accounts WHERE username = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, username);
        if (rows.isEmpty()) {
            passwords.matches(password, passwords.encode("timing-equaliser"));
            return null;
        }
        String[] row = rows.get(0);
        return passwords.matches(password, row[0]) ? new Account(username, Role.valueOf(row[1]), row[2]) : null;
    }

    /** The stored login of an account, for the console's form login (Spring Security checks the hash). */
    public record Login(Account account, String passwordHash) {
    }

    /** The account and its password hash, or null for an unknown username. */
    public Login login(String username) {
        List<Login> found = jdbc.query("SELECT username, role, merchant, password_hash FROM accounts WHERE username = ?",
                (rs, i) -> new Login(new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)),
                        rs.getString(4)), username);
        return found.isEmpty() ? null : found.get(0);
    }

    public Token issueToken(String username) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        Instant expires = now.plus(TOKEN_LIFETIME);
        jdbc.update("INSERT INTO api_tokens (token_hash, username, expires_at, created_at) VALUES (?, ?, ?, ?)",
                sha256(value), username, Timestamp.from(expires), Timestamp.from(now));
        return new Token(value, expires);
    }

    /** The account a live token belongs to, or null. */
    public Account byToken(String token) {
        List<Account> found = jdbc.query("SELECT a.username, a.role, a.merchant FROM api_tokens t JOIN accounts a "
                + "ON a.username = t.username WHERE t.token_hash = ? AND t.expires_at > ?",
                (rs, i) -> new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)),
                sha256(token), Timestamp.from(Instant.now()));
        return found.isEmpty() ? null : found.get(0);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
