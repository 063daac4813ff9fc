package org.zengzhi.engine.ledger;

/** One account's balance: {@code owner} is the participant's or merchant's id, null for system accounts. */
public record Balance(AccountType type, String owner, long amount) {
}
