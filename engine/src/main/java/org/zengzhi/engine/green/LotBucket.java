package org.zengzhi.engine.green;

import java.util.Arrays;

/**
 * The active lots of one range of holders ({@link Lots#BUCKET_HOLDERS} of them), structure of arrays, in the
 * order they were added, a retired lot's place taken by the bucket's last lot. The arrays hold only what a
 * dividend reads; {@link DividendPool} gives the fields their meaning.
 */
final class LotBucket {
    private static final int INITIAL_CAPACITY = 16;

    int[] holder = new int[INITIAL_CAPACITY];
    long[] centipoints = new long[INITIAL_CAPACITY];
    int[] birth = new int[INITIAL_CAPACITY];
    long[] capLeftFen = new long[INITIAL_CAPACITY];
    int size;

    /** Appends a lot, doubling the arrays when full: O(1) amortised. */
    void add(int lotHolder, long lotCentipoints, int lotBirth, long lotCapLeftFen) {
        if (size == holder.length) {
            resize(size * 2);
        }
        holder[size] = lotHolder;
        centipoints[size] = lotCentipoints;
        birth[size] = lotBirth;
        capLeftFen[size] = lotCapLeftFen;
        size++;
    }

    /** Removes the lot in {@code slot}: the last lot takes its place. */
    void remove(int slot) {
        int last = --size;
        holder[slot] = holder[last];
        centipoints[slot] = centipoints[last];
        birth[slot] = birth[last];
        capLeftFen[slot] = capLeftFen[last];
    }

    private void resize(int capacity) {
        holder = Arrays.copyOf(holder, capacity);
        centipoints = Arrays.copyOf(centipoints, capacity);
        birth = Arrays.copyOf(birth, capacity);
        capLeftFen = Arrays.copyOf(capLeftFen, capacity);
    }
}
