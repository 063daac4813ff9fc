package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * A long per dense handle, growing as handles appear, 0 for a handle never touched. The arrays grow by
 * doubling, so a model with a million holders costs a few copies, never a map. Handles must be dense
 * (the engine's participant indices and the model's supplier and product handles are given in
 * registration order): the array reaches the highest handle used.
 */
final class HolderLongs {
    private static final int INITIAL_CAPACITY = 16;

    private long[] values = new long[INITIAL_CAPACITY];
    private int size;

    long get(int handle) {
        return handle < size ? values[handle] : 0;
    }

    void add(int handle, long delta) {
        set(handle, Math.addExact(get(handle), delta));
    }

    void set(int handle, long value) {
        if (handle >= values.length) {
            values = Arrays.copyOf(values, Math.max(handle + 1, values.length * 2));
        }
        values[handle] = value;
        size = Math.max(size, handle + 1);
    }

    /** One past the highest handle ever set: iterations stop here. */
    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(values, 0, size, 0);
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(values[i]);
        }
    }

    /** Replaces every value with those a snapshot holds. */
    void read(DataInput in, int sizeMax) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > sizeMax) {
            throw new IOException("snapshot holds " + count + " handles, more than " + sizeMax);
        }
        values = new long[Math.max(INITIAL_CAPACITY, count)];
        size = count;
        for (int i = 0; i < count; i++) {
            values[i] = in.readLong();
        }
    }
}
