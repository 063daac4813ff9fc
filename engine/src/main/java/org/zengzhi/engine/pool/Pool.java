package org.zengzhi.engine.pool;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Command.InjectSubsidy;
import org.zengzhi.engine.Command.SellPoints;
import org.zengzhi.engine.Command.SettleOrder;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event.CommandRejected;
import org.zengzhi.engine.Event.ParticipantExited;
import org.zengzhi.engine.Event.PointsMinted;
import org.zengzhi.engine.Event.PointsSold;
import org.zengzhi.engine.Event.PriceChanged;
import org.zengzhi.engine.Event.SubsidyInjected;
import org.zengzhi.engine.EventType;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.MintTally;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.Participants;

/**
 * The appreciation pool (SPEC R-3): price P/N, minting, sales, subsidies and the forced-exit cascade. It owns
 * the exit index, the pool rules in force and the last price; pool cash P is the balance of
 * {@link AccountType#POOL_CASH} and circulating points N the negative balance of
 * {@link AccountType#POINT_ISSUANCE}. While N is 0 the last price's pair stands in for P/N.
 *
 * <p>Each participant's exit cycle (spend, realized, exits) is kept by {@link Participants} next to the
 * participant's other per-participant data, because a payment reads them together; only this model changes it.
 */
public final class Pool implements PoolModel {
    private final Ledger ledger;
    private final Network network;
    private final Participants participants;
    private final Ledger.OwnerIds ownerIds;
    private final ExitIndex exitIndex;
    private PoolRules rules;
    private long lastPriceCashFen;
    private long lastPricePointsMicro;

    public Pool(PoolRules rules, Ledger ledger, Network network, int capacity) {
        this.rules = rules;
        this.ledger = ledger;
        this.network = network;
        this.participants = network.participants();
        this.ownerIds = network.ownerIds();
        this.exitIndex = new ExitIndex(capacity, rules);
        this.exitIndex.useIds(participants.ids());
        this.lastPriceCashFen = rules.initialPrice().cashFen();
        this.lastPricePointsMicro = rules.initialPrice().pointsMicro();
    }

    public PoolRules rules() {
        return rules;
    }

    /** A pool-only order: the part beyond the pool share leaves the books, the share enters the pool. */
    public boolean settleOrder(SettleOrder order, EngineOutput out) {
        RejectionCode code = null;
        String field = null;
        if (order.amountFen() <= 0) {
            code = RejectionCode.NON_POSITIVE_AMOUNT;
            field = "amount";
        } else if (order.amountFen() > Limits.AMOUNT_FEN_MAX) {
            code = RejectionCode.AMOUNT_TOO_LARGE;
            field = "amount";
        } else if (order.poolShareFen() < 0) {
            code = RejectionCode.NEGATIVE_POOL_SHARE;
            field = "poolShare";
        } else if (order.poolShareFen() > order.amountFen()) {
            code = RejectionCode.POOL_SHARE_EXCEEDS_AMOUNT;
            field = "poolShare";
        } else {
            code = network.participantProblem(order.participant());
            field = "user";
        }
        if (code != null) {
            out.event(new CommandRejected(order.id(), code, field));
            return false;
        }
        int participant = network.findOrRegister(order.participant());
        transfer(AccountType.EXTERNAL_PAYMENTS, 0, AccountType.ORDER_REMAINDER, 0,
                order.amountFen() - order.poolShareFen(), out);
        contribute(order, participant, order.amountFen(), order.poolShareFen(), AccountType.EXTERNAL_PAYMENTS, out);
        return true;
    }

    /** Puts new pool rules in force: the exit index is rebuilt under the new exit multiple. */
    public void useRules(PoolRules newRules) {
        rules = newRules;
        exitIndex.useRules(newRules);
        reindexAll();
    }

    /** Runs the exit cascade at the unchanged price: after new rules, anyone they make due exits at once. */
    public void settleExits(Command cause, EngineOutput out) {
        afterPoolChange(cause, poolCash(), circulatingPoints(), out);
    }

