package org.zengzhi.engine.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zengzhi.engine.EngineOutput;

/**
 * Balances of every account, as primitive arrays: one long per system account and, for account types
 * owned by each participant or each merchant, one array indexed by the owner's dense id. An owner
 * array is allocated on the first posting to that type, so unused account types cost no memory.
 * The ledger keeps no history: each change is a {@link Posting} written to the command's
 * {@link EngineOutput}, which the caller keeps.
 */
public final class Ledger {
    private static final AccountType[] TYPES = AccountType.values();

    private final long[] systemBalances = new long[TYPES.length];
    private final long[][] ownerBalances = new long[TYPES.length][];
    private int participantCapacity;
    private int merchantCapacity;
    /** Suppliers of the four-party model: their arrays grow one handle at a time, as they register. */
    private int supplierCapacity;
    private int suppliers;

    public Ledger(int participantCapacity, int merchantCapacity) {
        this.participantCapacity = participantCapacity;
        this.merchantCapacity = merchantCapacity;
    }

    public void growParticipants(int capacity) {
        participantCapacity = capacity;
        grow(true, capacity);
    }

    public void growMerchants(int capacity) {
        merchantCapacity = capacity;
        grow(false, capacity);
    }

    /** Makes room for one more supplier and returns the number of suppliers the ledger now counts. */
    public int addSupplier() {
        if (suppliers == supplierCapacity) {
            supplierCapacity = Math.max(64, supplierCapacity * 2);
            for (AccountType type : TYPES) {
                long[] balances = ownerBalances[type.ordinal()];
                if (balances != null && type.perSupplier()) {
                    ownerBalances[type.ordinal()] = Arrays.copyOf(balances, supplierCapacity);
                }
            }
        }
        return ++suppliers;
    }

    public int suppliers() {
        return suppliers;
    }

    private void grow(boolean participants, int capacity) {
        for (AccountType type : TYPES) {
            long[] balances = ownerBalances[type.ordinal()];
            boolean grows = participants ? type.perParticipant() : type.perMerchant();
            if (balances != null && grows) {
                ownerBalances[type.ordinal()] = Arrays.copyOf(balances, capacity);
            }
        }
    }

    private int capacityOf(AccountType type) {
        return type.perParticipant() ? participantCapacity : type.perMerchant() ? merchantCapacity : supplierCapacity;
    }

    /** The balance of an account; {@code owner} is the dense participant or merchant id, ignored for system accounts. */
    public long balance(AccountType type, int owner) {
        if (type.system()) {
            return systemBalances[type.ordinal()];
        }
        long[] balances = ownerBalances[type.ordinal()];
        return balances == null ? 0 : balances[owner];
    }

    public long system(AccountType type) {
        return systemBalances[type.ordinal()];
    }

    /**
     * Moves {@code amount} from one account to another: two postings that sum to zero. Nothing is posted
     * for a zero amount. {@code ownerIds} resolve the external ids written into the postings.
     */
    public void transfer(AccountType from, int fromOwner, AccountType to, int toOwner, long amount, EngineOutput out,
            OwnerIds ownerIds) {
        if (amount == 0) {
            return;
        }
        if (from.asset() != to.asset()) {
            throw new IllegalStateException("transfer across assets: " + from + " -> " + to);
        }
        add(from, fromOwner, -amount);
        add(to, toOwner, amount);
        if (!out.recordsPostings()) {
            return;
        }
        out.posting(from, ownerIds.externalId(from, fromOwner), -amount);
        out.posting(to, ownerIds.externalId(to, toOwner), amount);
    }

    private void add(AccountType type, int owner, long amount) {
        if (type.system()) {
            systemBalances[type.ordinal()] = Math.addExact(systemBalances[type.ordinal()], amount);
            return;
        }
        long[] balances = ownerBalances[type.ordinal()];
        if (balances == null) {
            balances = new long[capacityOf(type)];
            ownerBalances[type.ordinal()] = balances;
        }
        balances[owner] = Math.addExact(balances[owner], amount);
    }

    /** Restores one balance from a snapshot. */
    public void restore(AccountType type, int owner, long amount) {
        if (amount != 0 || type.system()) {
            add(type, owner, amount - balance(type, owner));
        }
    }

    /** Sum of every balance of one asset, over the first {@code participants} participants and {@code merchants} merchants. */
    public long total(Asset asset, int participants, int merchants) {
        long sum = 0;
        for (AccountType type : TYPES) {
            if (type.asset() != asset) {
                continue;
            }
            if (type.system()) {
                sum = Math.addExact(sum, systemBalances[type.ordinal()]);
                continue;
            }
            long[] balances = ownerBalances[type.ordinal()];
            int owners = type.perParticipant() ? participants : type.perMerchant() ? merchants : suppliers;
            for (int i = 0; balances != null && i < owners; i++) {
                sum = Math.addExact(sum, balances[i]);
            }
        }
        return sum;
    }

    /**
     * Every non-zero balance: system accounts in account type order, then each participant's in dense id
     * order, then each merchant's in dense id order; the ids name the owners.
     */
    public List<Balance> balances(String[] participantIds, int participants, List<String> merchantIds) {
        return balances(participantIds, participants, merchantIds, List.of());
    }

    /** As above, then each supplier's balances in handle order. */
    public List<Balance> balances(String[] participantIds, int participants, List<String> merchantIds,
            List<String> supplierIds) {
        List<Balance> balances = new ArrayList<>();
        for (AccountType type : TYPES) {
            if (type.system() && system(type) != 0) {
                balances.add(new Balance(type, null, system(type)));
            }
        }
        for (int participant = 0; participant < participants; participant++) {
            addOwnerBalances(balances, OwnerKind.USER, participant, participantIds[participant]);
        }
        for (int merchant = 0; merchant < merchantIds.size(); merchant++) {
            addOwnerBalances(balances, OwnerKind.MERCHANT, merchant, merchantIds.get(merchant));
        }
        for (int supplier = 0; supplier < supplierIds.size(); supplier++) {
            addOwnerBalances(balances, OwnerKind.SUPPLIER, supplier, supplierIds.get(supplier));
        }
        return balances;
    }

    private void addOwnerBalances(List<Balance> balances, OwnerKind kind, int owner, String id) {
        for (AccountType type : TYPES) {
            if (type.ownerKind() == kind && balance(type, owner) != 0) {
                balances.add(new Balance(type, id, balance(type, owner)));
            }
        }
    }

    /** Resolves dense owner ids to the external ids written into postings. */
    public interface OwnerIds {
        String externalId(AccountType type, int owner);
    }
}
