package org.zengzhi.engine.greenflow;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The instant each promoter was appointed (issue 17 rule 7: the metric counts orders due "from the promoter's
 * appointment on", an instant, not its month). The rank board keeps months only, as seed 000's board needs
 * nothing finer; this model keeps the instants beside it, in appointment order, and writes them in the snapshot.
 */
public final class Appointments {
    /** Written after the board in a green-points snapshot; a new format so an older snapshot fails loudly. */
    private static final int FORMAT = 1;
    private static final long NONE = Long.MIN_VALUE;

    private int count;
    private int[] users = new int[16];
    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    /** Appointment order by user handle, + 1; 0 for a user who is no promoter. */
    private int[] orderOfUser = new int[16];

    void add(int user, Instant at) {
        if (count == users.length) {
            users = Arrays.copyOf(users, count * 2);
            seconds = Arrays.copyOf(seconds, count * 2);
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        if (user >= orderOfUser.length) {
            orderOfUser = Arrays.copyOf(orderOfUser, Math.max(user + 1, orderOfUser.length * 2));
        }
        users[count] = user;
        seconds[count] = at.getEpochSecond();
        nanos[count] = at.getNano();
        count++;
        orderOfUser[user] = count;
    }

    /** True when {@code user} was appointed at or before {@code due}. */
    boolean appointedBy(int user, Instant due) {
        if (user < 0 || user >= orderOfUser.length || orderOfUser[user] == 0) {
            return false;
        }
        int slot = orderOfUser[user] - 1;
        long second = seconds[slot];
        return second < due.getEpochSecond() || second == due.getEpochSecond() && nanos[slot] <= due.getNano();
    }

    public void write(DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeInt(users[i]);
            out.writeLong(seconds[i]);
            out.writeInt(nanos[i]);
        }
    }

    /** Replaces this (empty) record with the one written by {@link #write}. */
    public void readFrom(DataInput in) throws IOException {
        if (count != 0 || in.readInt() != FORMAT) {
            throw new IOException("not a promoter appointments snapshot of format " + FORMAT);
        }
        int written = in.readInt();
        if (written < 0) {
            throw new IOException("a snapshot of " + written + " appointments");
        }
        for (int i = 0; i < written; i++) {
            int user = in.readInt();
            long second = in.readLong();
            int nano = in.readInt();
            if (user < 0 || appointedBy(user, Instant.MAX) || nano < 0 || nano > 999_999_999 || second == NONE) {
                throw new IOException("appointment " + i + " of user " + user);
            }
            add(user, Instant.ofEpochSecond(second, nano));
        }
    }
}
