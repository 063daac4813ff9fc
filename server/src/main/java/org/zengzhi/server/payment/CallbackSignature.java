package org.zengzhi.server.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox's callback signature (docs/payments.md): HMAC-SHA256, keyed with the UTF-8 bytes of the
 * secret, over {@code timestamp + "\n" + nonce + "\n" + body}, sent as lowercase hex. The timestamp and
 * nonce are signed with the body so neither can be swapped to get a replay past the window or nonce check.
 */
public final class CallbackSignature {
    public static final String TIMESTAMP_HEADER = "X-Zengzhi-Timestamp";
    public static final String NONCE_HEADER = "X-Zengzhi-Nonce";
    public static final String SIGNATURE_HEADER = "X-Zengzhi-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;

    private CallbackSignature() {
    }

    /** The signature as 64 lowercase hex digits. */
    public static String sign(String secret, String timestamp, String nonce, byte[] body) {
        return HexFormat.of().formatHex(mac(secret, timestamp, nonce, body));
    }

    /**
     * True when {@code signatureHex} (either case) is the signature of the message. The comparison takes
     * the same time wherever the first differing byte is, so timing does not reveal a valid prefix.
     */
    public static boolean matches(String secret, String timestamp, String nonce, byte[] body, String signatureHex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return given.length == SIGNATURE_BYTES && MessageDigest.isEqual(mac(secret, timestamp, nonce, body), given);
    }

    private static byte[] mac(String secret, String timestamp, String nonce, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
