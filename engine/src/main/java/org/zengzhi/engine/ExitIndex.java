package org.zengzhi.engine;

import java.util.Arrays;

/**
 * Holders ordered by threshold price (SPEC ): a binary min-heap of dense participant ids with each
 * participant's position, so an update or removal costs O(log n). The threshold price is the exact
 * fraction {@code numerator / denominator} = (k·spend − realized) / h; ties go to the smaller external
 * participant id. Only participants holding points are in the index.
 */
final class ExitIndex {
    private static final int ABSENT = -1;

    private int[] heap;
    private int size;
    private int[] position;
    private long[] numerator;
    private long[] denominator;
    private String[] ids;

    ExitIndex(int capacity) {
        heap = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, ABSENT);
        numerator = new long[capacity];
        denominator = new long[capacity];
    }

    void growTo(int capacity) {
        int old = position.length;
        heap = Arrays.copyOf(heap, capacity);
        position = Arrays.copyOf(position, capacity);
        Arrays.fill(position, old, capacity, ABSENT);
        numerator = Arrays.copyOf(numerator, capacity);
        denominator = Arrays.copyOf(denominator, capacity);
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

    long numerator(int participant) {
        return numerator[participant];
    }

    long denominator(int participant) {
        return denominator[participant];
    }

    boolean contains(int participant) {
        return position[participant] != ABSENT;
    }

    /** Sets a participant's threshold; a participant with {@code denominator == 0} (no points) leaves the index. */
    void update(int participant, long thresholdNumerator, long thresholdDenominator) {
        if (thresholdDenominator == 0) {
            remove(participant);
            return;
        }
        numerator[participant] = thresholdNumerator;
        denominator[participant] = thresholdDenominator;
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
        int order = Exact.compareProducts(numerator[a], denominator[b], numerator[b], denominator[a]);
        return order < 0 || (order == 0 && ids[a].compareTo(ids[b]) < 0);
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
