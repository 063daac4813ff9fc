package org.zengzhi.server.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The sandbox's HMAC-SHA256 callback signature, against a vector computed outside Java. */
class CallbackSignatureTest {
    private static final String SECRET = "sandbox-secret";
    private static final String TIMESTAMP = "1767225600";
    private static final String NONCE = "n0nce-0001";
    private static final byte[] BODY = ("{\"providerTransaction\":\"sbx_1\",\"order\":\"o1\",\"amount\":\"10.00\","
            + "\"status\":\"SUCCESS\"}").getBytes(StandardCharsets.UTF_8);
    /**
     * Computed independently with OpenSSL:
     * printf '%s\n%s\n%s' 1767225600 n0nce-0001 '{"providerTransaction":"sbx_1","order":"o1","amount":"10.00","status":"SUCCESS"}'
     * | openssl dgst -sha256 -hmac 'sandbox-secret'
     */
    private static final String EXPECTED = "9c8db8d6296f1b82adc67fa952dd9b1b5ead770b931fa9a0c25c1af9c4b7415e";

    @Test
    void signsTimestampNonceAndBodyLikeOpenSsl() {
        assertThat(CallbackSignature.sign(SECRET, TIMESTAMP, NONCE, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void acceptsTheSignatureInEitherCase() {
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, BODY, EXPECTED)).isTrue();
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, BODY, EXPECTED.toUpperCase())).isTrue();
    }

    @Test
    void refusesAnyChangeToWhatWasSigned() {
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("10.00", "10.01")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, tampered, EXPECTED)).isFalse();
        assertThat(CallbackSignature.matches(SECRET, "1767225601", NONCE, BODY, EXPECTED)).isFalse();
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, "n0nce-0002", BODY, EXPECTED)).isFalse();
        assertThat(CallbackSignature.matches("another-secret", TIMESTAMP, NONCE, BODY, EXPECTED)).isFalse();
    }

    @Test
    void refusesMalformedSignatures() {
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, BODY, "")).isFalse();
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, BODY, EXPECTED.substring(2))).isFalse();
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, BODY, EXPECTED + "00")).isFalse();
        assertThat(CallbackSignature.matches(SECRET, TIMESTAMP, NONCE, BODY, "zz" + EXPECTED.substring(2))).isFalse();
    }
}
