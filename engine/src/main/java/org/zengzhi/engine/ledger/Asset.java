package org.zengzhi.engine.ledger;

/**
 * The assets of the ledger (SPEC ). Every amount is a {@code long} in the asset's smallest unit.
 */
public enum Asset {
    /** Renminbi cash, in fen (0.01 CNY). */
    CNY(2),
    /** Appreciation points (增值积分), in 10⁻⁶ point. */
    POINT(6),
    /** Vouchers (抵用券), in fen. */
    VOUCHER(2),
    /** Gold coins (金币), in fen. */
    COIN(2),
    /** Consumption deduction points (消费抵扣积分), in fen. */
    DEDUCT(2),
    /** Contribution value (贡献值), in fen. */
    CONTRIB(2),
    /** Supplier tokens, in fen. */
    STOKEN(2),
    /** Green points (绿色积分, seed 003), in centipoints: one point per 1.00 CNY of 让利. */
    GREEN(2);

    private final int decimals;

    Asset(int decimals) {
        this.decimals = decimals;
    }

    /** How many decimal places one whole unit has: 2 for fen-based assets, 6 for points. */
    public int decimals() {
        return decimals;
    }
}
