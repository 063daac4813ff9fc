package org.zengzhi.engine.green;

/**
 * What one settled store order earned (issue 17, rules 1, 5, 6): exactly the fields of the
 * {@code greenEarned} event. Every settled store order has one, even when a part is zero.
 *
 * @param order              the order's id, carried through from the caller
 * @param user               the consumer's handle
 * @param merchant           the merchant's handle
 * @param pointsCentipoints  the consumer's points: the 让利 of the cash part, ⌊(A − voucher)·r⌋
 * @param coinsFen           the consumer's gold coins: ⌊points·coinShare⌋
 * @param merchantCentipoints the merchant's points: the whole 让利, ⌊A·r⌋
 * @param boundMerchant      the merchant bound to the consumer, or {@link StoreSettlement#NO_MERCHANT}
 * @param boundVouchersFen   the bound merchant's vouchers: ⌊points·boundMerchantShare⌋, 0 when none
 */
public record GreenEarned(String order, int user, int merchant, long pointsCentipoints, long coinsFen,
        long merchantCentipoints, int boundMerchant, long boundVouchersFen) {
}
