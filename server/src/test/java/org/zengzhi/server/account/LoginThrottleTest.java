package org.zengzhi.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Issue 19 item 10: a burst of wrong passwords is stopped per account and per address. */
class LoginThrottleTest {
    private static final LoginThrottle.Limit ACCOUNT = new LoginThrottle.Limit(5, Duration.ofMinutes(15));
    private static final LoginThrottle.Limit ADDRESS = new LoginThrottle.Limit(8, Duration.ofMinutes(15));

    @Test
    void anAccountIsRefusedAfterItsFailures() {
        LoginThrottle throttle = new LoginThrottle(ACCOUNT, ADDRESS);
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAttempt("alice", "10.0.0.1")).as("attempt " + i).isTrue();
        }
        assertThat(throttle.tryAttempt("alice", "10.0.0.1")).isFalse();
        assertThat(throttle.tryAttempt("alice", "10.0.0.2")).as("from another address too").isFalse();
        assertThat(throttle.tryAttempt("bob", "10.0.0.2")).as("another account is not held up").isTrue();
    }

    @Test
    void anAddressIsRefusedAfterItsFailuresAcrossAccounts() {
        LoginThrottle throttle = new LoginThrottle(ACCOUNT, ADDRESS);
        for (int i = 0; i < 8; i++) {
            assertThat(throttle.tryAttempt("user" + i, "10.0.0.1")).as("attempt " + i).isTrue();
        }
        assertThat(throttle.tryAttempt("user9", "10.0.0.1")).isFalse();
        assertThat(throttle.tryAttempt("user9", "10.0.0.2")).as("the account itself is still free").isTrue();
    }

    @Test
    void successfulSignInsDoNotCount() {
        LoginThrottle throttle = new LoginThrottle(ACCOUNT, ADDRESS);
        for (int i = 0; i < 50; i++) {
            assertThat(throttle.tryAttempt("alice", "10.0.0.1")).as("sign-in " + i).isTrue();
            throttle.succeeded("alice", "10.0.0.1");
        }
    }

    @Test
    void aRefusalByTheAddressDoesNotUseUpTheAccount() {
        LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Limit(2, Duration.ofMinutes(15)),
                new LoginThrottle.Limit(1, Duration.ofMinutes(15)));
        assertThat(throttle.tryAttempt("other", "10.0.0.1")).isTrue();
        assertThat(throttle.tryAttempt("alice", "10.0.0.1")).isFalse();
        assertThat(throttle.tryAttempt("alice", "10.0.0.2")).isTrue();
        assertThat(throttle.tryAttempt("alice", "10.0.0.3")).as("the refused attempt took nothing from alice").isTrue();
    }
}
