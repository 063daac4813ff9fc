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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
    static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(60);
    private static final int TOKEN_CACHE_MAX = 100_000;
    private final Map<String, CachedToken> tokenCache = new ConcurrentHashMap<>();
    private final AtomicLong tokenGeneration = new AtomicLong();
    private static final int TOKEN_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final SecureRandom random = new SecureRandom();
    /**
     * A hash no password matches, checked in place of an unknown user's: an unknown username then costs one hash
     * check, as a known one does, and the answer's timing does not tell which usernames exist. Encoding it anew
     * on each call would cost a second hash and make unknown usernames the slow ones. One per process and
     * encoder type, shared by every tenant's store (docs/tenants.md "Limits"): it is a hash of random bytes no one
     * knows, so sharing it tells nothing, and a tenant's start then costs no bcrypt round.
     */
    private final String unknownUserHash;
    private static final Map<Class<?>, String> UNKNOWN_USER_HASHES = new ConcurrentHashMap<>();

    public AccountStore(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.unknownUserHash = UNKNOWN_USER_HASHES.computeIfAbsent(passwords.getClass(), any -> {
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            return passwords.encode(HexFormat.of().formatHex(bytes));
        });
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

    /**
     * Creates a consumer's account with an optional phone and display name; null when created, else the field
     * that is taken ("username" or "phone"), whichever the database refused.
     */
    public String create(String username, String phone, String displayName, String password, Role role) {
        try {
            jdbc.update("INSERT INTO accounts (username, password_hash, role, merchant, created_at, phone, display_name) "
                    + "VALUES (?, ?, ?, NULL, ?, ?, ?)", username, passwords.encode(password), role.name(),
                    Timestamp.from(Instant.now()), phone, displayName);
            return null;
        } catch (DuplicateKeyException taken) {
            Integer named = jdbc.queryForObject("SELECT COUNT(*) FROM accounts WHERE username = ?", Integer.class, username);
            return named != null && named > 0 ? "username" : "phone";
        }
    }

    /** The username of the account a phone belongs to, or null. */
    public String usernameOfPhone(String phone) {
        return jdbc.queryForList("SELECT username FROM accounts WHERE phone = ?", String.class, phone).stream()
                .findFirst().orElse(null);
    }

    /**
     * The account a sign-in name stands for: a phone-shaped name is looked up as a phone, anything else as a
     * username; the same one indexed SELECT either way, so the answer's timing does not tell which it was. The
     * rules of usernames keep a username from ever being shaped like a phone (issue 20 item 2).
     */
    private static String signInColumn(String identifier) {
        return Identifiers.isPhone(identifier) ? "phone" : "username";
    }

    /** The username a sign-in name (a username or a phone) stands for, or the name itself when nobody has it. */
    public String canonical(String identifier) {
        if (!Identifiers.isPhone(identifier)) {
            return identifier;
        }
        String username = usernameOfPhone(identifier);
        return username == null ? identifier : username;
    }

    /** The display names of these usernames, those that have one. */
    public Map<String, String> displayNames(List<String> usernames) {
        Map<String, String> names = new LinkedHashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(usernames.size(), "?"));
        jdbc.query("SELECT username, display_name FROM accounts WHERE display_name IS NOT NULL AND username IN (" + marks
                + ")", rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                }, usernames.toArray());
        return names;
    }

    public boolean exists(Role role) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM accounts WHERE role = ?", Integer.class, role.name());
        return count != null && count > 0;
    }

    /** The account if the password matches, else null (the same answer for an unknown user). */
    public Account authenticate(String username, String password) {
        List<String[]> rows = jdbc.query("SELECT password_hash, role, merchant, username FROM accounts WHERE "
                + signInColumn(username) + " = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, username);
        if (rows.isEmpty()) {
            passwords.matches(password, unknownUserHash);
            return null;
        }
        String[] row = rows.get(0);
        return passwords.matches(password, row[0]) ? new Account(row[3], Role.valueOf(row[1]), row[2]) : null;
    }

    /** The stored login of an account, for the console's form login (Spring Security checks the hash). */
    public record Login(Account account, String passwordHash) {
    }

    /** The account and its password hash, or null for an unknown username or phone. */
    public Login login(String username) {
        List<Login> found = jdbc.query("SELECT username, role, merchant, password_hash FROM accounts WHERE "
                + signInColumn(username) + " = ?",
                (rs, i) -> new Login(new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)),
                        rs.getString(4)), username);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The role of each login whose username starts with {@code prefix} (taken as those characters, not as
     * wildcards), by username, at most {@code limit}: the primary key answers a prefix without a scan.
     */
    public Map<String, String> rolesByPrefix(String prefix, int limit) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("SELECT username, role FROM accounts WHERE username LIKE ? "
                + "ESCAPE '!' ORDER BY username LIMIT " + limit, likePrefix(prefix))) {
            roles.put((String) row.get("username"), (String) row.get("role"));
        }
        return roles;
    }

    /** "a_b%" typed by the operator is searched as those characters, not as wildcards. */
    static String likePrefix(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** The login's role, or "" for a participant without a login. */
    public String roleOf(String username) {
        return jdbc.queryForList("SELECT role FROM accounts WHERE username = ?", String.class, username).stream()
                .findFirst().orElse("");
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

    /**
     * The account a live token belongs to, or null. Every API request asks, so answers are kept for up to
     * {@link #TOKEN_CACHE_TTL} (and never past the token's expiry); {@link #accountsChanged} drops them all when
     * an account's role or store changes.
     */
    public Account byToken(String token) {
        String hash = sha256(token);
        long generation = tokenGeneration.get();
        CachedToken cached = tokenCache.get(hash);
        Instant now = Instant.now();
        if (cached != null && cached.generation() == generation && now.isBefore(cached.expiresAt())
                && now.isBefore(cached.keptUntil())) {
            return cached.account();
        }
        List<CachedToken> found = jdbc.query("SELECT a.username, a.role, a.merchant, t.expires_at FROM api_tokens t "
                + "JOIN accounts a ON a.username = t.username WHERE t.token_hash = ? AND t.expires_at > ?",
                (rs, i) -> new CachedToken(new Account(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), generation, now.plus(TOKEN_CACHE_TTL)),
                hash, Timestamp.from(now));
        if (found.isEmpty()) {
            tokenCache.remove(hash);
            return null;
        }
        if (tokenCache.size() >= TOKEN_CACHE_MAX) {
            tokenCache.clear();
        }
        tokenCache.put(hash, found.get(0));
        return found.get(0).account();
    }

    /**
     * Signs a token out: it is deleted and forgotten at once. False if it was not live (already signed out). The
     * whole cache is dropped, not just this entry: a lookup that read the row just before the delete could
     * otherwise put it back for another minute. Sign-outs are rare; the cache refills.
     */
    public boolean revokeToken(String token) {
        boolean live = jdbc.update("DELETE FROM api_tokens WHERE token_hash = ?", sha256(token)) > 0;
        accountsChanged();
        return live;
    }

    /**
     * Sets a new password and revokes every token of the account: whoever held one (a stolen one, say) must sign
     * in again with the new password. Cached lookups are dropped with them.
     */
    public void changePassword(String username, String newPassword) {
        jdbc.update("UPDATE accounts SET password_hash = ? WHERE username = ?", passwords.encode(newPassword), username);
        jdbc.update("DELETE FROM api_tokens WHERE username = ?", username);
        accountsChanged();
    }

    /** True when {@code password} is the account's current one; an unknown username costs the same hash check. */
    public boolean passwordMatches(String username, String password) {
        return authenticate(username, password) != null;
    }

    /**
     * An account's role or store changed (a store request was approved): tokens are resolved afresh. A lookup
     * that read the old row before this is kept under the old generation, so it is not used either.
     */
    public void accountsChanged() {
        tokenGeneration.incrementAndGet();
    }

    /** A resolved token: its account, when it expires, the generation it was read in and how long it is kept. */
    private record CachedToken(Account account, Instant expiresAt, long generation, Instant keptUntil) {
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
