package org.zengzhi.server.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import org.zengzhi.server.payment.PaymentProvider.Refused;

/**
 * The checks every sandbox callback passes before its body is read, cheapest first: the three headers are
 * present and well formed, the timestamp is within the window of the server's clock, the HMAC matches,
 * and the nonce has not been used (recorded only once the signature is valid, so nobody without the secret
 * can use up nonces).
 */
public final class CallbackVerifier {
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9A-Fa-f]{64}");

    private final String provider;
    private final String secret;
    private final Duration window;
    private final Clock clock;
    private final NonceStore nonces;

    public CallbackVerifier(String provider, String secret, Duration window, Clock clock, NonceStore nonces) {
        this.provider = provider;
        this.secret = secret;
        this.window = window;
        this.clock = clock;
        this.nonces = nonces;
    }

    /** Null when the callback is authentic, fresh and used for the first time; otherwise why not. */
    public Refused refusal(Map<String, String> headers, byte[] body) {
        String timestamp = headers.get(CallbackSignature.TIMESTAMP_HEADER);
        String nonce = headers.get(CallbackSignature.NONCE_HEADER);
        String signature = headers.get(CallbackSignature.SIGNATURE_HEADER);
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            return new Refused(400, CallbackSignature.TIMESTAMP_HEADER, "must be the signing time in Unix seconds");
        }
        if (nonce == null || !NONCE.matcher(nonce).matches()) {
            return new Refused(400, CallbackSignature.NONCE_HEADER, "must be 8 to 64 characters of A-Z, a-z, 0-9, _ or -");
        }
        if (signature == null || !SIGNATURE.matcher(signature).matches()) {
            return new Refused(400, CallbackSignature.SIGNATURE_HEADER, "must be the HMAC-SHA256 as 64 hex digits");
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(window) > 0) {
            return new Refused(401, CallbackSignature.TIMESTAMP_HEADER, "the callback was signed at " + signedAt
                    + ", outside the window of " + window + " around the server's time");
        }
        if (!CallbackSignature.matches(secret, timestamp, nonce, body, signature)) {
            return new Refused(401, CallbackSignature.SIGNATURE_HEADER, "the signature does not match the callback");
        }
        if (!nonces.firstUse(provider, nonce, signedAt)) {
            return new Refused(401, CallbackSignature.NONCE_HEADER, "this nonce was used before: a replayed callback");
        }
        return null;
    }
}
