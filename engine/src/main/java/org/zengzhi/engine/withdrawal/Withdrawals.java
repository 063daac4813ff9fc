package org.zengzhi.engine.withdrawal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every withdrawal in request order, the open ones (frozen funds) by request order, and each user's total
 * requested on the current UTC day for the daily limit. The engine's clock never goes back, so only
 * the current day's totals can matter and older days are dropped: the state stays bounded by the users
 * who withdrew today.
 */
public final class Withdrawals {
    private static final long NO_DAY = Long.MIN_VALUE;

    private final List<Withdrawal> inOrder = new ArrayList<>();
    private final Map<String, Integer> byId = new HashMap<>();
    private final TreeSet<Integer> open = new TreeSet<>();
    private final TreeMap<Integer, Long> todayTotals = new TreeMap<>();
    private long today = NO_DAY;

    /** The position of a withdrawal in request order, or −1. */
    public int indexOf(String id) {
        Integer index = byId.get(id);
        return index == null ? -1 : index;
    }

    public Withdrawal get(int index) {
        return inOrder.get(index);
    }

    public int count() {
        return inOrder.size();
    }

    public void add(Withdrawal withdrawal) {
        byId.put(withdrawal.id(), inOrder.size());
        if (withdrawal.state().open()) {
            open.add(inOrder.size());
        }
        inOrder.add(withdrawal);
    }

    /** A snapshot's store withdrawal (issue 19 item 2): the withdrawal at {@code index} draws on {@code merchant}. */
    public void restoreStore(int index, String merchant) {
        Withdrawal withdrawal = inOrder.get(index);
        inOrder.set(index, new Withdrawal(withdrawal.id(), withdrawal.user(), withdrawal.amountFen(),
                withdrawal.feeFen(), withdrawal.state(), withdrawal.requestedAt(), withdrawal.reason(),
                withdrawal.providerReference(), merchant, null));
    }

    /** A snapshot's supplier withdrawal (issue 19 item 2): the withdrawal at {@code index} draws on {@code supplier}. */
    public void restoreSupplier(int index, String supplier) {
        Withdrawal withdrawal = inOrder.get(index);
        inOrder.set(index, new Withdrawal(withdrawal.id(), withdrawal.user(), withdrawal.amountFen(),
                withdrawal.feeFen(), withdrawal.state(), withdrawal.requestedAt(), withdrawal.reason(),
                withdrawal.providerReference(), null, supplier));
    }

    void replace(int index, Withdrawal withdrawal) {
        inOrder.set(index, withdrawal);
        if (withdrawal.state().open()) {
            open.add(index);
        } else {
            open.remove(index);
        }
    }

    /** Positions of the withdrawals whose funds are frozen, in request order. */
    public NavigableSet<Integer> open() {
        return Collections.unmodifiableNavigableSet(open);
    }

    /** What the participant requested on {@code day} (epoch day, UTC), rejected and failed ones not counted. */
    long totalOn(int participant, long day) {
        return day == today ? todayTotals.getOrDefault(participant, 0L) : 0;
    }

    void addOn(int participant, long day, long amountFen) {
        if (day != today) {
            todayTotals.clear();
            today = day;
        }
        todayTotals.merge(participant, amountFen, Math::addExact);
    }

    /** A rejected or failed withdrawal frees its part of the limit, if it was requested on the current day. */
    void releaseOn(int participant, long day, long amountFen) {
        if (day != today) {
            return;
        }
        long left = todayTotals.getOrDefault(participant, 0L) - amountFen;
        if (left == 0) {
            todayTotals.remove(participant);
        } else {
            todayTotals.put(participant, left);
        }
    }

    public long today() {
        return today;
    }

    /** The current day's totals by dense participant id, in id order. */
    public NavigableMap<Integer, Long> todayTotals() {
        return Collections.unmodifiableNavigableMap(todayTotals);
    }

    public void restoreToday(long day, Map<Integer, Long> totals) {
        today = day;
        todayTotals.clear();
        todayTotals.putAll(totals);
    }
}
