package org.zengzhi.server.tenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The operator of the deployment (部署运营方): a role above every tenant's operator, kept apart from every
 * tenant's accounts in {@code deployment_operator}, with its own opaque bearer tokens ({@code deployment_tokens},
 * stored as SHA-256 hashes, as the tenants' are).
 */
final class DeploymentOperators {
    static final String USERNAME = "deployment";
    static final Duration TOKEN_LIFETIME = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    DeploymentOperators(JdbcTemplate jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    boolean exists() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM deployment_operator", Integer.class) > 0;
    }

    void create(String password) {
        jdbc.update("INSERT INTO deployment_operator (username, password_hash, created_at) VALUES (?, ?, ?)", USERNAME,
                passwords.encode(password), Timestamp.from(clock.instant()));
    }

    /** A new token for the right username and password, else null. */
    Token login(String username, String password) {
        List<String> hashes = jdbc.queryForList("SELECT password_hash FROM deployment_operator WHERE username = ?",
                String.class, username);
        if (hashes.isEmpty() || !passwords.matches(password, hashes.get(0))) {
            return null;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant expires = now.plus(TOKEN_LIFETIME);
        jdbc.update("INSERT INTO deployment_tokens (token_hash, username, expires_at, created_at) VALUES (?, ?, ?, ?)",
                sha256(token), username, Timestamp.from(expires), Timestamp.from(now));
        return new Token(token, expires);
    }

    record Token(String value, Instant expiresAt) {
    }

    /** The operator a live token belongs to, or null. */
    String byToken(String token) {
        return jdbc.queryForList("SELECT username FROM deployment_tokens WHERE token_hash = ? AND expires_at > ?",
                String.class, sha256(token), Timestamp.from(clock.instant())).stream().findFirst().orElse(null);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
