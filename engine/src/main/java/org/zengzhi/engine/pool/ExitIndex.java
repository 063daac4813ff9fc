package org.zengzhi.engine.pool;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.zengzhi.engine.BatchPrefetch;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.PoolRules;

/**
 * Holders ordered by threshold price (SPEC ): a binary min-heap of dense participant ids, with each
 * participant's heap slot, so an update or removal costs O(log n). A holder's threshold price is
 * T = (k·spend − realized) / h = (kNum·spend − kDen·realized) / (kDen·h); kDen is the same for everyone,
 * so two thresholds compare as numerator_a·h_b against numerator_b·h_a, exactly on 128 bits. A numerator
 * too large for a long (only with extreme exit multiples) is kept as a BigInteger and compared slowly.
 * Ties go to the smaller external participant id. Only participants holding points are in the index.
 *
 * <p>Each slot's key (numerator, holding) is stored beside the slot in one array, so comparing a slot
 * with its parent or children reads one cache line per node: at a million holders the index is bound by
 * memory reads, not by arithmetic.
 */
public final class ExitIndex {
    private static final int ABSENT = -1;

    private PoolRules rules;
    private final Map<Integer, BigInteger> wideNumerators = new HashMap<>();
    private int[] heap;
    private long[] keys;
    private int[] position;
    private int size;
    private String[] ids;

    public ExitIndex(int capacity, PoolRules rules) {
        this.rules = rules;
        heap = new int[capacity];
        keys = new long[2 * capacity];
        position = new int[capacity];
        Arrays.fill(position, ABSENT);
    }

    public void growTo(int capacity) {
        int old = position.length;
        heap = Arrays.copyOf(heap, capacity);
        keys = Arrays.copyOf(keys, 2 * capacity);
        position = Arrays.copyOf(position, capacity);
        Arrays.fill(position, old, capacity, ABSENT);
    }

    /** New pool rules: every key changes with k, so the caller re-enters every holder afterwards. */
    public void useRules(PoolRules newRules) {
        this.rules = newRules;
        wideNumerators.clear();
        for (int at = 0; at < size; at++) {
            position[heap[at]] = ABSENT;
        }
        size = 0;
    }

