package org.zengzhi.server.income;

/**
 * What a line of income is, in the words people use (its label is {@code income.kind.<KIND>} in the console's
 * messages): read from the command that posted it, the asset, whether it is a store's, and for an order the
 * reward's kind from the {@code rewards} read model.
 */
final class IncomeKind {
    private IncomeKind() {
    }

    static String of(String commandType, String asset, String rewardKind, boolean store) {
        if (rewardKind != null && "CNY".equals(asset)) {
            return "REWARD_" + rewardKind;
        }
        return switch (commandType) {
            case "PAY_ORDER", "CONFIRM_RECEIPT", "VERIFY_ORDER" -> ofOrder(asset, store ? "SALES" : "OTHER");
            case "PAY_PARTY_ORDER" -> ofOrder(asset, store ? "SALES" : "PARTY_REWARD");
            case "TICK" -> ofTick(asset);
            case "CLOSE_MONTH" -> "PROMOTER";
            case "GRANT_BONUS" -> "BONUS";
            case "SELL_POINTS" -> "SALE_OF_POINTS";
            case "REFUND_ORDER" -> "REFUND";
            case "TRANSFER_CONTRIB" -> "TRANSFER_IN";
            case "REDEEM_CONTRIB", "REDEEM_TOKENS" -> "REDEEMED";
            case "REVIEW_WITHDRAWAL", "SETTLE_WITHDRAWAL" -> "WITHDRAWAL_RETURNED";
            default -> "OTHER";
        };
    }

    /** What an order posted: cash is {@code cash}'s kind (a store's sales, a four-party reward), the rest by asset. */
    private static String ofOrder(String asset, String cash) {
        return switch (asset) {
            case "CNY" -> cash;
            case "POINT" -> "POINTS";
            case "DEDUCT" -> "DEDUCT";
            case "CONTRIB" -> "CONTRIB";
            case "GREEN" -> "GREEN";
            case "VOUCHER" -> "VOUCHER";
            case "COIN" -> "COIN";
            default -> "OTHER";
        };
    }

    /** A tick pays dividends in vouchers, coins, points of settled orders; the rest is a settlement. */
    private static String ofTick(String asset) {
        return switch (asset) {
            case "VOUCHER" -> "DIVIDEND";
            case "COIN" -> "COIN";
            case "POINT" -> "POINTS";
            case "GREEN" -> "GREEN";
            default -> "SETTLED";
        };
    }
}
