package org.zengzhi.engine.ledger;

/**
 * Every kind of account the ledger knows. An account is an account type plus an owner id: the dense
 * participant id for user accounts, 0 for the single system accounts.
 */
public enum AccountType {
    USER_CASH(OwnerKind.USER, Asset.CNY, AccountKind.AVAILABLE, "a consumer's cash wallet (零钱)"),
    USER_POINTS(OwnerKind.USER, Asset.POINT, AccountKind.AVAILABLE, "a consumer's appreciation points"),
    USER_CASH_PENDING(OwnerKind.USER, Asset.CNY, AccountKind.PENDING,
            "rewards earned on orders not yet settled"),
    USER_CASH_WITHDRAWING(OwnerKind.USER, Asset.CNY, AccountKind.PENDING,
            "cash frozen for withdrawals requested or approved and not yet paid, fee included"),
    USER_DEDUCT(OwnerKind.USER, Asset.DEDUCT, AccountKind.AVAILABLE,
            "consumption deduction points (消费抵扣积分) to pay part of mall orders"),
    USER_DEDUCT_PENDING(OwnerKind.USER, Asset.DEDUCT, AccountKind.PENDING,
            "deduction points granted on store orders not yet settled (double points)"),
    USER_CONTRIB(OwnerKind.USER, Asset.CONTRIB, AccountKind.AVAILABLE, "contribution value (贡献值) from tier rebates"),
    USER_CONTRIB_PENDING(OwnerKind.USER, Asset.CONTRIB, AccountKind.PENDING,
            "contribution value on orders not yet settled"),
    MERCHANT_CASH(OwnerKind.MERCHANT, Asset.CNY, AccountKind.AVAILABLE, "a merchant's settled cash"),
    MERCHANT_PENDING(OwnerKind.MERCHANT, Asset.CNY, AccountKind.PENDING,
            "a merchant's share of orders not yet settled"),
    MERCHANT_DEBT(OwnerKind.MERCHANT, Asset.CNY, AccountKind.RECEIVABLE,
            "refunds the platform advanced for a merchant beyond its cash (negative: owed by the merchant)"),
    POOL_CASH(OwnerKind.POOL, Asset.CNY, AccountKind.AVAILABLE, "the appreciation pool's cash (盈利池)"),
    POINT_ISSUANCE(OwnerKind.POOL, Asset.POINT, AccountKind.CONTRA,
            "points in circulation, as the negative balance of their issuer"),
    EXTERNAL_PAYMENTS(OwnerKind.EXTERNAL, Asset.CNY, AccountKind.CONTRA,
            "cash paid in by consumers from outside the ledger, net of refunds and withdrawals paid out"),
    ORDER_ESCROW(OwnerKind.PLATFORM, Asset.CNY, AccountKind.PENDING,
            "cash of paid orders not yet settled, held until their return window closes"),
    ORDER_REMAINDER(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "the part of a directly settled order that is not pool contribution (pool-only replays)"),
    PLATFORM_REVENUE(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "platform profit plus what the distribution budget left unused"),
    PLATFORM_FEES(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "fees charged on withdrawals paid out"),
    PLATFORM_ROUNDING(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "the remainders (dust) of every split, so rounding never creates value"),
    SUPPLIER_PAYABLE(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "product cost of mall orders sold without a merchant, owed to suppliers"),
    PLATFORM_SUBSIDY(OwnerKind.PLATFORM, Asset.CNY, AccountKind.CONTRA,
            "the operator's own funds injected into the pool (融资补贴)"),
    PLATFORM_BONUSES(OwnerKind.PLATFORM, Asset.CNY, AccountKind.CONTRA,
            "the platform's own funds paid to users as bonuses, such as rewards for upheld reports"),
    PLATFORM_REFUNDS(OwnerKind.PLATFORM, Asset.CNY, AccountKind.CONTRA,
            "the platform's own funds paid out for refunds after settlement of orders without a merchant"),
    DEDUCT_ISSUANCE(OwnerKind.PLATFORM, Asset.DEDUCT, AccountKind.CONTRA,
            "deduction points in circulation, as the negative balance of their issuer"),
    DEDUCT_ESCROW(OwnerKind.PLATFORM, Asset.DEDUCT, AccountKind.PENDING,
            "deduction points spent on mall orders not yet settled"),
    CONTRIB_ISSUANCE(OwnerKind.PLATFORM, Asset.CONTRIB, AccountKind.CONTRA,
            "contribution value in circulation, as the negative balance of its issuer"),
    // Green points (绿色积分, seed 003, issue 17). Kept together at the end: a snapshot writes these only
    // for a plan with greenPoints, so plans without it keep their bytes and state hashes.
    SETTLEMENT_CENTRE(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "the settlement centre (结算中心): the 让利 collected, less vouchers and coins redeemed and promoter pay;"
                    + " may go negative, which the invariant check reports"),
    VOUCHER_ISSUANCE(OwnerKind.PLATFORM, Asset.VOUCHER, AccountKind.CONTRA,
            "vouchers (抵用券) outstanding, as the negative balance of the settlement centre that owes them"),
    VOUCHER_ESCROW(OwnerKind.PLATFORM, Asset.VOUCHER, AccountKind.PENDING,
            "vouchers spent on store orders not yet settled"),
    USER_VOUCHER(OwnerKind.USER, Asset.VOUCHER, AccountKind.AVAILABLE, "a consumer's vouchers (抵用券)"),
    MERCHANT_VOUCHER(OwnerKind.MERCHANT, Asset.VOUCHER, AccountKind.AVAILABLE,
            "a merchant's vouchers (抵用券): dividends of the merchant pool and bound-consumer vouchers"),
    COIN_ISSUANCE(OwnerKind.PLATFORM, Asset.COIN, AccountKind.CONTRA,
            "gold coins (金币) outstanding, as the negative balance of the settlement centre that owes them"),
    USER_COIN(OwnerKind.USER, Asset.COIN, AccountKind.AVAILABLE, "a consumer's gold coins (金币)"),
    GREEN_CONSUMER_ISSUANCE(OwnerKind.PLATFORM, Asset.GREEN, AccountKind.CONTRA,
            "green points held in the consumer pool, as the negative balance of their issuer"),
    GREEN_MERCHANT_ISSUANCE(OwnerKind.PLATFORM, Asset.GREEN, AccountKind.CONTRA,
            "green points held in the merchant pool, as the negative balance of their issuer"),
    USER_GREEN(OwnerKind.USER, Asset.GREEN, AccountKind.AVAILABLE,
            "a consumer's green points (绿色积分) in the consumer pool, active lots only"),
    MERCHANT_GREEN(OwnerKind.MERCHANT, Asset.GREEN, AccountKind.AVAILABLE,
            "a merchant's green points (绿色积分) in the merchant pool, active lots only"),
    // The four-party model's accounts (seed 000, issue 18), appended so that the ordinals before them stay.
    CUSTODY_ESCROW(OwnerKind.EXTERNAL, Asset.CNY, AccountKind.PENDING,
            "customer money of four-party orders held by the custody provider (平台不设资金池), never negative"),
    CONTRIB_RESERVE(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "cash set aside 1:1 for every unit of contribution value outstanding (R-7.1)"),
    PARTY_RESULT(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "the platform's income and spending in the four-party model; negative is a loss"),
    STOKEN_ISSUANCE(OwnerKind.PLATFORM, Asset.STOKEN, AccountKind.CONTRA,
            "supplier tokens in circulation, as the negative balance of their issuer"),
    SUPPLIER_CASH(OwnerKind.SUPPLIER, Asset.CNY, AccountKind.AVAILABLE, "a supplier's cash: prepayments and settlements"),
    SUPPLIER_RECEIVABLE(OwnerKind.SUPPLIER, Asset.CNY, AccountKind.RECEIVABLE,
            "claw-backs the platform advanced for a supplier beyond its cash (negative: owed by the supplier)"),
    SUPPLIER_DEPOSIT(OwnerKind.SUPPLIER, Asset.CNY, AccountKind.AVAILABLE, "a supplier's deposit (保证金)"),
    SUPPLIER_STOKEN(OwnerKind.SUPPLIER, Asset.STOKEN, AccountKind.AVAILABLE, "a supplier's tokens (供应商通证)"),
    // Store wallets (issue 19 item 2), appended so that the ordinals before it stay. The snapshot writes it in
    // its own part, only once a store has withdrawn, so older snapshots keep their bytes and state hashes.
    MERCHANT_CASH_WITHDRAWING(OwnerKind.MERCHANT, Asset.CNY, AccountKind.PENDING,
            "a store's cash frozen for withdrawals requested or approved and not yet paid, fee included"),
    // Suppliers' wallets (issue 19 item 2), appended likewise; written in the snapshot's supplier-wallet part only
    // once a supplier has an owner or has withdrawn, so four-party snapshots keep their bytes and state hashes.
    SUPPLIER_CASH_WITHDRAWING(OwnerKind.SUPPLIER, Asset.CNY, AccountKind.PENDING,
            "a supplier's cash frozen for withdrawals requested or approved and not yet paid, fee included");

