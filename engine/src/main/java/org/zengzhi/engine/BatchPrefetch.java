package org.zengzhi.engine;

import java.util.Arrays;
import java.util.List;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.order.Order;
import org.zengzhi.engine.order.Orders;
import org.zengzhi.engine.pool.ExitIndex;

/**
 * Reads ahead the state a window of commands will touch, so that {@link Engine#execute(List, EngineOutput)}
 * pays a batch's cache misses together rather than one after another (memory-level parallelism).
 *
 * <p>At a million participants one command waits for memory about a dozen times, most reads depending on
 * the one before: the id string, its index slot, the id array, the participant's balances and cycle, their
 * exit-index slot, then that slot's neighbours. Here each step is a pass over the whole window, and the reads of
 * one pass do not depend on each other, so the processor keeps many misses in flight at once. Applying the
 * commands afterwards finds their state in the cache.
 *
 * <p>Nothing here changes state or decides anything: it only reads, and folds what it read into
 * {@link #touched} so the compiler cannot drop the reads. Only the commands of the hot paths
 * ({@code SettleOrder}, {@code SellPoints}, {@code PayOrder}) are read ahead; the others run as they would
 * one by one. A {@code Tick} reads ahead the orders it settles, a window at a time ({@link #touchOrders}).
 */
public final class BatchPrefetch {
    /**
     * Commands read ahead at a time. The state of 64 commands (about 14 cache lines each, 60 KB in all) stays
     * in the second-level cache until they are applied; windows of 32 and 128 measured the same.
     */
    public static final int WINDOW = 64;

    private final Ledger ledger;
    private final Participants participants;
    private final ExitIndex exitIndex;
    private final Orders orders;
    private final String[] orderIds = new String[WINDOW];
    private final String[] ids = new String[WINDOW];
    private final boolean[] sales = new boolean[WINDOW];
    private final boolean[] payments = new boolean[WINDOW];
    private final int[] hashes = new int[WINDOW];
    private final int[] dense = new int[WINDOW];
    private final int[] slots = new int[WINDOW];
    private final int[] indirect = new int[WINDOW];
    /** What the reads returned, folded together; kept only so the reads cannot be optimized away. */
    private long touched;

    BatchPrefetch(Ledger ledger, Participants participants, ExitIndex exitIndex, Orders orders) {
        this.ledger = ledger;
        this.orders = orders;
        this.participants = participants;
        this.exitIndex = exitIndex;
    }

    /** Reads the state that commands {@code from} (inclusive) to {@code to} (exclusive) of the batch will touch. */
    void touch(List<Command> batch, int from, int to) {
        int count = to - from;
        for (int i = 0; i < count; i++) {
            Command command = batch.get(from + i);
            ids[i] = participantOf(command);
            sales[i] = command.type() == CommandType.SELL_POINTS;
            payments[i] = command.type() == CommandType.PAY_ORDER;
            orderIds[i] = payments[i] ? ((Command.PayOrder) command).id() : null;
        }
        long sum = readIds(count);
        sum += readIndexSlots(count);
        sum += readStoredIds(count);
        sum += resolve(count);
        sum += readParticipants(count);
        sum += readExitIndex(count);
        sum += readReferrers(count);
        sum += readOrderIds(count);
        touched += sum;
        Arrays.fill(ids, 0, count, null);
        Arrays.fill(orderIds, 0, count, null);
    }

    /** The external participant id a hot-path command names, or null. */
    private static String participantOf(Command command) {
        return switch (command.type()) {
            case SETTLE_ORDER -> ((Command.SettleOrder) command).participant();
            case SELL_POINTS -> ((Command.SellPoints) command).participant();
            case PAY_ORDER -> ((Command.PayOrder) command).user();
            default -> null;
        };
    }