    /** The participants' external ids, for ties; the array is replaced when participants grow. */
    public void useIds(String[] participantIds) {
        this.ids = participantIds;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** The holder with the lowest threshold price. */
    public int first() {
        return heap[0];
    }

    /** The participant's slot in the heap, or −1 when they hold nothing. */
    public int slotOf(int participant) {
        return position[participant];
    }

    /**
     * Reads what a re-key of the entry in {@code slot} compares and moves first: its parent's key, its
     * children's keys and participants, and its grandchildren's keys (see {@link BatchPrefetch}).
     */
    public long touchNeighbours(int slot) {
        long sum = heap[slot] + keys[2 * slot];
        if (slot > 0) {
            sum += keys[2 * ((slot - 1) >>> 1)];
        }
        int child = 2 * slot + 1;
        if (child < size) {
            sum += keys[2 * child] + heap[child];
        }
        int grandchild = 2 * child + 1;
        if (grandchild < size) {
            sum += keys[2 * grandchild];
        }
        return sum;
    }

    public boolean contains(int participant) {
        return position[participant] != ABSENT;
    }

    /** True when the participant's exit test holds at pool cash P and circulating points N. */
    public boolean due(int participant, long cashFen, long pointsMicro) {
        int slot = position[participant];
        long numerator = keys[2 * slot];
        // Looked up only for a wide numerator: boxing the id for the map on every test costs an allocation.
        BigInteger wide = numerator == PoolMath.WIDE ? wideNumerators.get(participant) : null;
        return PoolMath.exitDue(rules, numerator, wide, keys[2 * slot + 1], cashFen, pointsMicro);
    }

    /** True when the stored key is the one the participant's cycle gives (for invariant checks). */
    public boolean keyMatches(int participant, long spendFen, long realizedFen, long holdingMicro) {
        int slot = position[participant];
        long expected = PoolMath.thresholdNumerator(rules, spendFen, realizedFen);
        boolean wideMatches = expected != PoolMath.WIDE
                || PoolMath.wideNumerator(rules, spendFen, realizedFen).equals(wideNumerators.get(participant));
        return keys[2 * slot] == expected && wideMatches && keys[2 * slot + 1] == holdingMicro;
    }

    /** Sets a participant's key from their cycle; a participant holding nothing leaves the index. */
    public void update(int participant, long spendFen, long realizedFen, long holdingMicro) {
        if (holdingMicro == 0) {
            remove(participant);
            return;
        }
        long numerator = PoolMath.thresholdNumerator(rules, spendFen, realizedFen);
        if (numerator == PoolMath.WIDE) {
            wideNumerators.put(participant, PoolMath.wideNumerator(rules, spendFen, realizedFen));
        } else if (!wideNumerators.isEmpty()) {
            wideNumerators.remove(participant);
        }
        int at = position[participant];
        if (at == ABSENT) {
            place(participant, numerator, holdingMicro, size++);
            siftUp(participant, numerator, holdingMicro, size - 1);
        } else {
            int moved = siftUp(participant, numerator, holdingMicro, at);
            siftDown(participant, numerator, holdingMicro, moved);
        }
    }

    public void remove(int participant) {
        int at = position[participant];
        if (at == ABSENT) {
            return;
        }
        position[participant] = ABSENT;
        wideNumerators.remove(participant);
        int lastAt = --size;
        if (at != lastAt) {
            int last = heap[lastAt];
            long numerator = keys[2 * lastAt];
            long holding = keys[2 * lastAt + 1];
            int moved = siftUp(last, numerator, holding, at);
            siftDown(last, numerator, holding, moved);
        }
    }

    private void place(int participant, long numerator, long holding, int at) {
        heap[at] = participant;
        keys[2 * at] = numerator;
        keys[2 * at + 1] = holding;
        position[participant] = at;
    }

    /** Moves the entry up from slot {@code at} while it comes before its parent; returns its final slot. */
    private int siftUp(int participant, long numerator, long holding, int at) {
        while (at > 0) {
            int parentAt = (at - 1) >>> 1;
            if (!before(participant, numerator, holding, parentAt)) {
                break;
            }
            place(heap[parentAt], keys[2 * parentAt], keys[2 * parentAt + 1], at);
            at = parentAt;
        }
        place(participant, numerator, holding, at);
        return at;
    }

    private void siftDown(int participant, long numerator, long holding, int at) {
        while (true) {
            int childAt = 2 * at + 1;
            if (childAt >= size) {
                break;
            }
            if (childAt + 1 < size && slotBefore(childAt + 1, childAt)) {
                childAt++;
            }
            if (before(participant, numerator, holding, childAt)) {
                break;
            }
            place(heap[childAt], keys[2 * childAt], keys[2 * childAt + 1], at);
            at = childAt;
        }
        place(participant, numerator, holding, at);
    }

    private boolean slotBefore(int a, int b) {
        long numerator = keys[2 * a];
        long holding = keys[2 * a + 1];
        long otherNumerator = keys[2 * b];
        if (numerator != PoolMath.WIDE && otherNumerator != PoolMath.WIDE) {
            int order = Exact.compareProducts(numerator, keys[2 * b + 1], otherNumerator, holding);
            if (order != 0) {
                return order < 0;
            }
        }
        return before(heap[a], numerator, holding, b);
    }

    /**
     * True when the participant with this key comes strictly before the entry in slot {@code at}: a lower
     * threshold price, or the same price and a smaller external id. The entry's participant is read only
     * for a tie or a wide numerator: at a million holders it sits in another cache line, which the usual
     * comparison does not need.
     */
    private boolean before(int participant, long numerator, long holding, int at) {
        long otherNumerator = keys[2 * at];
        long otherHolding = keys[2 * at + 1];
        if (numerator != PoolMath.WIDE && otherNumerator != PoolMath.WIDE) {
            int order = Exact.compareProducts(numerator, otherHolding, otherNumerator, holding);
            if (order != 0) {
                return order < 0;
            }
        }
        int other = heap[at];
        int order = wide(participant, numerator).multiply(BigInteger.valueOf(otherHolding))
                .compareTo(wide(other, otherNumerator).multiply(BigInteger.valueOf(holding)));
        return order < 0 || (order == 0 && participant != other && ids[participant].compareTo(ids[other]) < 0);
    }

    private BigInteger wide(int participant, long numerator) {
        return numerator == PoolMath.WIDE ? wideNumerators.get(participant) : BigInteger.valueOf(numerator);
    }

    /** True when the heap order holds everywhere and positions agree (for invariant checks). */
    public boolean consistent() {
        for (int at = 0; at < size; at++) {
            if (position[heap[at]] != at) {
                return false;
            }
            if (at > 0 && slotBefore(at, (at - 1) >>> 1)) {
                return false;
            }
        }
        return true;
    }
}
