package org.zengzhi.server.payment;

import java.time.Instant;

/** Remembers the nonces of verified callbacks, so a replayed callback is refused. */
public interface NonceStore {

    /**
     * Records {@code nonce} for {@code provider}; false if it was recorded before. {@code signedAt} is the
     * callback's signed timestamp: once it is outside the window the nonce can be forgotten, because the
     * window check alone refuses the callback then.
     */
    boolean firstUse(String provider, String nonce, Instant signedAt);
}
