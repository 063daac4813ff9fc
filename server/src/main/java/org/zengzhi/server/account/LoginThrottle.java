package org.zengzhi.server.account;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Login attempts per account and per address (issue 19 item 10), as Bucket4j token buckets kept in memory. An
 * attempt takes a token from both buckets before the password is checked; a successful sign-in gives them back,
 * so only failures count. When either bucket is empty the attempt is refused without checking the password, so
 * guessing costs the attacker time, not the server hashing work. Buckets refill gradually.
 */
public final class LoginThrottle {
    /** Buckets kept at most; beyond that all are dropped (a flood of addresses must not exhaust memory). */
    static final int BUCKETS_MAX = 100_000;

    private final Limit perAccount;
    private final Limit perAddress;
    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    /** {@code failures} allowed at once, refilled over {@code period}. */
    public record Limit(int failures, Duration period) {
    }

    public LoginThrottle(Limit perAccount, Limit perAddress) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    /** True when the attempt may go ahead (a token was taken from each bucket); false when it is refused. */
    public boolean tryAttempt(String username, String address) {
        Bucket account = bucket(accounts, username, perAccount);
        Bucket from = bucket(addresses, address, perAddress);
        if (!account.tryConsume(1)) {
            return false;
        }
        if (!from.tryConsume(1)) {
            account.addTokens(1);
            return false;
        }
        return true;
    }

    /** The attempt succeeded: its tokens go back, so a user who signs in correctly is never slowed down. */
    public void succeeded(String username, String address) {
        bucket(accounts, username, perAccount).addTokens(1);
        bucket(addresses, address, perAddress).addTokens(1);
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, Limit limit) {
        if (buckets.size() >= BUCKETS_MAX) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key == null ? "" : key, any -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.failures())
                        .refillGreedy(limit.failures(), limit.period()).build())
                .build());
    }
}
