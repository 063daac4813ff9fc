package org.zengzhi.engine;

/**
 * Every kind of account the ledger knows. An account is an account type plus an owner id: the dense
 * participant id for user accounts, 0 for the single system accounts.
 */
public enum AccountType {
    USER_CASH(OwnerKind.USER, Asset.CNY, AccountKind.AVAILABLE, "a consumer's cash wallet (零钱)"),
    USER_POINTS(OwnerKind.USER, Asset.POINT, AccountKind.AVAILABLE, "a consumer's appreciation points"),
    POOL_CASH(OwnerKind.POOL, Asset.CNY, AccountKind.AVAILABLE, "the appreciation pool's cash (盈利池)"),
    POINT_ISSUANCE(OwnerKind.POOL, Asset.POINT, AccountKind.CONTRA,
            "points in circulation, as the negative balance of their issuer"),
    EXTERNAL_PAYMENTS(OwnerKind.EXTERNAL, Asset.CNY, AccountKind.CONTRA,
            "cash paid in by consumers from outside the ledger"),
    ORDER_REMAINDER(OwnerKind.PLATFORM, Asset.CNY, AccountKind.AVAILABLE,
            "the part of a settled order that is not pool contribution (merchant and platform share)"),
    PLATFORM_SUBSIDY(OwnerKind.PLATFORM, Asset.CNY, AccountKind.CONTRA,
            "the operator's own funds injected into the pool (融资补贴)");

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
}