    @Override
    public void contribute(Command cause, int participant, long amountFen, long poolShareFen, AccountType source,
            EngineOutput out) {
        long cashBefore = poolCash();
        long pointsBefore = circulatingPoints();
        long minted = PoolMath.mintedPoints(poolShareFen, rules.mintRatioPpm(), referenceCash(), referencePoints());
        transfer(source, 0, AccountType.POOL_CASH, 0, poolShareFen, out);
        transfer(AccountType.POINT_ISSUANCE, 0, AccountType.USER_POINTS, participant, minted, out);
        participants.addSpend(participant, amountFen);
        reindex(participant);
        MintTally mints = out.mintTally();
        if (mints != null) {
            out.tallyMint(mints, poolShareFen, minted);
        } else if (out.receives(EventType.POINTS_MINTED)) {
            out.event(new PointsMinted(cause.id(), participants.id(participant), amountFen, poolShareFen, minted));
        } else {
            out.skip(EventType.POINTS_MINTED);
        }
        afterPoolChange(cause, cashBefore, pointsBefore, out);
    }

    public boolean sellPoints(SellPoints sale, EngineOutput out) {
        int participant = sale.participant() == null ? -1 : participants.find(sale.participant());
        if (sale.pointsMicro() <= 0) {
            out.event(new CommandRejected(sale.id(), RejectionCode.NON_POSITIVE_AMOUNT, "points"));
            return false;
        }
        if (participant < 0) {
            out.event(new CommandRejected(sale.id(), RejectionCode.UNKNOWN_PARTICIPANT, "user"));
            return false;
        }
        if (sale.pointsMicro() > holding(participant)) {
            out.event(new CommandRejected(sale.id(), RejectionCode.INSUFFICIENT_POINTS, "points"));
            return false;
        }
        long cashBefore = poolCash();
        long pointsBefore = circulatingPoints();
        long gross = PoolMath.grossValue(sale.pointsMicro(), cashBefore, pointsBefore);
        long payout = sell(participant, sale.pointsMicro(), out);
        participants.addSale(participant, gross, payout);
        reindex(participant);
        out.event(new PointsSold(sale.id(), sale.participant(), sale.pointsMicro(), gross, payout));
        afterPoolChange(sale, cashBefore, pointsBefore, out);
        return true;
    }

    public boolean injectSubsidy(InjectSubsidy subsidy, EngineOutput out) {
        if (subsidy.amountFen() <= 0 || subsidy.amountFen() > Limits.AMOUNT_FEN_MAX) {
            RejectionCode code = subsidy.amountFen() <= 0 ? RejectionCode.NON_POSITIVE_AMOUNT
                    : RejectionCode.AMOUNT_TOO_LARGE;
            out.event(new CommandRejected(subsidy.id(), code, "amount"));
            return false;
        }
        long cashBefore = poolCash();
        long pointsBefore = circulatingPoints();
        transfer(AccountType.PLATFORM_SUBSIDY, 0, AccountType.POOL_CASH, 0, subsidy.amountFen(), out);
        out.event(new SubsidyInjected(subsidy.id(), subsidy.amountFen(), subsidy.reason()));
        afterPoolChange(subsidy, cashBefore, pointsBefore, out);
        return true;
    }

    /**
     * Emits the price change, if any, then runs the exit cascade (SPEC ): while the holder with the
     * lowest threshold price is due at the current price, that holder exits, which raises the price.
     * Every exit empties a holder, who leaves the index, so one cascade is bounded by the number of
     * holders (at most {@link Limits#PARTICIPANTS_MAX}); each step costs O(log n).
     */
    private void afterPoolChange(Command cause, long cashBefore, long pointsBefore, EngineOutput out) {
        emitPriceChange(cause, cashBefore, pointsBefore, out);
        while (!exitIndex.isEmpty()) {
            int participant = exitIndex.first();
            long cash = poolCash();
            long points = circulatingPoints();
            if (!exitIndex.due(participant, cash, points)) {
                return;
            }
            long held = holding(participant);
            long gross = PoolMath.grossValue(held, cash, points);
            long spend = participants.cycleSpend(participant);
            long payout = sell(participant, held, out);
            participants.exit(participant, payout);
            exitIndex.remove(participant);
            out.event(new ParticipantExited(cause.id(), participants.id(participant), held, gross, payout, spend,
                    participants.exits(participant)));
            emitPriceChange(cause, cash, points, out);
        }
    }

