package org.zengzhi.simulator.party;

/**
 * One supplier over the run: its share of settled sales, what it was prepaid at payment and paid at settlement
 * what refunds clawed back, and its balances at the end (cash, receivable, deposit, tokens).
 */
public record PartySupplier(String supplier, long shareFen, long prepaidFen, long settledFen, long clawedBackFen,
        long cashFen, long receivableFen, long depositFen, long tokensFen) {
}
