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

    /**
     * Gives a payment's money back to the customer. Idempotent by {@code refundId}: the same id again is the
     * same refund, never a second one. Returns the provider's refund id; throws if the provider refuses or
     * cannot be reached (the refund is then retried).
     */
    String refund(String providerTransaction, String refundId, long amountFen);

    /**
     * Sends a withdrawal's payout to the user (WeChat Pay 商家转账, Alipay 单笔转账). Idempotent by
     * {@code withdrawal}: the same withdrawal again is the same transfer, never a second one. Returns the
     * provider's transfer id; the outcome arrives later as a signed callback ({@link #verifyTransfer}).
     * Throws if the provider refuses or cannot be reached (the payout is then retried).
     */
    String transfer(String withdrawal, String user, long amountFen);

    /**
     * Verifies a payout callback like {@link #verify}: signature, freshness, single use; returns the
     * transfer's outcome or why the callback was refused.
     */
    TransferVerification verifyTransfer(Map<String, String> headers, byte[] body);

    /** What a verified payout callback says: the transfer of {@code amountFen} was paid, or failed and why. */
    record TransferNotification(String providerTransfer, String withdrawal, long amountFen, boolean paid,
            String reason) {
    }

    /** The outcome of {@link #verifyTransfer}. */
    sealed interface TransferVerification permits TransferVerified, Refused {
    }

    record TransferVerified(TransferNotification notification) implements TransferVerification {
    }

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
    record Refused(int status, String field, String reason) implements CallbackVerification, TransferVerification {
    }
}
