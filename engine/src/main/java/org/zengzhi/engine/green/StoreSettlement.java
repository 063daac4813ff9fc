package org.zengzhi.engine.green;

import java.time.Instant;
import java.util.Objects;

import org.zengzhi.engine.Limits;

/**
 * One store order reaching its settlement, as the engine gives it to the green-points model. The engine has
 * checked the order already; values outside these bounds are bugs.
 *
 * @param order         the order's id, carried into {@link GreenEarned}
 * @param user          the consumer's handle
 * @param merchant      the merchant's handle
 * @param amountFen     A, the whole amount paid
 * @param rangliPpm     r, the merchant's 让利 rate
 * @param voucherFen    the part of A paid with vouchers (rule 6)
 * @param boundMerchant the merchant bound to the consumer through its pay code, or {@link #NO_MERCHANT}
 * @param dueAt         the order's due time, when its points count (event time, rule 3)
 */
public record StoreSettlement(String order, int user, int merchant, long amountFen, long rangliPpm,
        long voucherFen, int boundMerchant, Instant dueAt) {

    /** The bound merchant of a consumer who has none. */
    public static final int NO_MERCHANT = -1;

    public StoreSettlement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(dueAt, "dueAt");
        if (user < 0 || merchant < 0 || boundMerchant < NO_MERCHANT) {
            throw new IllegalArgumentException("handles must be dense indices: " + user + ", " + merchant
                    + ", " + boundMerchant);
        }
        if (amountFen < 0 || amountFen > Limits.AMOUNT_FEN_MAX || rangliPpm < 0 || rangliPpm > Limits.PPM
                || voucherFen < 0 || voucherFen > amountFen) {
            throw new IllegalArgumentException("amount, rate or voucher part out of range: " + amountFen + ", "
                    + rangliPpm + ", " + voucherFen);
        }
    }
}