    /** Burns {@code points} of a holder's points and pays them out of the pool at β; returns the payout. */
    private long sell(int participant, long points, EngineOutput out) {
        long cash = poolCash();
        long circulating = circulatingPoints();
        long payout = PoolMath.salePayout(points, cash, circulating, rules.payoutRatioPpm());
        if (points == circulating) {
            lastPriceCashFen = cash;
            lastPricePointsMicro = circulating;
        }
        transfer(AccountType.USER_POINTS, participant, AccountType.POINT_ISSUANCE, 0, points, out);
        transfer(AccountType.POOL_CASH, 0, AccountType.USER_CASH, participant, payout, out);
        return payout;
    }

    private void emitPriceChange(Command cause, long cashBefore, long pointsBefore, EngineOutput out) {
        long cash = poolCash();
        long points = circulatingPoints();
        if (points == 0) {
            return;
        }
        if (pointsBefore == 0 || Exact.compareProducts(cash, pointsBefore, cashBefore, points) != 0) {
            if (out.receives(EventType.PRICE_CHANGED)) {
                out.event(new PriceChanged(cause.id(), cause.at(), cash, points));
            } else {
                out.skip(EventType.PRICE_CHANGED);
            }
        }
    }

    private void reindex(int participant) {
        long held = holding(participant);
        if (held == 0) {
            exitIndex.remove(participant);
            return;
        }
        exitIndex.update(participant, participants.cycleSpend(participant), participants.cycleRealized(participant),
                held);
    }

    /** Rebuilds the exit index from holdings: after new rules, and after a snapshot is restored. */
    public void reindexAll() {
        for (int participant = 0; participant < participants.count(); participant++) {
            reindex(participant);
        }
    }

    /** Makes room in the exit index after the participant arrays grew to {@code capacity}. */
    public void growTo(int capacity) {
        exitIndex.growTo(capacity);
        exitIndex.useIds(participants.ids());
    }

    private long holding(int participant) {
        return ledger.balance(AccountType.USER_POINTS, participant);
    }

    private long referenceCash() {
        return circulatingPoints() > 0 ? poolCash() : lastPriceCashFen;
    }

    private long referencePoints() {
        long points = circulatingPoints();
        return points > 0 ? points : lastPricePointsMicro;
    }

    private void transfer(AccountType from, int fromOwner, AccountType to, int toOwner, long amount, EngineOutput out) {
        ledger.transfer(from, fromOwner, to, toOwner, amount, out, ownerIds);
    }

    // ----- queries -----

    /** Pool cash P in fen. */
    public long poolCash() {
        return ledger.system(AccountType.POOL_CASH);
    }

    /** Circulating points N in 10⁻⁶ point. */
    public long circulatingPoints() {
        return -ledger.system(AccountType.POINT_ISSUANCE);
    }

    /** The current price: P/N, or the last price while no point circulates (SPEC ). */
    public Price price() {
        return new Price(referenceCash(), referencePoints());
    }

    /** Participants holding points, that is, the size of the exit index. */
    public int holderCount() {
        return exitIndex.size();
    }

    /** The participant as the outside sees them, or {@code null} if never seen. */
    public Holder holder(String id) {
        int participant = participants.find(id);
        return participant < 0 ? null : holder(participant);
    }

    /** Every participant, in order of first sight. */
    public List<Holder> holders() {
        List<Holder> holders = new ArrayList<>(participants.count());
        for (int participant = 0; participant < participants.count(); participant++) {
            holders.add(holder(participant));
        }
        return holders;
    }

    private Holder holder(int participant) {
        return new Holder(participants.id(participant), holding(participant),
                ledger.balance(AccountType.USER_CASH, participant), participants.cycleSpend(participant),
                participants.cycleRealized(participant), participants.exits(participant),
                participants.paidOut(participant));
    }

    // ----- for the batch prefetch, the snapshot codec and the invariant check -----

    public ExitIndex exitIndex() {
        return exitIndex;
    }

    public long lastPriceCashFen() {
        return lastPriceCashFen;
    }

    public long lastPricePointsMicro() {
        return lastPricePointsMicro;
    }

    public void restoreLastPrice(long cashFen, long pointsMicro) {
        lastPriceCashFen = cashFen;
        lastPricePointsMicro = pointsMicro;
    }
}
