package org.zengzhi.engine.rank;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A board in engine snapshots (ARCHITECTURE rule 6). The ladder is the plan's and is not written, but its
 * rank names are, so that a snapshot read under another ladder fails loudly instead of paying by the wrong
 * ranks. Promoters are written in slot order and the user index is rebuilt from them: the same board always
 * writes the same bytes.
 */
public final class BoardCodec {
    private static final int FORMAT = 1;

    private BoardCodec() {
    }

    public static void write(PromoterBoard board, DataOutput out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(board.ladder.size());
        for (Rank rank : board.ladder.ranks()) {
            out.writeUTF(rank.name());
        }
        out.writeInt(board.nextToClose);
        out.writeInt(board.lastAppointed);
        out.writeInt(board.lastClosedYear);
        for (int year : board.salesYear) {
            out.writeInt(year);
        }
        out.writeInt(board.count);
        for (int slot = 0; slot < board.count; slot++) {
            writePromoter(board, slot, out);
        }
    }

    private static void writePromoter(PromoterBoard board, int slot, DataOutput out) throws IOException {
        out.writeInt(board.user[slot]);
        out.writeInt(board.coach[slot]);
        out.writeInt(board.appointed[slot]);
        out.writeInt(board.rank[slot]);
        out.writeInt(board.upStreak[slot]);
        out.writeInt(board.downStreak[slot]);
        for (int i = 0; i < PromoterBoard.OPEN_MONTHS_MAX; i++) {
            out.writeLong(board.metric[slot * PromoterBoard.OPEN_MONTHS_MAX + i]);
        }
        for (int i = 0; i < PromoterBoard.YEARS_KEPT; i++) {
            out.writeLong(board.yearSales[slot * PromoterBoard.YEARS_KEPT + i]);
        }
    }

    /** A board of {@code ladder} as written; refuses a snapshot of another ladder or a damaged one. */
    public static PromoterBoard read(RankLadder ladder, DataInput in) throws IOException {
        if (in.readInt() != FORMAT) {
            throw new IOException("not a promoter board snapshot of format " + FORMAT);
        }
        int ranks = in.readInt();
        if (ranks != ladder.size()) {
            throw new IOException("the snapshot has " + ranks + " ranks, the ladder " + ladder.size());
        }
        for (Rank rank : ladder.ranks()) {
            String name = in.readUTF();
            if (!name.equals(rank.name())) {
                throw new IOException("the snapshot's rank \"" + name + "\" is the ladder's \"" + rank.name() + "\"");
            }
        }
        PromoterBoard board = new PromoterBoard(ladder);
        board.nextToClose = in.readInt();
        board.lastAppointed = in.readInt();
        board.lastClosedYear = in.readInt();
        for (int i = 0; i < board.salesYear.length; i++) {
            board.salesYear[i] = in.readInt();
        }
        int count = in.readInt();
        if (count < 0 || count > PromoterBoard.PROMOTERS_MAX) {
            throw new IOException("a snapshot of " + count + " promoters");
        }
        for (int slot = 0; slot < count; slot++) {
            readPromoter(board, slot, in);
        }
        return board;
    }

    private static void readPromoter(PromoterBoard board, int slot, DataInput in) throws IOException {
        int user = in.readInt();
        int coach = in.readInt();
        if (user < 0 || board.slotOf(user) >= 0 || coach < PromoterBoard.NO_COACH || coach >= slot) {
            throw new IOException("promoter " + slot + " has user " + user + " and coach slot " + coach);
        }
        board.ensureCapacity(slot + 1, user);
        board.count = slot + 1;
        board.user[slot] = user;
        board.coach[slot] = coach;
        board.depth[slot] = coach == PromoterBoard.NO_COACH ? 0 : board.depth[coach] + 1;
        board.slotOfUser[user] = slot + 1;
        board.appointed[slot] = in.readInt();
        board.rank[slot] = in.readInt();
        if (board.rank[slot] < 0 || board.rank[slot] >= board.ladder.size()) {
            throw new IOException("promoter " + slot + " holds rank " + board.rank[slot]);
        }
        board.upStreak[slot] = in.readInt();
        board.downStreak[slot] = in.readInt();
        for (int i = 0; i < PromoterBoard.OPEN_MONTHS_MAX; i++) {
            board.metric[slot * PromoterBoard.OPEN_MONTHS_MAX + i] = in.readLong();
        }
        for (int i = 0; i < PromoterBoard.YEARS_KEPT; i++) {
            board.yearSales[slot * PromoterBoard.YEARS_KEPT + i] = in.readLong();
        }
    }
}
