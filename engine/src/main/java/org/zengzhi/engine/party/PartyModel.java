package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.partyrules.PartyRuleError;
import org.zengzhi.engine.partyrules.PartyRules;

/**
 * The four-party model (四方共赢, seed 000, issue 18 rules 1–7 and 9): suppliers and their products, orders
 * in escrow with the supplier's prepayment, the settlement waterfall, contribution value backed 1:1,
 * supplier tokens, month closes with bonuses, penalties and the burn, risk holds, credit scores, custody
 * reconciliation and the monthly P&L. It owns its state, posts every movement through {@link PartyPostings},
 * reads no clock, and rejects a command with a value before changing anything. The promoter ladder and
 * the equity pool (rule 8) belong to the shared rank package.
 */
public final class PartyModel {
    /** 2: the orders' outcomes (settled, refunded) follow the held orders; version 1 is still read. */
    private static final int SNAPSHOT_VERSION = 2;
    /** Before the first timed command. */
    private static final Instant NEVER = Instant.MIN;

    private final PartyRules rules;
    private final PartyBooks books;
    private final Catalogue catalogue = new Catalogue();
    private final RiskWindow risk = new RiskWindow();
    private final HolderLongs creditScores = new HolderLongs();
    private final MonthTally tally = new MonthTally();
    private final PartyOrders orders;
    private final MonthCloser closer;
    private final TokenDesk tokens;
    private Instant lastAt = NEVER;

