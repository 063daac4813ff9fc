package org.zengzhi.simulator;

import java.util.EnumSet;
import java.util.Set;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.EventType;
import org.zengzhi.engine.MintTally;
import org.zengzhi.engine.RegionLevel;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.RewardTally;

/**
 * Turns one path's events into monthly series and cohort figures. A rejected command is a bug in the
 * simulator (it only sends commands the engine should accept), so it stops the path loudly.
 */
public final class Recorder {
    /** The events {@link #record} reads; the engine need not build any other (see EngineOutput.streaming). */
    static final Set<EventType> EVENTS = EnumSet.of(EventType.PARTICIPANT_EXITED, EventType.POINTS_SOLD,
            EventType.COMMAND_REJECTED);
    /**
     * The rewards that became available (at settlement), summed by the engine by kind and level: the month's
     * rewards series are read from it at the month's end ({@link #endMonth}) instead of from one event each.
     */
    final RewardTally rewards = new RewardTally(RewardStatus.AVAILABLE);
    /** The points minted at settlement, summed by the engine and read at the month's end like {@link #rewards}. */
    final MintTally mints = new MintTally();

    private final int horizon;
    private final long[][] series;
    private final long[][] monthsToExit;
    private final long[][] priceAtMonthEnd;
    private int month;
    private long revenueAtStart;
    /** Settled orders whose pool contribution bought less than 10⁻⁶ point at the price of the time, and that cash. */
    private long unmintedOrders;
    private long unmintedContributionFen;

    Recorder(int horizon) {
        this.horizon = horizon;
        this.series = new long[Series.values().length][horizon];
        this.monthsToExit = new long[horizon][horizon + 1];
        this.priceAtMonthEnd = new long[horizon][2];
    }

    void startMonth(int current, Engine engine) {
        month = current;
        revenueAtStart = platformRevenue(engine);
        rewards.clear();
        mints.clear();
    }

    void add(Series which, long value) {
        series[which.ordinal()][month] += value;
    }

    /** Folds one event into the month's figures; a rejected command means the simulator is wrong, so it stops. */
    void record(Event event, PathSimulator.Consumers consumers) {
        switch (event.type()) {
            case PARTICIPANT_EXITED:
                exited((Event.ParticipantExited) event, consumers);
                break;
            case POINTS_SOLD: {
                Event.PointsSold sold = (Event.PointsSold) event;
                add(Series.SALE_PAYOUT, sold.payoutFen());
                paidBack(sold.participant(), sold.payoutFen(), consumers);
                break;
            }
            case COMMAND_REJECTED:
                throw new IllegalStateException("the engine rejected simulated command " + event.command() + ": " + event);
            default:
                break;
        }
    }

    /** The month's rewards that became available, by kind and, for agents, by level. */
    /** The month's minted points, and the orders among them that minted none though they paid into the pool. */
    private void addMints() {
        add(Series.MINTED, mints.pointsMicro());
        unmintedOrders += mints.unmintedCount();
        unmintedContributionFen += mints.unmintedPoolShareFen();
        mints.clear();
    }

    private void addRewards() {
        add(Series.REWARD_DIRECT, rewards.amountFen(RewardKind.DIRECT));
        add(Series.REWARD_INDIRECT, rewards.amountFen(RewardKind.INDIRECT));
        add(Series.REWARD_FIRST_ORDER, rewards.amountFen(RewardKind.FIRST_ORDER));
        add(Series.REWARD_RECRUITMENT, rewards.amountFen(RewardKind.RECRUITMENT));
        add(Series.REWARD_MALL_REBATE, rewards.amountFen(RewardKind.MALL_REBATE));
        add(Series.REWARD_AGENT, rewards.amountFen(RewardKind.AGENT));
        add(Series.REWARD_CUT, rewards.cutFen());
        add(Series.AGENT_DISTRICT, rewards.agentAmountFen(RegionLevel.DISTRICT));
        add(Series.AGENT_CITY, rewards.agentAmountFen(RegionLevel.CITY));
        add(Series.AGENT_PROVINCE, rewards.agentAmountFen(RegionLevel.PROVINCE));
        rewards.clear();
    }

    private void exited(Event.ParticipantExited exit, PathSimulator.Consumers consumers) {
        add(Series.EXITS, 1);
        add(Series.EXIT_PAYOUT, exit.payoutFen());
        paidBack(exit.participant(), exit.payoutFen(), consumers);
        if (exit.participant().charAt(0) != 'u') {
            return;
        }
        int consumer = PathSimulator.Consumers.index(exit.participant());
        if (consumers.firstExitMonth[consumer] < 0) {
            consumers.firstExitMonth[consumer] = month;
            monthsToExit[consumers.joinMonth[consumer]][month - consumers.joinMonth[consumer]]++;
        }
    }

    private static void paidBack(String participant, long payout, PathSimulator.Consumers consumers) {
        if (participant.charAt(0) == 'u') {
            consumers.paidBack[PathSimulator.Consumers.index(participant)] += payout;
        }
    }

    void endMonth(int current, Engine engine, int activeConsumers) {
        addRewards();
        addMints();
        series[Series.PRICE.ordinal()][current] = PathSimulator.priceTimes10000(engine.price().cashFen(),
                engine.price().pointsMicro());
        priceAtMonthEnd[current][0] = engine.price().cashFen();
        priceAtMonthEnd[current][1] = engine.price().pointsMicro();
        series[Series.POOL_CASH.ordinal()][current] = engine.poolCash();
        series[Series.CIRCULATING_POINTS.ordinal()][current] = engine.circulatingPoints();
        series[Series.ACTIVE_CONSUMERS.ordinal()][current] = activeConsumers;
        series[Series.HOLDERS.ordinal()][current] = engine.holderCount();
        series[Series.PLATFORM_REVENUE.ordinal()][current] = platformRevenue(engine) - revenueAtStart;
    }

    private static long platformRevenue(Engine engine) {
        return engine.balance(AccountType.PLATFORM_REVENUE, null) + engine.balance(AccountType.PLATFORM_ROUNDING, null);
    }

    long[][] series() {
        return series;
    }

    long[][] monthsToExit() {
        return monthsToExit;
    }

    /** {orders, contribution fen} of settled orders that minted no point although they paid into the pool. */
    long[] unminted() {
        return new long[] { unmintedOrders, unmintedContributionFen };
    }

    long[][] priceAtMonthEnd() {
        return priceAtMonthEnd;
    }

    /** Per join month: consumers, how many ever exited, what they spent and what the pool paid them back. */
    long[][] cohorts(PathSimulator.Consumers consumers) {
        long[][] cohorts = new long[horizon][PathResult.COHORT_FIELDS];
        for (int consumer = 0; consumer < consumers.count; consumer++) {
            long[] cohort = cohorts[consumers.joinMonth[consumer]];
            cohort[PathResult.COHORT_USERS]++;
            cohort[PathResult.COHORT_EXITED] += consumers.firstExitMonth[consumer] >= 0 ? 1 : 0;
            cohort[PathResult.COHORT_SPEND] += consumers.spend[consumer];
            cohort[PathResult.COHORT_PAID_BACK] += consumers.paidBack[consumer];
        }
        return cohorts;
    }
}
