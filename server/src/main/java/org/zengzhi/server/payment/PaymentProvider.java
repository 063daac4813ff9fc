package org.zengzhi.server.payment;

import java.util.Map;

/**
 * The payment provider port. The built-in {@link SandboxProvider} implements it; a WeChat Pay or
 * Alipay adapter would too (docs/payments.md): it creates the payment at the provider and verifies the
 * provider's callbacks, and knows nothing of the engine. What a verified callback does to the economy is
 * decided once, by {@link Payments}, for every provider.
 */
public interface PaymentProvider {

    /** The provider's name: the last segment of its callback path, {@code /api/v1/payments/callback/{name}}. */
    String name();

    /** Creates a payment of {@code amountFen} for the order at the provider; the customer pays at the URL. */
    ProviderPayment create(String orderId, long amountFen, String description);

    /**
     * Verifies a callback: its signature, freshness and single use. {@code headers} are looked up
     * case-insensitively; {@code body} is the raw body exactly as received (signatures cover bytes, not
     * parsed JSON). A verified callback's nonce is used up: the same callback again is refused.
     */
    CallbackVerification verify(Map<String, String> headers, byte[] body);

    /** A payment created at the provider. */
    record ProviderPayment(String providerTransaction, String payUrl) {
    }

    /** What a verified callback says: the provider took {@code amountFen} for the order. */
    record Notification(String providerTransaction, String orderId, long amountFen) {
    }

    /** The outcome of {@link #verify}: the notification, or why the callback was refused. */
    sealed interface CallbackVerification permits Verified, Refused {
    }

    record Verified(Notification notification) implements CallbackVerification {
    }

    /** A refused callback: the HTTP status to answer, the header or field at fault and why. */
    record Refused(int status, String field, String reason) implements CallbackVerification {
    }
}
