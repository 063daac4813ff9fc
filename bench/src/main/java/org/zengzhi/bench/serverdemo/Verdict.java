package org.zengzhi.bench.serverdemo;

import java.util.Map;
import java.util.Set;

/**
 * One tenant's checks, from what the load was told and what the tenant's journal holds (replayed):
 * <ul>
 * <li><b>exactly once</b>: every acknowledged payment is applied (accepted) exactly once in the journal — none
 * missing, none twice — and no payment is applied that was neither acknowledged nor left without a final answer
 * (a failed send may have taken effect; an acknowledged one must have, once);</li>
 * <li><b>pool</b>: the pool's cash equals the pool shares of the applied payments, which are the acknowledged ones
 * when no send failed, and the invariants hold ;</li>
 * <li><b>hash</b>: the state hash the serving node reports equals the replay's.</li>
 * </ul>
 */
record Verdict(String tenant, int missing, int doubled, int strays, int unansweredApplied, long poolCashFen,
        long appliedSharesFen, boolean invariantsHold, boolean hashEqual) {

    /**
     * {@code applied}: payment number → how many times the journal accepted it; {@code failed}: the payments sent
     * without an acknowledgement.
     */
    static Verdict of(String tenant, Set<Long> acked, Set<Long> failed, Map<Long, Integer> applied, long poolCashFen,
            boolean invariantsHold, String nodeHash, String replayHash) {
        int missing = 0;
        for (long n : acked) {
            missing += applied.containsKey(n) ? 0 : 1;
        }
        int doubled = 0;
        int strays = 0;
        int unansweredApplied = 0;
        long shares = 0;
        for (Map.Entry<Long, Integer> e : applied.entrySet()) {
            doubled += e.getValue() > 1 ? 1 : 0;
            shares = Math.addExact(shares, Math.multiplyExact(new Payment(tenant, e.getKey()).poolShareFen(),
                    (long) e.getValue()));
            if (!acked.contains(e.getKey())) {
                if (failed.contains(e.getKey())) {
                    unansweredApplied++;
                } else {
                    strays++;
                }
            }
        }
        return new Verdict(tenant, missing, doubled, strays, unansweredApplied, poolCashFen, shares, invariantsHold,
                nodeHash != null && nodeHash.equals(replayHash));
    }

    boolean exactlyOnce() {
        return missing == 0 && doubled == 0 && strays == 0;
    }

    boolean poolHolds() {
        return invariantsHold && poolCashFen == appliedSharesFen;
    }
}
