package org.zengzhi.engine;

import java.util.Arrays;

/**
 * Balances of every account, as primitive arrays: one long per system account and, for per-participant
 * account types, one array indexed by the participant's dense id. The ledger itself keeps no history:
 * each change is a {@link Posting} written to the command's {@link EngineOutput}, which the caller keeps.
 */
final class Ledger {
    private static final AccountType[] TYPES = AccountType.values();

    private final long[] systemBalances = new long[TYPES.length];
    private final long[][] participantBalances = new long[TYPES.length][];

    Ledger(int capacity) {
        for (AccountType type : TYPES) {
            if (type.perParticipant()) {
                participantBalances[type.ordinal()] = new long[capacity];
            }
        }
    }

    void growTo(int capacity) {
        for (AccountType type : TYPES) {
            if (type.perParticipant()) {
                participantBalances[type.ordinal()] = Arrays.copyOf(participantBalances[type.ordinal()], capacity);
            }
        }
    }

    long balance(AccountType type, int participant) {
        return type.perParticipant() ? participantBalances[type.ordinal()][participant] : systemBalances[type.ordinal()];
    }

    long system(AccountType type) {
        return systemBalances[type.ordinal()];
    }

    /**
     * Moves {@code amount} from one account to another: two postings that sum to zero. Nothing is posted
     * for a zero amount.
     */
    void transfer(AccountType from, int fromParticipant, AccountType to, int toParticipant, long amount,
            EngineOutput out, String[] participantIds) {
        if (amount == 0) {
            return;
        }
        if (from.asset() != to.asset()) {
            throw new IllegalStateException("transfer across assets: " + from + " -> " + to);
        }
        add(from, fromParticipant, -amount);
        add(to, toParticipant, amount);
        out.posting(from, owner(from, fromParticipant, participantIds), -amount);
        out.posting(to, owner(to, toParticipant, participantIds), amount);
    }

    private void add(AccountType type, int participant, long amount) {
        if (type.perParticipant()) {
            long[] balances = participantBalances[type.ordinal()];
            balances[participant] = Math.addExact(balances[participant], amount);
        } else {
            systemBalances[type.ordinal()] = Math.addExact(systemBalances[type.ordinal()], amount);
        }
    }

    private static String owner(AccountType type, int participant, String[] participantIds) {
        return type.perParticipant() ? participantIds[participant] : null;
    }

    /** Restores one balance from a snapshot. */
    void restore(AccountType type, int participant, long amount) {
        if (type.perParticipant()) {
            participantBalances[type.ordinal()][participant] = amount;
        } else {
            systemBalances[type.ordinal()] = amount;
        }
    }

    /** Sum of every balance of one asset over the first {@code participants} participants. */
    long total(Asset asset, int participants) {
        long sum = 0;
        for (AccountType type : TYPES) {
            if (type.asset() != asset) {
                continue;
            }
            if (type.perParticipant()) {
                long[] balances = participantBalances[type.ordinal()];
                for (int i = 0; i < participants; i++) {
                    sum = Math.addExact(sum, balances[i]);
                }
            } else {
                sum = Math.addExact(sum, systemBalances[type.ordinal()]);
            }
        }
        return sum;
    }
}
