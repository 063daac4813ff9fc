package org.zengzhi.engine;

import java.util.Arrays;
import java.util.Objects;

import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;

/**
 * Sums of the rewards that changed to one status, by kind and, for agents, by level, in fen: what a caller
 * that only adds reward amounts up (the simulator's rewards-by-kind and agent-income series) reads instead of
 * one {@link Event.RewardChanged} per reward. Given to {@link EngineOutput#streaming(java.util.function.Consumer,
 * java.util.Set, RewardTally)}; the engine adds each such change's {@link Reward#amountFen()} here, so it
 * builds neither the event nor its {@link Reward} (the recipient's and region's ids are not even looked up).
 */
public final class RewardTally {
    private static final RewardKind[] KINDS = RewardKind.values();

    private final RewardStatus status;
    private final long[] byKind = new long[KINDS.length];
    private final long[] agentsByLevel = new long[RegionLevel.values().length];
    private long count;
    private long cutFen;

    public RewardTally(RewardStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The status whose changes are summed here. */
    public RewardStatus status() {
        return status;
    }

    /** Fen of the rewards of {@code kind} summed since the last {@link #clear()}. */
    public long amountFen(RewardKind kind) {
        return byKind[kind.ordinal()];
    }

    /** Fen of the agent rewards at {@code level} summed since the last {@link #clear()}. */
    public long agentAmountFen(RegionLevel level) {
        return agentsByLevel[level.ordinal()];
    }

    /** How many reward changes were summed since the last {@link #clear()}. */
    public long count() {
        return count;
    }

    /**
     * The summed changes' nominal amounts less their amounts, in fen, since the last {@link #clear()}: for
     * rewards becoming pending or available, what the distribution budget cut from them.
     */
    public long cutFen() {
        return cutFen;
    }

    public void clear() {
        Arrays.fill(byKind, 0);
        Arrays.fill(agentsByLevel, 0);
        count = 0;
        cutFen = 0;
    }

    void add(RewardKind kind, RegionLevel level, long amountFen, long nominalFen) {
        byKind[kind.ordinal()] += amountFen;
        cutFen += nominalFen - amountFen;
        if (level != null) {
            agentsByLevel[level.ordinal()] += amountFen;
        }
        count++;
    }
}