    /**
     * @throws IllegalArgumentException if the rules fail {@link PartyRules#check}: the plan reader refuses such
     *                                  rules before a model is ever built, so this is a bug
     */
    public PartyModel(PartyRules rules, PartyPostings postings) {
        List<PartyRuleError> errors = rules.check();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid four-party rules: " + errors);
        }
        this.rules = rules;
        this.books = new PartyBooks(postings);
        this.orders = new PartyOrders(rules, books, catalogue, risk, creditScores, tally);
        this.closer = new MonthCloser(rules, books, catalogue, tally);
        this.tokens = new TokenDesk(rules, books, catalogue, tally);
    }

    public PartyRules rules() {
        return rules;
    }

    /** Registers a supplier with its monthly sales baseline; its handle is the next free one. */
    public PartyOutcome<Integer> registerSupplier(long baselineFen) {
        if (baselineFen < 0 || baselineFen > Limits.AMOUNT_FEN_MAX) {
            return PartyOutcome.rejected(PartyRejectionCode.AMOUNT_TOO_LARGE, "baseline");
        }
        if (catalogue.suppliers >= Catalogue.SUPPLIERS_MAX) {
            return PartyOutcome.rejected(PartyRejectionCode.LIMIT_REACHED, "supplier");
        }
        return PartyOutcome.accepted(catalogue.addSupplier(baselineFen));
    }

    /** Lists a supplier's product with its price and the cost of goods it declares (for the P&L). */
    public PartyOutcome<Integer> listProduct(int supplier, long priceFen, long costFen) {
        if (!catalogue.isSupplier(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_SUPPLIER, "supplier");
        }
        PartyRejection price = checkAmount(priceFen, "price");
        if (price != null) {
            return PartyOutcome.rejected(price);
        }
        if (costFen < 0 || costFen > priceFen) {
            return PartyOutcome.rejected(PartyRejectionCode.COST_OUT_OF_RANGE, "cost");
        }
        if (catalogue.products >= Catalogue.PRODUCTS_MAX) {
            return PartyOutcome.rejected(PartyRejectionCode.LIMIT_REACHED, "product");
        }
        return PartyOutcome.accepted(catalogue.addProduct(supplier, priceFen, costFen));
    }

    /** A supplier pays into its deposit (保证金); returns the deposit after. */
    public PartyOutcome<Long> payDeposit(int supplier, long amountFen) {
        if (!catalogue.isSupplier(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_SUPPLIER, "supplier");
        }
        PartyRejection amount = checkAmount(amountFen, "amount");
        if (amount != null) {
            return PartyOutcome.rejected(amount);
        }
        books.post(Movement.DEPOSIT, PartyPostings.NO_OWNER, supplier, amountFen);
        return PartyOutcome.accepted(books.supplierDeposit.get(supplier));
    }

    public PartyOutcome<PaymentResult> pay(Payment payment) {
        return before(payment.at()) ? wentBack() : advance(payment.at(), orders.pay(payment));
    }

    /**
     * Why {@link #pay} would refuse this payment, or null: the engine asks first so that it registers a new
     * consumer only for a payment that goes through.
     */
    public PartyRejection payProblem(Payment payment) {
        if (payment.at() == null || payment.at().isBefore(lastAt)) {
            return new PartyRejection(PartyRejectionCode.TIME_WENT_BACK, "at");
        }
        return orders.checkPayment(payment);
    }

    /** Whether a timed command at {@code at} would be refused as dated before the last one applied. */
    public boolean before(Instant at) {
        return at == null || at.isBefore(lastAt);
    }

    /** What {@code quantity} of a listed product costs in fen, or -1 when too large. */
    public long amountFen(int product, int quantity) {
        return orders.amountFen(product, quantity);
    }

    /** The supplier who listed a product. */
    public int supplierOfProduct(int product) {
        return catalogue.supplierOf(product);
    }

    public PartyOutcome<Refund> refund(long orderId, Instant at) {
        return before(at) ? wentBack() : advance(at, orders.refund(orderId));
    }

    public PartyOutcome<Settlement> settle(long orderId, Instant at) {
        return before(at) ? wentBack() : advance(at, orders.settle(orderId, at));
    }

    /** The operator's verdict on a flagged order: approved rewards continue, refused ones are cancelled. */
    public PartyOutcome<Verification> verify(long orderId, boolean approve, Instant at) {
        return before(at) ? wentBack() : advance(at, orders.verify(orderId, approve));
    }

    /** An external check sets a holder's credit score; promoters below the minimum earn nothing. */
    public PartyOutcome<Integer> setCreditScore(int holder, int score) {
        if (!PartyOrders.isHolder(holder)) {
            return PartyOutcome.rejected(PartyRejectionCode.INVALID_HOLDER, "user");
        }
        if (score < 0 || score > PartyRules.CREDIT_SCORE_MAX) {
            return PartyOutcome.rejected(PartyRejectionCode.INVALID_SCORE, "score");
        }
        creditScores.set(holder, score);
        return PartyOutcome.accepted(score);
    }

    /** A consumer rates a product, in hundredths of a star (0–500). */
    public PartyOutcome<Integer> rate(int product, int ratingCenti) {
        if (!catalogue.isProduct(product)) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_PRODUCT, "product");
        }
        if (ratingCenti < 0 || ratingCenti > PartyRules.RATING_MAX_CENTI) {
            return PartyOutcome.rejected(PartyRejectionCode.INVALID_RATING, "rating");
        }
        catalogue.ratingSumCenti.add(product, ratingCenti);
        catalogue.ratingCount.add(product, 1);
        return PartyOutcome.accepted(ratingCenti);
    }

    public PartyOutcome<Long> redeemContrib(int holder, long amountFen) {
        return tokens.redeemContrib(holder, amountFen);
    }

    public PartyOutcome<ContribTransfer> transferContrib(int from, int to, long amountFen) {
        return tokens.transferContrib(from, to, amountFen);
    }

    public PartyOutcome<TokenRedemption> redeemTokens(int supplier, int packageIndex) {
        return tokens.redeemTokens(supplier, packageIndex);
    }

    public PartyOutcome<TokenRedemption> buyFeeDiscount(int supplier) {
        return tokens.buyFeeDiscount(supplier);
    }

    /** A data service sold to a supplier (供应商数据报告), paid from outside the ledger (rule 9). */
    public PartyOutcome<Long> chargeDataService(int supplier, long amountFen) {
        if (!catalogue.isSupplier(supplier)) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_SUPPLIER, "supplier");
        }
        PartyRejection amount = checkAmount(amountFen, "amount");
        if (amount != null) {
            return PartyOutcome.rejected(amount);
        }
        books.post(Movement.DATA_SERVICE, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, amountFen);
        tally.dataService = Math.addExact(tally.dataService, amountFen);
        return PartyOutcome.accepted(amountFen);
    }

    /** An operating cost the operator enters, so that the month's net is real (rule 9). */
    public PartyOutcome<Long> recordOperatingCost(long amountFen) {
        PartyRejection amount = checkAmount(amountFen, "amount");
        if (amount != null) {
            return PartyOutcome.rejected(amount);
        }
        books.post(Movement.OPERATING_COST, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, amountFen);
        tally.operatingCost = Math.addExact(tally.operatingCost, amountFen);
        return PartyOutcome.accepted(amountFen);
    }

    /**
     * Compares the custody provider's escrow balance with the ledger's. The statement applies where
     * it stands in the log, so one dated before the last command applied is refused: the ledger's balance
     * at that earlier moment is no longer known.
     */
    public PartyOutcome<CustodyCheck> custodyStatement(long balanceFen, Instant at) {
        if (balanceFen < 0) {
            return PartyOutcome.rejected(PartyRejectionCode.NON_POSITIVE_AMOUNT, "balance");
        }
        return timed(at, () -> {
            long ledger = books.port().escrowFen();
            return PartyOutcome.accepted(new CustodyCheck(at, balanceFen, ledger, balanceFen - ledger));
        });
    }

    /** Closes the month: baseline bonuses, rating penalties, the burn, fee reductions, the P&L. */
    public PartyOutcome<MonthClose> closeMonth(Instant at) {
        return timed(at, () -> PartyOutcome.accepted(closer.close()));
    }

    private interface Step<T> {
        PartyOutcome<T> run();
    }

    /**
     * The hot commands (pay, refund, settle, verify) without {@link #timed}'s lambda, which allocated one per
     * call: the same check first, then an accepted outcome moves the model's time forward.
     */
    private static <T> PartyOutcome<T> wentBack() {
        return PartyOutcome.rejected(PartyRejectionCode.TIME_WENT_BACK, "at");
    }

    private <T> PartyOutcome<T> advance(Instant at, PartyOutcome<T> outcome) {
        if (outcome.isAccepted()) {
            lastAt = at;
        }
        return outcome;
    }

    /** Refuses a command dated before the last one; an accepted command moves the model's time forward. */
    private <T> PartyOutcome<T> timed(Instant at, Step<T> step) {
        if (at == null || at.isBefore(lastAt)) {
            return PartyOutcome.rejected(PartyRejectionCode.TIME_WENT_BACK, "at");
        }
        PartyOutcome<T> outcome = step.run();
        if (outcome.isAccepted()) {
            lastAt = at;
        }
        return outcome;
    }

    static PartyRejection checkAmount(long amountFen, String field) {
        if (amountFen <= 0) {
            return new PartyRejection(PartyRejectionCode.NON_POSITIVE_AMOUNT, field);
        }
        if (amountFen > Limits.AMOUNT_FEN_MAX) {
            return new PartyRejection(PartyRejectionCode.AMOUNT_TOO_LARGE, field);
        }
        return null;
    }

    public long escrowFen() {
        return books.escrowFen;
    }

    public long contribReserveFen() {
        return books.reserveFen;
    }

    public long contribOutstandingFen() {
        return books.contribOutstandingFen;
    }

    public long contribOf(int holder) {
        return books.holderContrib.get(holder);
    }

    public long stokenOutstandingFen() {
        return books.stokenOutstandingFen;
    }

    public long stokenOf(int supplier) {
        return books.supplierStoken.get(supplier);
    }

    public long depositOf(int supplier) {
        return books.supplierDeposit.get(supplier);
    }

    /** What a supplier owes after claw-backs its cash could not cover. */
    public long owedBy(int supplier) {
        return books.supplierOwes.get(supplier);
    }

    public int creditScoreOf(int holder) {
        return (int) creditScores.get(holder);
    }

    public int openOrders() {
        return orders.open.size();
    }

    public int heldOrders() {
        return orders.held.size();
    }

    /** Rewards of settled, flagged orders waiting in escrow for verification. */
    public long heldFen() {
        return orders.heldFen();
    }

    public int riskSightings() {
        return risk.size();
    }

    public int suppliers() {
        return catalogue.suppliers;
    }

    /** A supplier's monthly sales baseline (增量奖励 above it). */
    public long baselineOf(int supplier) {
        return catalogue.baselineFen.get(supplier);
    }

    /** A supplier's settled sales of the month not yet closed. */
    public long monthSalesOf(int supplier) {
        return catalogue.monthSalesFen.get(supplier);
    }

    /** A supplier's products. */
    public int productsOf(int supplier) {
        int count = 0;
        for (int product = 0; product < catalogue.products; product++) {
            if (catalogue.productSupplier.get(product) == supplier) {
                count++;
            }
        }
        return count;
    }

    /** The month's ratings of a supplier's products: {sum in hundredths of a star, count}. */
    public long[] ratingsOf(int supplier) {
        long sum = 0;
        long count = 0;
        for (int product = 0; product < catalogue.products; product++) {
            if (catalogue.productSupplier.get(product) == supplier) {
                sum += catalogue.ratingSumCenti.get(product);
                count += catalogue.ratingCount.get(product);
            }
        }
        return new long[] {sum, count};
    }

    /**
     * The model's own invariants, empty when they hold: the reserve equals contribution value outstanding
     * (rule 3), which equals the sum of holdings; tokens outstanding equal theirs; escrow is never negative
     * and matches the ledger's; no holding, deposit or debt is negative.
     */
    public List<String> invariantBreaches() {
        List<String> breaches = new ArrayList<>();
        if (books.reserveFen != books.contribOutstandingFen) {
            breaches.add("reserve " + books.reserveFen + " ≠ contribution value outstanding " + books.contribOutstandingFen);
        }
        if (books.escrowFen < 0 || books.escrowFen != books.port().escrowFen()) {
            breaches.add("escrow " + books.escrowFen + " negative or ≠ ledger " + books.port().escrowFen());
        }
        if (sumNonNegative(books.holderContrib, breaches, "contribution value") != books.contribOutstandingFen) {
            breaches.add("holdings ≠ contribution value outstanding");
        }
        if (sumNonNegative(books.supplierStoken, breaches, "tokens") != books.stokenOutstandingFen) {
            breaches.add("holdings ≠ tokens outstanding");
        }
        sumNonNegative(books.supplierDeposit, breaches, "deposit");
        sumNonNegative(books.supplierOwes, breaches, "debt");
        return breaches;
    }

    private static long sumNonNegative(HolderLongs values, List<String> breaches, String what) {
        long sum = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) < 0) {
                breaches.add(what + " of " + i + " is negative");
            }
            sum += values.get(i);
        }
        return sum;
    }

    /** Writes the whole state, deterministically: the same history gives the same bytes. */
    public void write(DataOutput out) throws IOException {
        out.writeInt(SNAPSHOT_VERSION);
        out.writeLong(lastAt.getEpochSecond());
        out.writeInt(lastAt.getNano());
        books.write(out);
        catalogue.write(out);
        creditScores.write(out);
        risk.write(out);
        tally.write(out);
        orders.write(out);
    }

    /** A model restored from {@link #write}'s bytes, posting to {@code postings} from then on. */
    public static PartyModel read(DataInput in, PartyRules rules, PartyPostings postings) throws IOException {
        int version = in.readInt();
        if (version != 1 && version != SNAPSHOT_VERSION) {
            throw new IOException("four-party snapshot version " + version + ", expected " + SNAPSHOT_VERSION);
        }
        PartyModel model = new PartyModel(rules, postings);
        model.lastAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        model.books.read(in);
        model.catalogue.read(in);
        model.creditScores.read(in, PartyOrders.HOLDERS_MAX);
        model.risk.read(in);
        model.tally.read(in);
        model.orders.read(in, version);
        return model;
    }
}