    /** Pass 1: each id string's header (its cached hash) and characters. */
    private long readIds(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            String id = ids[i];
            if (id != null) {
                hashes[i] = id.hashCode();
                sum += id.length();
            }
        }
        return sum;
    }

    /** Pass 2: each id's slots in the index, up to the first with the id's hash: usually the participant. */
    private long readIndexSlots(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            dense[i] = ids[i] == null ? -1 : participants.findByHash(hashes[i]);
            sum += dense[i];
        }
        return sum;
    }

    /** Pass 3: the stored id string of that participant, which the lookup compares. */
    private long readStoredIds(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (dense[i] >= 0) {
                sum += participants.id(dense[i]).length();
            }
        }
        return sum;
    }

    /** Pass 4: the dense ids, looked up in full now that the index and the id strings are in the cache. */
    private long resolve(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            dense[i] = ids[i] == null ? -1 : participants.find(ids[i]);
            sum += dense[i];
        }
        return sum;
    }

    /** Pass 5: the participant's points, cycle and exit-index slot; for a sale also cash and paid-out. */
    private long readParticipants(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            int participant = dense[i];
            slots[i] = -1;
            if (participant < 0) {
                continue;
            }
            sum += ledger.balance(AccountType.USER_POINTS, participant) + participants.touchCycle(participant);
            if (sales[i]) {
                sum += ledger.balance(AccountType.USER_CASH, participant) + participants.paidOut(participant);
            }
            if (payments[i]) {
                sum += participants.touchPayer(participant)
                        + ledger.balance(AccountType.USER_CONTRIB_PENDING, participant);
            }
            slots[i] = exitIndex.slotOf(participant);
        }
        return sum;
    }

    /** Pass 6: the participant's exit-index entry and its parent and children, which a re-key compares. */
    private long readExitIndex(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (slots[i] >= 0) {
                sum += exitIndex.touchNeighbours(slots[i]);
            }
        }
        return sum;
    }

    /**
     * Pass 7, payments only: the referrer's id and pending cash, which the direct reward credits, and who
     * referred them (the indirect referrer, read in pass 8).
     */
    private long readReferrers(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (payments[i] && dense[i] >= 0) {
                int direct = participants.referrer(dense[i]);
                if (direct >= 0) {
                    // The id's slot only: the payment passes the id on and never reads its characters.
                    sum += (participants.id(direct) == null ? 0 : 1)
                            + ledger.balance(AccountType.USER_CASH_PENDING, direct);
                    indirect[i] = participants.referrer(direct);
                } else {
                    indirect[i] = -1;
                }
            } else {
                indirect[i] = -1;
            }
        }
        return sum + readIndirect(count);
    }

    /** Pass 8, payments only: the indirect referrer's id and pending cash, which the indirect reward credits. */
    private long readIndirect(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (indirect[i] >= 0) {
                sum += (participants.id(indirect[i]) == null ? 0 : 1)
                        + ledger.balance(AccountType.USER_CASH_PENDING, indirect[i]);
            }
        }
        return sum;
    }

    /** Pass 9, payments only: the order book's slot for the new order's id, which the duplicate check reads. */
    private long readOrderIds(int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            if (orderIds[i] != null) {
                sum += orders.touch(orderIds[i]);
            }
        }
        return sum;
    }

    /**
     * Reads what settling these orders touches, in passes like {@link #touch}: each order, then its
     * rewards and buyer, then the buyer's points, cycle and exit-index slot, the rewarded balances and the
     * order book's slot for the order's id (its removal), then the exit-index slot's neighbours.
     */
    public void touchOrders(Order[] orders, int count) {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            Order order = orders[i];
            sum += order.amountFen + order.participant + order.rewardData.length;
        }
        for (int i = 0; i < count; i++) {
            Order order = orders[i];
            sum += order.poolFen + participants.touchCycle(order.participant);
            for (int r = 0; r < order.rewardCount(); r++) {
                sum += order.rewardAmountFen(r);
            }
        }
        for (int i = 0; i < count; i++) {
            Order order = orders[i];
            sum += ledger.balance(AccountType.USER_POINTS, order.participant) + participants.settledSpend(order.participant)
                    + this.orders.touch(order);
            for (int r = 0; r < order.rewardCount(); r++) {
                if (!order.rewardKind(r).toMerchant()) {
                    sum += ledger.balance(AccountType.USER_CASH_PENDING, order.rewardOwner(r))
                            + ledger.balance(AccountType.USER_CASH, order.rewardOwner(r));
                }
            }
            slots[i] = exitIndex.slotOf(order.participant);
        }
        for (int i = 0; i < count; i++) {
            if (slots[i] >= 0) {
                sum += exitIndex.touchNeighbours(slots[i]);
            }
        }
        touched += sum;
    }
}
