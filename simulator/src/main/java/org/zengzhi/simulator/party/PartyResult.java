package org.zengzhi.simulator.party;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A four-party run: its months, its suppliers, the year-end equity-pool payouts, and the engine's final state.
 *
 * @param equityPools {@code equityPool} events of the year closes
 * @param rejected    commands the engine refused (a well-formed scenario has none; the report says so)
 * @param state       the final {@code state} line: every balance by owner and account, and the state hash
 * @param log         the command log that was run (replay it with {@code zengzhi replay --plan})
 */
public record PartyResult(PartyScenario scenario, List<PartyMonth> months, List<PartySupplier> suppliers,
        List<JsonNode> equityPools, long rejected, JsonNode state, String log) {

    public PartyResult {
        months = List.copyOf(months);
        suppliers = List.copyOf(suppliers);
        equityPools = List.copyOf(equityPools);
    }

    /** The ledger's balance of one platform or external account ({@code CONTRIB_RESERVE} …), or summed over owners. */
    public long balanceFen(String account) {
        long sum = 0;
        for (JsonNode balance : state.get("balances")) {
            if (balance.get("account").asString().equals(account)) {
                sum += PartyFigures.fen(balance.get("amount"));
            }
        }
        return sum;
    }

    public String stateHash() {
        return state.get("stateHash").asString();
    }

    /** A P&L line summed over the months, in fen. */
    public long totalFen(String line) {
        return months.stream().mapToLong(month -> month.pnlFen(line)).sum();
    }
}
