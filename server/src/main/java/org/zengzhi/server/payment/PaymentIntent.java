package org.zengzhi.server.payment;

import java.time.Instant;
import java.util.Locale;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.Units;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payment the platform asked a provider for. It is not engine state: nothing is paid until the
 * provider's verified callback arrives, and only then does the engine get its {@code PayOrder}. The
 * status goes CREATED → PAID, or CREATED → FAILED when the engine rejects the order at that moment. The
 * customer's money is given back at the provider ({@link Refund}) for a FAILED payment and for a PAID one
 * whose order is refunded ({@link ProviderOutbox}).
 */
public record PaymentIntent(String payment, String idempotencyKey, String requestHash, PaymentRequest request,
        String provider, String providerTransaction, String payUrl, Status status, String failureCode,
        Instant createdAt, Instant paidAt, Refund refund, PartyPurchase party) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Status {
        CREATED, PAID, FAILED,
        /** Not paid within {@code zengzhi.payments.intent-ttl}: its cart went back to stock ({@link IntentExpiry}). */
        EXPIRED
    }

    /** The failure code of an expired intent, and of a provider's late callback for it. */
    static final String EXPIRED_CODE = "PAYMENT_EXPIRED";

    /** The payment's money given back at the provider: the provider's refund id and when; null until then. */
    public record Refund(String providerRefund, Instant refundedAt) {
    }

    /** A store or mall payment (no four-party purchase). */
    public PaymentIntent(String payment, String idempotencyKey, String requestHash, PaymentRequest request,
            String provider, String providerTransaction, String payUrl, Status status, String failureCode,
            Instant createdAt, Instant paidAt, Refund refund) {
        this(payment, idempotencyKey, requestHash, request, provider, providerTransaction, payUrl, status, failureCode,
                createdAt, paidAt, refund, null);
    }

    /**
     * The engine command a verified callback submits: the order id is the command id. A four-party order's is its
     * PayPartyOrder, any other payment's a PayOrder.
     */
    Command command(Instant at) {
        return party == null ? request.payOrder(at) : party.command(request.order(), at, request.user());
    }

    /** The answer to the create call; built from fields that never change, so a retry gets the same bytes. */
    String createdBody() {
        ObjectNode body = JSON.createObjectNode();
        body.put("payment", payment);
        body.put("order", request.order());
        body.put("providerTransaction", providerTransaction);
        body.put("payUrl", payUrl);
        body.put("status", Status.CREATED.name());
        body.put("amount", Units.formatFen(request.amountFen()));
        if (party != null) {
            body.put("kind", "party");
            body.put("product", party.product());
            body.put("contrib", Units.formatFen(party.contribFen()));
        }
        if (request.voucherFen() != 0) {
            body.put("voucher", Units.formatFen(request.voucherFen()));
            body.put("cash", Units.formatFen(request.cashFen()));
        }
        return JSON.writeValueAsString(body);
    }

    /** The answer to a provider's callback once the engine has decided: PAID, or FAILED with its code. */
    String outcomeBody(Status outcome, String code) {
        ObjectNode body = JSON.createObjectNode();
        body.put("payment", payment);
        body.put("order", request.order());
        body.put("providerTransaction", providerTransaction);
        body.put("status", outcome.name());
        if (code != null) {
            body.put("code", code);
        }
        return JSON.writeValueAsString(body);
    }

    /** Everything about the payment now, for {@code GET /api/v1/payments/{payment}}. */
    String view() {
        ObjectNode body = JSON.createObjectNode();
        body.put("payment", payment);
        body.put("order", request.order());
        body.put("user", request.user());
        body.put("merchant", request.merchant());
        body.put("channel", request.channel().name().toLowerCase(Locale.ROOT));
        body.put("amount", Units.formatFen(request.amountFen()));
        body.put("deduct", Units.formatFen(request.deductFen()));
        body.put("voucher", Units.formatFen(request.voucherFen()));
        body.put("cash", Units.formatFen(request.cashFen()));
        MallSplitFen split = request.split();
        if (split != null) {
            ObjectNode parts = body.putObject("split");
            parts.put("cost", Units.formatFen(split.costFen()));
            parts.put("distribution", Units.formatFen(split.distributionFen()));
            parts.put("platform", Units.formatFen(split.platformFen()));
            parts.put("pool", Units.formatFen(split.poolFen()));
        }
        body.put("region", request.region());
        if (party != null) {
            body.put("kind", "party");
            body.put("product", party.product());
            body.put("quantity", party.quantity());
            body.put("contrib", Units.formatFen(party.contribFen()));
        }
        body.put("provider", provider);
        body.put("providerTransaction", providerTransaction);
        body.put("payUrl", payUrl);
        body.put("status", status.name());
        body.put("code", failureCode);
        body.put("createdAt", createdAt.toString());
        body.put("paidAt", paidAt == null ? null : paidAt.toString());
        if (refund != null) {
            ObjectNode refunded = body.putObject("refund");
            refunded.put("providerRefund", refund.providerRefund());
            refunded.put("amount", Units.formatFen(request.amountFen()));
            refunded.put("refundedAt", refund.refundedAt().toString());
        } else {
            body.putNull("refund");
        }
        return JSON.writeValueAsString(body);
    }
}
