package org.zengzhi.engine.party;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small double-entry ledger behind the model's port: a balance per account and owner, every movement
 * checked as it is posted (positive, owners named exactly where the account is owned, no balance below zero
 * where the account forbids it). Not a mock: it answers the model's questions from its own balances.
 */
final class TestLedger implements PartyPostings {
    record Key(PartyAccount account, int owner) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byAccount = account.compareTo(other.account);
            return byAccount != 0 ? byAccount : Integer.compare(owner, other.owner);
        }
    }

    record Posting(Movement movement, int fromOwner, int toOwner, long amount) {
    }

    private final Map<Key, Long> balances = new TreeMap<>();
    private final List<Posting> journal = new ArrayList<>();

    @Override
    public void post(Movement movement, int fromOwner, int toOwner, long amount) {
        if (amount <= 0) {
            throw new AssertionError(movement + " posts " + amount);
        }
        checkOwner(movement.from(), fromOwner, movement);
        checkOwner(movement.to(), toOwner, movement);
        move(new Key(movement.from(), fromOwner), new Key(movement.to(), toOwner), amount);
        journal.add(new Posting(movement, fromOwner, toOwner, amount));
    }

    private static void checkOwner(PartyAccount account, int owner, Movement movement) {
        if (account.owned() != (owner >= 0)) {
            throw new AssertionError(movement + " names owner " + owner + " for " + account);
        }
    }

    private void move(Key from, Key to, long amount) {
        balances.merge(from, -amount, Long::sum);
        balances.merge(to, amount, Long::sum);
        for (Key key : List.of(from, to)) {
            if (!key.account().mayBeNegative() && balances.get(key) < 0) {
                throw new AssertionError(key + " would be " + balances.get(key));
            }
        }
    }

    /** What the engine's other models might do meanwhile: a supplier withdraws cash to its bank. */
    void supplierWithdraws(int supplier, long amount) {
        move(new Key(PartyAccount.SUPPLIER_CASH, supplier), new Key(PartyAccount.WORLD, NO_OWNER), amount);
    }

    @Override
    public long supplierCashFen(int supplier) {
        return balance(PartyAccount.SUPPLIER_CASH, supplier);
    }

    @Override
    public long escrowFen() {
        return balance(PartyAccount.ESCROW, NO_OWNER);
    }

    long balance(PartyAccount account, int owner) {
        return balances.getOrDefault(new Key(account, owner), 0L);
    }

    /** The sum of every balance of an account kind, whoever owns it. */
    long total(PartyAccount account) {
        return balances.entrySet().stream().filter(e -> e.getKey().account() == account)
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Per asset, the sum of all balances: zero for every asset in a balanced ledger. */
    Map<PartyAsset, Long> sumsByAsset() {
        Map<PartyAsset, Long> sums = new EnumMap<>(PartyAsset.class);
        for (PartyAsset asset : PartyAsset.values()) {
            sums.put(asset, 0L);
        }
        balances.forEach((key, value) -> sums.merge(key.account().asset(), value, Long::sum));
        return sums;
    }

    /** A ledger with the same balances and an empty journal, for a model restored from a snapshot. */
    TestLedger copyBalances() {
        TestLedger copy = new TestLedger();
        copy.balances.putAll(balances);
        return copy;
    }

    List<Posting> journal() {
        return journal;
    }

    /** The total of one kind of movement so far. */
    long moved(Movement movement) {
        return journal.stream().filter(p -> p.movement() == movement).mapToLong(Posting::amount).sum();
    }
}
