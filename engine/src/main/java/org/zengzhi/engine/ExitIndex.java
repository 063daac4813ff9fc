package org.zengzhi.engine;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Holders ordered by threshold price (SPEC ): a binary min-heap of dense participant ids with each
 * participant's position, so an update or removal costs O(log n). A holder's threshold price is
 * T = (k·spend − realized) / h = (kNum·spend − kDen·realized) / (kDen·h); kDen is the same for everyone,
 * so two thresholds compare as numerator_a·h_b against numerator_b·h_a, exactly on 128 bits. A numerator
 * too large for a long (only with extreme exit multiples) is kept as a BigInteger and compared slowly.
 * Ties go to the smaller external participant id. Only participants holding points are in the index.
 */
final class ExitIndex {
    private static final int ABSENT = -1;

    private final PoolRules rules;
    private final Map<Integer, BigInteger> wideNumerators = new HashMap<>();
    private int[] heap;
    private int size;
    private int[] position;
    private long[] numerator;
    private long[] holding;
    private String[] ids;

    ExitIndex(int capacity, PoolRules rules) {
        this.rules = rules;
        heap = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, ABSENT);
        numerator = new long[capacity];
        holding = new long[capacity];
    }

    void growTo(int capacity) {
        int old = position.length;
        heap = Arrays.copyOf(heap, capacity);
        position = Arrays.copyOf(position, capacity);
        Arrays.fill(position, old, capacity, ABSENT);
        numerator = Arrays.copyOf(numerator, capacity);
        holding = Arrays.copyOf(holding, capacity);
    }

    /** The participants' external ids, for ties; the array is replaced when participants grow. */
    void useIds(String[] participantIds) {
        this.ids = participantIds;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The holder with the lowest threshold price. */
    int first() {
        return heap[0];
    }

    boolean contains(int participant) {
        return position[participant] != ABSENT;
    }

    /** True when the participant's exit test holds at pool cash P and circulating points N. */
    boolean due(int participant, long cashFen, long pointsMicro) {
        return PoolMath.exitDue(rules, numerator[participant], wideNumerators.get(participant), holding[participant],
                cashFen, pointsMicro);
    }

    /** True when the stored key is the one the participant's cycle gives (for invariant checks). */
    boolean keyMatches(int participant, long spendFen, long realizedFen, long holdingMicro) {
        long expected = PoolMath.thresholdNumerator(rules, spendFen, realizedFen);
        boolean wideMatches = expected != PoolMath.WIDE
                || PoolMath.wideNumerator(rules, spendFen, realizedFen).equals(wideNumerators.get(participant));
        return numerator[participant] == expected && wideMatches && holding[participant] == holdingMicro;
    }

    /** Sets a participant's key from their cycle; a participant holding nothing leaves the index. */
    void update(int participant, long spendFen, long realizedFen, long holdingMicro) {
        if (holdingMicro == 0) {
            remove(participant);
            return;
        }
        long key = PoolMath.thresholdNumerator(rules, spendFen, realizedFen);
        numerator[participant] = key;
        if (key == PoolMath.WIDE) {
            wideNumerators.put(participant, PoolMath.wideNumerator(rules, spendFen, realizedFen));
        } else {
            wideNumerators.remove(participant);
        }
        holding[participant] = holdingMicro;
        int at = position[participant];
        if (at == ABSENT) {
            heap[size] = participant;
            position[participant] = size;
            siftUp(size++);
        } else {
            siftDown(siftUp(at));
        }
    }

    void remove(int participant) {
        int at = position[participant];
        if (at == ABSENT) {
            return;
        }
        position[participant] = ABSENT;
        wideNumerators.remove(participant);
        int last = heap[--size];
        if (at != size) {
            heap[at] = last;
            position[last] = at;
            siftDown(siftUp(at));
        }
    }

    private int siftUp(int at) {
        int participant = heap[at];
        while (at > 0) {
            int parentAt = (at - 1) >>> 1;
            int parent = heap[parentAt];
            if (!before(participant, parent)) {
                break;
            }
            heap[at] = parent;
            position[parent] = at;
            at = parentAt;
        }
        heap[at] = participant;
        position[participant] = at;
        return at;
    }

    private void siftDown(int at) {
        int participant = heap[at];
        while (true) {
            int childAt = 2 * at + 1;
            if (childAt >= size) {
                break;
            }
            int child = heap[childAt];
            if (childAt + 1 < size && before(heap[childAt + 1], child)) {
                childAt++;
                child = heap[childAt];
            }
            if (!before(child, participant)) {
                break;
            }
            heap[at] = child;
            position[child] = at;
            at = childAt;
        }
        heap[at] = participant;
        position[participant] = at;
    }

    /** True when a's threshold price is lower than b's, or equal with a smaller external id. */
    boolean before(int a, int b) {
        int order = numerator[a] != PoolMath.WIDE && numerator[b] != PoolMath.WIDE
                ? Exact.compareProducts(numerator[a], holding[b], numerator[b], holding[a])
                : wide(a).multiply(BigInteger.valueOf(holding[b])).compareTo(wide(b).multiply(BigInteger.valueOf(holding[a])));
        return order < 0 || (order == 0 && ids[a].compareTo(ids[b]) < 0);
    }

    private BigInteger wide(int participant) {
        return numerator[participant] == PoolMath.WIDE ? wideNumerators.get(participant)
                : BigInteger.valueOf(numerator[participant]);
    }

    /** True when the heap order holds everywhere and positions agree (for invariant checks). */
    boolean consistent() {
        for (int at = 0; at < size; at++) {
            if (position[heap[at]] != at) {
                return false;
            }
            if (at > 0 && before(heap[at], heap[(at - 1) >>> 1])) {
                return false;
            }
        }
        return true;
    }
}
