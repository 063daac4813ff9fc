package org.zengzhi.engine.green;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * The green-points model (绿色积分, seed 003, SPEC R-6, issue 17): the settlement centre's arithmetic for a
 * settled store order and the two dividend pools. It owns its state and reaches the ledger only through
 * {@link GreenPostings}. Nothing here rounds money away into dust: coins, bound vouchers and dividend
 * vouchers are new liabilities of the settlement centre, each rounded down, so what rounding drops is simply
 * never owed and nothing is left to post to the rounding account.
 */
public final class GreenModel {
    private static final int SNAPSHOT_MAGIC = 0x5A5A4731; // "ZZG1"
    private static final int SNAPSHOT_VERSION = 1;

    private final GreenRules rules;
    private final DividendPool consumers;
    private final DividendPool merchants;

    public GreenModel(GreenRules rules) {
        this.rules = rules;
        this.consumers = new DividendPool(GreenPool.CONSUMER, rules);
        this.merchants = new DividendPool(GreenPool.MERCHANT, rules);
    }

    /**
     * A store order settles at its due time (rules 1, 5, 6): the 让利 C = ⌊A·r⌋ of the whole amount; the
     * consumer earns ⌊(A − voucher)·r⌋ points (no points on the voucher part) and coins on them; the merchant
     * earns C points; a bound merchant ⌊points·share⌋ vouchers. Both pools count C as 让利 for rule 8.
     *
     * @throws IllegalStateException if a dividend due at or before the order's due time is unpaid (a bug)
     */
    public GreenEarned settle(StoreSettlement order, GreenPostings postings) {
        requireNoDividendDue(order.dueAt());
        long rangli = Exact.mulDivFloor(order.amountFen(), order.rangliPpm(), Limits.PPM);
        long points = Exact.mulDivFloor(order.amountFen() - order.voucherFen(), order.rangliPpm(), Limits.PPM);
        long coins = Exact.mulDivFloor(points, rules.coinSharePpm(), Limits.PPM);
        boolean bound = order.boundMerchant() != StoreSettlement.NO_MERCHANT;
        long boundVouchers = bound ? Exact.mulDivFloor(points, rules.boundMerchantSharePpm(), Limits.PPM) : 0;
        consumers.recordRangli(rangli);
        merchants.recordRangli(rangli);
        earn(consumers, order.user(), points, order.dueAt(), postings);
        earn(merchants, order.merchant(), rangli, order.dueAt(), postings);
        if (coins > 0) {
            postings.coinsEarned(order.user(), coins);
        }
        if (boundVouchers > 0) {
            postings.boundVouchersPaid(order.boundMerchant(), boundVouchers);
        }
        return new GreenEarned(order.order(), order.user(), order.merchant(), points, coins, rangli,
                order.boundMerchant(), boundVouchers);
    }

    private static void earn(DividendPool pool, int holder, long centipoints, Instant at, GreenPostings postings) {
        if (pool.earn(holder, centipoints, at)) {
            postings.pointsEarned(pool.kind(), holder, centipoints);
        }
    }

    private void requireNoDividendDue(Instant at) {
        Optional<Instant> due = earliestDue();
        if (due.isPresent() && !at.isBefore(due.get())) {
            throw new IllegalStateException("a dividend due at " + due.get() + " must be paid before a settlement at " + at);
        }
    }

    /**
     * What a tick at {@code at} carries out next, given the due time of the next unsettled order (null when
     * none): a dividend due at or before {@code at} comes before a settlement due at or after it, a settlement
     * due before it comes first; the consumer pool's dividend comes first when both fall due together.
     */
    public GreenStep nextStepUntil(Instant nextSettlementDue, Instant at) {
        return nextStep(nextSettlementDue, at, true);
    }

    /**
     * Like {@link #nextStepUntil} for what is due strictly before {@code end}: a month's close carries out
     * everything due before the month's end, and a dividend due at 00:00 of the next month waits.
     */
    public GreenStep nextStepBefore(Instant nextSettlementDue, Instant end) {
        return nextStep(nextSettlementDue, end, false);
    }

    private GreenStep nextStep(Instant settlementDue, Instant limit, boolean limitIncluded) {
        Optional<Instant> dividendDue = earliestDue();
        if (dividendDue.isPresent() && within(dividendDue.get(), limit, limitIncluded)
                && (settlementDue == null || !settlementDue.isBefore(dividendDue.get()))) {
            return consumers.nextDueAt().equals(dividendDue) ? GreenStep.PAY_CONSUMER_DIVIDEND : GreenStep.PAY_MERCHANT_DIVIDEND;
        }
        if (settlementDue != null && within(settlementDue, limit, limitIncluded)) {
            return GreenStep.SETTLE;
        }
        return GreenStep.DONE;
    }

    private static boolean within(Instant due, Instant limit, boolean limitIncluded) {
        return limitIncluded ? !due.isAfter(limit) : due.isBefore(limit);
    }

    private Optional<Instant> earliestDue() {
        Optional<Instant> consumerDue = consumers.nextDueAt();
        Optional<Instant> merchantDue = merchants.nextDueAt();
        if (consumerDue.isEmpty()) {
            return merchantDue;
        }
        if (merchantDue.isEmpty()) {
            return consumerDue;
        }
        return merchantDue.get().isBefore(consumerDue.get()) ? merchantDue : consumerDue;
    }

    /** Pays {@code pool}'s dividend at its due time; the step {@link #nextStepUntil} named says which pool. */
    public Dividend payDividend(GreenPool pool, GreenPostings postings) {
        DividendPool dividendPool = pool(pool);
        Instant due = dividendPool.nextDueAt()
                .orElseThrow(() -> new IllegalStateException(pool.label() + " pool has no dividend due"));
        return dividendPool.payDividend(due, postings);
    }

    public DividendPool pool(GreenPool pool) {
        return pool == GreenPool.CONSUMER ? consumers : merchants;
    }

    public GreenRules rules() {
        return rules;
    }

    /** Writes the model's whole state, both pools in order; the rules are the plan's and are not written. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_MAGIC);
        out.writeInt(SNAPSHOT_VERSION);
        consumers.write(out);
        merchants.write(out);
    }

    /** A model under {@code rules} with the state {@link #write} wrote. */
    public static GreenModel read(DataInput in, GreenRules rules) throws IOException {
        if (in.readInt() != SNAPSHOT_MAGIC) {
            throw new IOException("not a green-points snapshot");
        }
        int version = in.readInt();
        if (version != SNAPSHOT_VERSION) {
            throw new IOException("unknown green-points snapshot version " + version);
        }
        GreenModel model = new GreenModel(rules);
        model.consumers.read(in);
        model.merchants.read(in);
        return model;
    }

    /** Feeds the state hash the same bytes a snapshot holds, so equal states hash equally. */
    public void hashInto(MessageDigest digest) {
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("a digest stream does not fail", e);
        }
    }
}
