package org.zengzhi.server.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Nonces in the {@code payment_nonces} table; the primary key makes the first insert win even when
 * duplicates race. Nonces signed more than twice the window ago are deleted as new ones arrive: the window
 * check refuses their callbacks anyway, and the table stays as small as one window of traffic.
 */
public final class JdbcNonceStore implements NonceStore {
    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock;

    public JdbcNonceStore(JdbcTemplate jdbc, Duration window, Clock clock) {
        this.jdbc = jdbc;
        this.retention = window.multipliedBy(2);
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String provider, String nonce, Instant signedAt) {
        jdbc.update("DELETE FROM payment_nonces WHERE signed_at < ?", Timestamp.from(clock.instant().minus(retention)));
        try {
            jdbc.update("INSERT INTO payment_nonces (provider, nonce, signed_at) VALUES (?, ?, ?)", provider, nonce,
                    Timestamp.from(signedAt));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
