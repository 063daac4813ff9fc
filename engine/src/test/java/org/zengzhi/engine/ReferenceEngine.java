package org.zengzhi.engine;

import static java.math.BigInteger.ZERO;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.Command.InjectSubsidy;
import org.zengzhi.engine.Command.SellPoints;
import org.zengzhi.engine.Command.SettleOrder;
import org.zengzhi.engine.Event.CommandRejected;
import org.zengzhi.engine.Event.ParticipantExited;
import org.zengzhi.engine.Event.PointsMinted;
import org.zengzhi.engine.Event.PointsSold;
import org.zengzhi.engine.Event.PriceChanged;
import org.zengzhi.engine.Event.SubsidyInjected;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.Price;

/**
 * A deliberately naive implementation of the appreciation pool (SPEC ..R-3.8), written from
 * the specification to check {@link Engine} against. Every number is a {@link BigInteger}, participants
 * live in a map kept in order of first sight, and the forced-exit cascade scans every participant for
 * each exit. It shares no arithmetic with the engine: only the public records of commands and events.
 */
public final class ReferenceEngine {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);

    private final BigInteger mintRatio;
    private final BigInteger payoutRatio;
    private final BigInteger exitNumerator;
    private final BigInteger exitDenominator;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private BigInteger poolCash = ZERO;
    private BigInteger points = ZERO;
    private BigInteger lastCash;
    private BigInteger lastPoints;

    private static final class Account {
        final String id;
        BigInteger points = ZERO;
        BigInteger cash = ZERO;
        BigInteger spend = ZERO;
        BigInteger realized = ZERO;
        BigInteger paidOut = ZERO;
        int exits;

        Account(String id) {
            this.id = id;
        }
    }

    public ReferenceEngine(PoolRules rules) {
        mintRatio = big(rules.mintRatioPpm());
        payoutRatio = big(rules.payoutRatioPpm());
        exitNumerator = big(rules.exitMultipleNumerator());
        exitDenominator = big(rules.exitMultipleDenominator());
        lastCash = big(rules.initialPrice().cashFen());
        lastPoints = big(rules.initialPrice().pointsMicro());
    }

    public List<Event> execute(Command command) {
        List<Event> events = new ArrayList<>();
        BigInteger cashBefore = poolCash;
        BigInteger pointsBefore = points;
        boolean accepted;
        switch (command.type()) {
            case SETTLE_ORDER -> accepted = settle((SettleOrder) command, events);
            case SELL_POINTS -> accepted = sell((SellPoints) command, events);
            case INJECT_SUBSIDY -> accepted = inject((InjectSubsidy) command, events);
            default -> throw new IllegalStateException();
        }
        if (accepted) {
            priceChange(command, cashBefore, pointsBefore, events);
            exitCascade(command, events);
        }
        return events;
    }

    private boolean settle(SettleOrder order, List<Event> events) {
        long amount = order.amountFen();
        long share = order.poolShareFen();
        String who = order.participant();
        if (amount <= 0) {
            return reject(order, RejectionCode.NON_POSITIVE_AMOUNT, "amount", events);
        }
        if (amount > Limits.AMOUNT_FEN_MAX) {
            return reject(order, RejectionCode.AMOUNT_TOO_LARGE, "amount", events);
        }
        if (share < 0) {
            return reject(order, RejectionCode.NEGATIVE_POOL_SHARE, "poolShare", events);
        }
        if (share > amount) {
            return reject(order, RejectionCode.POOL_SHARE_EXCEEDS_AMOUNT, "poolShare", events);
        }
        if (who == null || who.isEmpty() || who.length() > 128) {
            return reject(order, RejectionCode.INVALID_PARTICIPANT_ID, "user", events);
        }
        Account account = accounts.computeIfAbsent(who, Account::new);
        BigInteger referenceCash = points.signum() > 0 ? poolCash : lastCash;
        BigInteger referencePoints = points.signum() > 0 ? points : lastPoints;
        // minted = ⌊S·α·N / (P·10⁶)⌋ at the reference pair (SPEC ).
        BigInteger minted = big(share).multiply(mintRatio).multiply(referencePoints)
                .divide(referenceCash.multiply(MILLION));
        poolCash = poolCash.add(big(share));
        points = points.add(minted);
        account.points = account.points.add(minted);
        account.spend = account.spend.add(big(amount));
        events.add(new PointsMinted(order.id(), who, amount, share, minted.longValueExact()));
        return true;
    }

    private boolean sell(SellPoints sale, List<Event> events) {
        long quantity = sale.pointsMicro();
        if (quantity <= 0) {
            return reject(sale, RejectionCode.NON_POSITIVE_AMOUNT, "points", events);
        }
        Account account = sale.participant() == null ? null : accounts.get(sale.participant());
        if (account == null) {
            return reject(sale, RejectionCode.UNKNOWN_PARTICIPANT, "user", events);
        }
        if (big(quantity).compareTo(account.points) > 0) {
            return reject(sale, RejectionCode.INSUFFICIENT_POINTS, "points", events);
        }
        BigInteger[] grossAndPayout = burn(account, big(quantity));
        account.realized = account.realized.add(grossAndPayout[0]);
        events.add(new PointsSold(sale.id(), account.id, quantity, grossAndPayout[0].longValueExact(),
                grossAndPayout[1].longValueExact()));
        return true;
    }

    private boolean inject(InjectSubsidy subsidy, List<Event> events) {
        if (subsidy.amountFen() <= 0) {
            return reject(subsidy, RejectionCode.NON_POSITIVE_AMOUNT, "amount", events);
        }
        if (subsidy.amountFen() > Limits.AMOUNT_FEN_MAX) {
            return reject(subsidy, RejectionCode.AMOUNT_TOO_LARGE, "amount", events);
        }
        poolCash = poolCash.add(big(subsidy.amountFen()));
        events.add(new SubsidyInjected(subsidy.id(), subsidy.amountFen()));
        return true;
    }

    /**
     * Sells {@code quantity} of the account's points into the pool at the current P, N (SPEC) and
     * returns {gross, payout}. Selling every circulating point keeps (P, N) as the last price.
     */
    private BigInteger[] burn(Account account, BigInteger quantity) {
        BigInteger gross = quantity.multiply(poolCash).divide(points);
        BigInteger payout = quantity.multiply(poolCash).multiply(payoutRatio).divide(points.multiply(MILLION));
        if (quantity.equals(points)) {
            lastCash = poolCash;
            lastPoints = points;
        }
        poolCash = poolCash.subtract(payout);
        points = points.subtract(quantity);
        account.points = account.points.subtract(quantity);
        account.cash = account.cash.add(payout);
        account.paidOut = account.paidOut.add(payout);
        return new BigInteger[] {gross, payout};
    }

    /** SPEC: while anyone is due, the due holder with the lowest threshold price exits. */
    private void exitCascade(Command cause, List<Event> events) {
        while (true) {
            Account next = null;
            for (Account account : accounts.values()) {
                if (account.points.signum() > 0 && due(account) && (next == null || before(account, next))) {
                    next = account;
                }
            }
            if (next == null) {
                return;
            }
            BigInteger cashBefore = poolCash;
            BigInteger pointsBefore = points;
            BigInteger held = next.points;
            BigInteger spend = next.spend;
            BigInteger[] grossAndPayout = burn(next, held);
            next.exits++;
            next.spend = ZERO;
            next.realized = ZERO;
            events.add(new ParticipantExited(cause.id(), next.id, held.longValueExact(),
                    grossAndPayout[0].longValueExact(), grossAndPayout[1].longValueExact(), spend.longValueExact(),
                    next.exits));
            priceChange(cause, cashBefore, pointsBefore, events);
        }
    }

    /** realized·N + h·P ≥ k·spend·N with k = kNum/kDen, multiplied through by kDen. */
    private boolean due(Account account) {
        BigInteger value = account.realized.multiply(points).add(account.points.multiply(poolCash));
        return exitDenominator.multiply(value).compareTo(exitNumerator.multiply(account.spend).multiply(points)) >= 0;
    }

    /** Threshold price (k·spend − realized)/h of a is lower than b's, or equal and a's id is smaller. */
    private boolean before(Account a, Account b) {
        BigInteger left = thresholdNumerator(a).multiply(b.points);
        BigInteger right = thresholdNumerator(b).multiply(a.points);
        int order = left.compareTo(right);
        return order < 0 || (order == 0 && a.id.compareTo(b.id) < 0);
    }

    /** (k·spend − realized)·kDen; the common factor 1/kDen of both thresholds does not change the order. */
    private BigInteger thresholdNumerator(Account account) {
        return exitNumerator.multiply(account.spend).subtract(exitDenominator.multiply(account.realized));
    }

    private void priceChange(Command cause, BigInteger cashBefore, BigInteger pointsBefore, List<Event> events) {
        if (points.signum() == 0) {
            return;
        }
        boolean changed = pointsBefore.signum() == 0
                || !poolCash.multiply(pointsBefore).equals(cashBefore.multiply(points));
        if (changed) {
            events.add(new PriceChanged(cause.id(), cause.at(), poolCash.longValueExact(), points.longValueExact()));
        }
    }

    private static boolean reject(Command command, RejectionCode code, String field, List<Event> events) {
        events.add(new CommandRejected(command.id(), code, field));
        return false;
    }

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    // ----- queries -----

    public long poolCash() {
        return poolCash.longValueExact();
    }

    public long circulatingPoints() {
        return points.longValueExact();
    }

    /** P/N, or the last pair while no point circulates. */
    public Price price() {
        return points.signum() > 0 ? new Price(poolCash(), circulatingPoints())
                : new Price(lastCash.longValueExact(), lastPoints.longValueExact());
    }

    public Holder holder(String id) {
        Account account = accounts.get(id);
        return account == null ? null : holder(account);
    }

    /** Every participant, in order of first sight. */
    public List<Holder> holders() {
        List<Holder> holders = new ArrayList<>();
        for (Account account : accounts.values()) {
            holders.add(holder(account));
        }
        return holders;
    }

    private static Holder holder(Account account) {
        return new Holder(account.id, account.points.longValueExact(), account.cash.longValueExact(),
                account.spend.longValueExact(), account.realized.longValueExact(), account.exits,
                account.paidOut.longValueExact());
    }
}