    private final OwnerKind ownerKind;
    private final Asset asset;
    private final AccountKind kind;
    private final String description;

    AccountType(OwnerKind ownerKind, Asset asset, AccountKind kind, String description) {
        this.ownerKind = ownerKind;
        this.asset = asset;
        this.kind = kind;
        this.description = description;
    }

    public OwnerKind ownerKind() {
        return ownerKind;
    }

    public Asset asset() {
        return asset;
    }

    public AccountKind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** True when one account of this type exists per participant rather than once for the platform. */
    public boolean perParticipant() {
        return ownerKind == OwnerKind.USER;
    }

    /** True when one account of this type exists per merchant. */
    public boolean perMerchant() {
        return ownerKind == OwnerKind.MERCHANT;
    }

    /** True for the accounts of the green-points model, which exist only under a plan with greenPoints. */
    public boolean greenPoints() {
        return ordinal() >= SETTLEMENT_CENTRE.ordinal() && ordinal() <= MERCHANT_GREEN.ordinal();
    }

    /** True for the store wallet's frozen cash (issue 19 item 2), which the snapshot writes in a part of its own. */
    public boolean storeWallet() {
        return this == MERCHANT_CASH_WITHDRAWING;
    }

    /** True for a supplier's frozen cash (issue 19 item 2), which the snapshot writes in a part of its own. */
    public boolean supplierWallet() {
        return this == SUPPLIER_CASH_WITHDRAWING;
    }

    /** True when one account of this type exists per supplier of the four-party model. */
    public boolean perSupplier() {
        return ownerKind == OwnerKind.SUPPLIER;
    }

    /** True for the single accounts of the pool, the platform and the outside world. */
    public boolean system() {
        return !perParticipant() && !perMerchant() && !perSupplier();
    }

    /**
     * True for the accounts only the four-party model posts to. The snapshot writes them in the model's own
     * part, so that the bytes and the state hash of a plan without the model stay what they were.
     */
    public boolean fourParty() {
        // Named one by one rather than by ordinal, so that account types other models append stay out.
        switch (this) {
            case CUSTODY_ESCROW:
            case CONTRIB_RESERVE:
            case PARTY_RESULT:
            case STOKEN_ISSUANCE:
                return true;
            default:
                return perSupplier();
        }
    }
}
