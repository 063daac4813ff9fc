package org.zengzhi.engine.ledger;

/**
 * One immutable ledger entry: {@code amount} (in the asset's smallest unit, signed) on the account of
 * {@code type} owned by {@code owner} (the participant's external id, or {@code null} for system accounts).
 */
public record Posting(AccountType type, String owner, long amount) {
    public Asset asset() {
        return type.asset();
    }
}
