package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.payment.PaymentProvider.Refused;

/** Headers, the timestamp window and nonce replay of sandbox callbacks, on a fixed clock. */
class CallbackVerifierTest {
    private static final String SECRET = "test-secret";
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] BODY = "{\"order\":\"o1\"}".getBytes(StandardCharsets.UTF_8);

    private final Set<String> seen = new HashSet<>();
    private final CallbackVerifier verifier = new CallbackVerifier("sandbox", SECRET, Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC), (provider, nonce, signedAt) -> seen.add(provider + "/" + nonce));

    private static Map<String, String> signed(Instant at, String nonce, byte[] body) {
        String timestamp = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("x-zengzhi-timestamp", timestamp);
        headers.put("X-ZENGZHI-NONCE", nonce);
        headers.put("X-Zengzhi-Signature", CallbackSignature.sign(SECRET, timestamp, nonce, body));
        return headers;
    }

    @Test
    void acceptsAFreshSignedCallbackOnce() {
        assertThat(verifier.refusal(signed(NOW, "nonce-0001", BODY), BODY)).isNull();
        Refused replay = verifier.refusal(signed(NOW, "nonce-0001", BODY), BODY);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.field()).isEqualTo(CallbackSignature.NONCE_HEADER);
        assertThat(verifier.refusal(signed(NOW, "nonce-0002", BODY), BODY)).as("a new delivery").isNull();
    }

    @Test
    void theWindowIsFiveMinutesEitherWay() {
        assertThat(verifier.refusal(signed(NOW.minusSeconds(300), "nonce-edge-past", BODY), BODY)).isNull();
        assertThat(verifier.refusal(signed(NOW.plusSeconds(300), "nonce-edge-future", BODY), BODY)).isNull();
        Refused stale = verifier.refusal(signed(NOW.minusSeconds(301), "nonce-stale", BODY), BODY);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.field()).isEqualTo(CallbackSignature.TIMESTAMP_HEADER);
        assertThat(verifier.refusal(signed(NOW.plusSeconds(301), "nonce-future", BODY), BODY).field())
                .isEqualTo(CallbackSignature.TIMESTAMP_HEADER);
    }

    @Test
    void aBadSignatureIsRefusedAndDoesNotUseUpTheNonce() {
        byte[] tampered = "{\"order\":\"o2\"}".getBytes(StandardCharsets.UTF_8);
        Refused refused = verifier.refusal(signed(NOW, "nonce-0003", BODY), tampered);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.field()).isEqualTo(CallbackSignature.SIGNATURE_HEADER);
        assertThat(seen).isEmpty();
        assertThat(verifier.refusal(signed(NOW, "nonce-0003", BODY), BODY)).isNull();
    }

    @Test
    void missingOrMalformedHeadersNameTheHeader() {
        Map<String, String> headers = signed(NOW, "nonce-0004", BODY);
        headers.remove(CallbackSignature.SIGNATURE_HEADER);
        assertThat(verifier.refusal(headers, BODY).status()).isEqualTo(400);
        assertThat(verifier.refusal(headers, BODY).field()).isEqualTo(CallbackSignature.SIGNATURE_HEADER);
        for (String malformed : new String[] {"zz".repeat(32), "ab".repeat(31), "ab".repeat(33), ""}) {
            headers.put(CallbackSignature.SIGNATURE_HEADER, malformed);
            assertThat(verifier.refusal(headers, BODY).status()).as(malformed).isEqualTo(400);
            assertThat(verifier.refusal(headers, BODY).field()).isEqualTo(CallbackSignature.SIGNATURE_HEADER);
        }
        headers = signed(NOW, "nonce-0004", BODY);
        headers.put(CallbackSignature.TIMESTAMP_HEADER, "2026-01-01T00:00:00Z");
        assertThat(verifier.refusal(headers, BODY).status()).isEqualTo(400);
        assertThat(verifier.refusal(headers, BODY).field()).isEqualTo(CallbackSignature.TIMESTAMP_HEADER);
        headers = signed(NOW, "short", BODY);
        assertThat(verifier.refusal(headers, BODY).field()).isEqualTo(CallbackSignature.NONCE_HEADER);
        assertThat(seen).isEmpty();
    }

    @Test
    void aSignatureInUppercaseHexIsAccepted() {
        Map<String, String> headers = signed(NOW, "nonce-0005", BODY);
        headers.put(CallbackSignature.SIGNATURE_HEADER, headers.get(CallbackSignature.SIGNATURE_HEADER).toUpperCase(Locale.ROOT));
        assertThat(verifier.refusal(headers, BODY)).isNull();
    }
}
