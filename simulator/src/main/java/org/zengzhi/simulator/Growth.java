package org.zengzhi.simulator;

import java.util.List;

/**
 * Newcomers per month from the scenario's growth phases. Stateful only for the decline curve, whose
 * next month shrinks from the previous one; exact integer arithmetic, rounded down.
 */
public final class Growth {
    private static final long PPM = 1_000_000;

    private final List<Scenario.GrowthPhase> phases;
    private int phase;
    private int monthInPhase;
    private long declining = -1;

    Growth(List<Scenario.GrowthPhase> phases) {
        this.phases = phases;
    }

    /** Newcomers in the next month, given the consumers registered so far; call once per month, in order. */
    long next(long registered) {
        while (phase < phases.size() - 1 && phases.get(phase).months() > 0
                && monthInPhase >= phases.get(phase).months()) {
            phase++;
            monthInPhase = 0;
            declining = -1;
        }
        Scenario.GrowthPhase current = phases.get(phase);
        long added = newcomers(current, registered);
        monthInPhase++;
        return Math.max(0, added);
    }

    private long newcomers(Scenario.GrowthPhase current, long registered) {
        switch (current.curve()) {
            case CONSTANT:
                return current.newUsers();
            case LINEAR:
                return current.newUsers() + (long) current.increase() * monthInPhase;
            case LOGISTIC: {
                long capacity = current.capacity();
                long room = Math.max(0, capacity - registered);
                long seed = Math.max(registered, current.newUsers());
                // n·rate·(capacity − n)/capacity can pass 2^63, and this runs once a month: BigInteger is cheap here.
                long grown = java.math.BigInteger.valueOf(seed).multiply(java.math.BigInteger.valueOf(current.ratePpm()))
                        .multiply(java.math.BigInteger.valueOf(room))
                        .divide(java.math.BigInteger.valueOf(PPM * capacity)).longValueExact();
                return Math.min(room, grown);
            }
            case DECLINE:
                declining = declining < 0 ? current.newUsers() : declining * (PPM - current.ratePpm()) / PPM;
                return declining;
            case STOP:
            default:
                return 0;
        }
    }
}
