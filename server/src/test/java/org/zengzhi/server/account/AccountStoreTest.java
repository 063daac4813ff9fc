package org.zengzhi.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Issue 19 item 10: constant-time sign-in and token revocation, against the accounts tables on H2. */
class AccountStoreTest {
    private final CountingEncoder passwords = new CountingEncoder();
    private AccountStore accounts;

    @BeforeEach
    void freshTables() {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("CREATE TABLE accounts (username VARCHAR(64) PRIMARY KEY, password_hash VARCHAR(200) NOT NULL, "
                + "role VARCHAR(20) NOT NULL, merchant VARCHAR(128), created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        jdbc.execute("CREATE TABLE api_tokens (token_hash CHAR(64) PRIMARY KEY, username VARCHAR(64) NOT NULL "
                + "REFERENCES accounts (username), expires_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "created_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        accounts = new AccountStore(jdbc, passwords);
        accounts.create("alice", "alice-secret", Role.CONSUMER, null);
    }

    @Test
    void anUnknownUsernameCostsTheSameHashWorkAsAKnownOne() {
        passwords.reset();
        assertThat(accounts.authenticate("alice", "wrong-password")).isNull();
        int known = passwords.work();
        passwords.reset();
        assertThat(accounts.authenticate("nobody", "wrong-password")).isNull();
        int unknown = passwords.work();
        assertThat(known).isEqualTo(1);
        assertThat(unknown).as("one hash check, no extra encoding").isEqualTo(known);
    }

    @Test
    void signingOutRevokesTheToken() {
        String token = accounts.issueToken("alice").value();
        String other = accounts.issueToken("alice").value();
        assertThat(accounts.byToken(token)).isNotNull();
        assertThat(accounts.revokeToken(token)).isTrue();
        assertThat(accounts.byToken(token)).as("even though it was cached a moment ago").isNull();
        assertThat(accounts.revokeToken(token)).as("a second sign-out finds nothing").isFalse();
        assertThat(accounts.byToken(other)).as("the user's other sessions stay").isNotNull();
    }

    @Test
    void aPasswordChangeRevokesEveryTokenOfTheUser() {
        String first = accounts.issueToken("alice").value();
        String second = accounts.issueToken("alice").value();
        accounts.create("bob", "bob-secret", Role.CONSUMER, null);
        String bobs = accounts.issueToken("bob").value();
        assertThat(accounts.byToken(first)).isNotNull();
        accounts.changePassword("alice", "a-new-long-passphrase");
        assertThat(accounts.byToken(first)).isNull();
        assertThat(accounts.byToken(second)).isNull();
        assertThat(accounts.byToken(bobs)).as("only alice's").isNotNull();
        assertThat(accounts.authenticate("alice", "alice-secret")).isNull();
        assertThat(accounts.authenticate("alice", "a-new-long-passphrase")).isNotNull();
    }

    /** BCrypt at its lowest cost, counting every hash it computes (encode or match). */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private final AtomicInteger work = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            work.incrementAndGet();
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            work.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }

        void reset() {
            work.set(0);
        }

        int work() {
            return work.get();
        }
    }
}
