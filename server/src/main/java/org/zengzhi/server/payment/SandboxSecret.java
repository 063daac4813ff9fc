package org.zengzhi.server.payment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sandbox's HMAC secret: {@code zengzhi.sandbox.secret} when configured; otherwise 32 random bytes
 * (as 64 hex characters) generated on the first start and kept in {@code provider_secrets}, so callbacks
 * signed before a restart still verify after it. The secret is never logged.
 */
final class SandboxSecret {
    private static final int SECRET_BYTES = 32;

    private SandboxSecret() {
    }

    static String resolve(JdbcTemplate jdbc, String provider, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<String> stored = stored(jdbc, provider);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        byte[] random = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(random);
        try {
            jdbc.update("INSERT INTO provider_secrets (provider, secret, created_at) VALUES (?, ?, ?)", provider,
                    HexFormat.of().formatHex(random), Timestamp.from(Instant.now()));
        } catch (DuplicateKeyException e) {
            // Another server of the same tenant stored one first; everyone uses that one.
        }
        return stored(jdbc, provider).get(0);
    }

    private static List<String> stored(JdbcTemplate jdbc, String provider) {
        return jdbc.queryForList("SELECT secret FROM provider_secrets WHERE provider = ?", String.class, provider);
    }
}
