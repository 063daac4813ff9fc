package org.zengzhi.server.income;

/**
 * What a line of income is, in the words people use (its label is {@code income.kind.<KIND>} in the console's
 * messages): read from the command that posted it, the asset, and for an order the reward's kind.
 */
final class IncomeKind {
    private IncomeKind() {
    }

    static String of(String commandType, String asset, String rewardKind) {
        if (rewardKind != null && "CNY".equals(asset)) {
            return "REWARD_" + rewardKind;
        }
        return switch (commandType) {
            case "PAY_ORDER", "PAY_PARTY_ORDER", "CONFIRM_RECEIPT", "VERIFY_ORDER" -> switch (asset) {
                case "CNY" -> "SALES";
                case "POINT" -> "POINTS";
                case "DEDUCT" -> "DEDUCT";
                case "CONTRIB" -> "CONTRIB";
                case "GREEN" -> "GREEN";
                case "VOUCHER" -> "VOUCHER";
                case "COIN" -> "COIN";
                default -> "OTHER";
            };
            case "TICK" -> switch (asset) {
                case "VOUCHER" -> "DIVIDEND";
                case "COIN" -> "COIN";
                default -> "SETTLED";
            };
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
}
