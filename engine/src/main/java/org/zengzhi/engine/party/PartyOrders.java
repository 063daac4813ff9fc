package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;

/**
 * Orders of the four-party model from payment to settlement (issue 18 rules 1, 2 and 6): escrow and the
 * supplier's prepayment at payment, the claw-back on a refund, the waterfall at settlement, and the risk
 * hold until an operator verifies a flagged order. Every check comes before the first posting.
 */
final class PartyOrders {
    /** Orders paid and not yet settled or refunded. */
    static final int OPEN_MAX = 10_000_000;
    /** Settled orders whose rewards wait for an operator's verification. */
    static final int HELD_MAX = 1_000_000;
    /** Holder handles: the engine's participants. */
    static final int HOLDERS_MAX = Limits.PARTICIPANTS_MAX;

    private final PartyRules rules;
    private final PartyBooks books;
    private final Catalogue catalogue;
    private final RiskWindow risk;
    private final HolderLongs creditScores;
    private final MonthTally tally;
    final OpenOrders open = new OpenOrders();
    /** Settled orders whose rewards wait for verification: few, so a sorted map (a snapshot lists them in order). */
    final Map<Long, PartyOrder> held = new TreeMap<>();
    /**
     * What became of each order no longer open, by handle (up to {@link Integer#MAX_VALUE}): two bits an order,
     * so that a refund or verification after settlement answers {@code ALREADY_SETTLED} or {@code ALREADY_REFUNDED}
     * rather than {@code UNKNOWN_ORDER} (issue 18), without keeping the order.
     */
    private final BitSet settled = new BitSet();
    private final BitSet refunded = new BitSet();
    /** The open order being settled, refunded or verified, copied out of {@link #open}. */
    private final PartyOrder scratch = new PartyOrder();
    private final SettlementRun settlementRun;
    private final Duration settlementDelay;

    PartyOrders(PartyRules rules, PartyBooks books, Catalogue catalogue, RiskWindow risk, HolderLongs creditScores,
                MonthTally tally) {
        this.rules = rules;
        this.books = books;
        this.catalogue = catalogue;
        this.risk = risk;
        this.creditScores = creditScores;
        this.tally = tally;
        this.settlementRun = new SettlementRun(rules, books, catalogue, creditScores);
        this.settlementDelay = rules.settlementDelay();
    }

    static boolean isHolder(int handle) {
        return handle >= 0 && handle < HOLDERS_MAX;
    }

    static boolean isHolderOrNone(int handle) {
        return handle == Payment.NONE || isHolder(handle);
    }

    PartyOutcome<PaymentResult> pay(Payment payment) {
        PartyRejection problem = checkPayment(payment);
        if (problem != null) {
            return PartyOutcome.rejected(problem);
        }
        long amount = amountOf(payment);
        int supplier = catalogue.supplierOf(payment.product());
        RiskVerdict verdict = risk.record(payment.device(), payment.ip(), payment.at(), rules.riskWindow(),
                rules.riskOrderThreshold());
        long contrib = payment.contribFen();
        books.post(Movement.PAYMENT, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, amount - contrib);
        books.post(Movement.CONTRIB_SPENT, payment.consumer(), PartyPostings.NO_OWNER, contrib);
        books.post(Movement.RESERVE_TO_ESCROW, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, contrib);
        long prepaid = Waterfall.part(Waterfall.supplierShare(rules, amount), rules.prepayPpm());
        long repaid = books.paySupplier(Movement.PREPAYMENT, supplier, prepaid);
        PartyOrder.Review review = verdict == RiskVerdict.CLEAR ? PartyOrder.Review.CLEAR : PartyOrder.Review.FLAGGED;
        open.add(paid(payment, supplier, amount, prepaid, review));
        mark(payment.orderId(), null);
        return PartyOutcome.accepted(new PaymentResult(payment.orderId(), amount, prepaid, repaid, verdict));
    }

    private PartyOrder paid(Payment payment, int supplier, long amount, long prepaid, PartyOrder.Review review) {
        PartyOrder order = scratch;
        order.id = payment.orderId();
        order.consumer = payment.consumer();
        order.supplier = supplier;
        order.product = payment.product();
        order.quantity = payment.quantity();
        order.amountFen = amount;
        order.contribFen = payment.contribFen();
        order.prepaidFen = prepaid;
        order.tier = payment.tier();
        order.promoter = payment.promoter();
        order.leader = payment.leader();
        order.inviter = payment.inviter();
        order.paidSecond = payment.at().getEpochSecond();
        order.paidNano = payment.at().getNano();
        order.review = review;
        return order;
    }

    private long amountOf(Payment payment) {
        return amountFen(payment.product(), payment.quantity());
    }

    long amountFen(int product, int quantity) {
        long amount = Exact.productOrMinusOne(catalogue.priceFen.get(product), quantity);
        return amount > Limits.AMOUNT_FEN_MAX ? -1 : amount;
    }

    PartyRejection checkPayment(Payment payment) {
        if (open.contains(payment.orderId()) || held.containsKey(payment.orderId())) {
            return new PartyRejection(PartyRejectionCode.DUPLICATE_ORDER, "id");
        }
        if (open.size() >= OPEN_MAX || !open.fits(payment.orderId())) {
            return new PartyRejection(PartyRejectionCode.LIMIT_REACHED, "id");
        }
        PartyRejection people = checkPeople(payment);
        if (people != null) {
            return people;
        }
        if (!catalogue.isProduct(payment.product())) {
            return new PartyRejection(PartyRejectionCode.UNKNOWN_PRODUCT, "product");
        }
        if (payment.quantity() <= 0) {
            return new PartyRejection(PartyRejectionCode.NON_POSITIVE_AMOUNT, "quantity");
        }
        long amount = amountOf(payment);
        if (amount < 0) {
            return new PartyRejection(PartyRejectionCode.AMOUNT_TOO_LARGE, "quantity");
        }
        if (payment.contribFen() < 0 || payment.contribFen() > amount) {
            return new PartyRejection(PartyRejectionCode.AMOUNT_TOO_LARGE, "contrib");
        }
        if (payment.contribFen() > books.holderContrib.get(payment.consumer())) {
            return new PartyRejection(PartyRejectionCode.INSUFFICIENT_CONTRIB, "contrib");
        }
        if (payment.tier() < 0 || payment.tier() >= rules.rebateTiersPpm().size()) {
            return new PartyRejection(PartyRejectionCode.UNKNOWN_TIER, "tier");
        }
        return checkDevice(payment);
    }

    private static PartyRejection checkPeople(Payment payment) {
        if (!isHolder(payment.consumer())) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "user");
        }
        if (!isHolderOrNone(payment.promoter())) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "promoter");
        }
        if (!isHolderOrNone(payment.leader())) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "leader");
        }
        if (!isHolderOrNone(payment.inviter())) {
            return new PartyRejection(PartyRejectionCode.INVALID_HOLDER, "inviter");
        }
        return null;
    }

    private static PartyRejection checkDevice(Payment payment) {
        if (!isKey(payment.device())) {
            return new PartyRejection(PartyRejectionCode.INVALID_DEVICE, "device");
        }
        if (!isKey(payment.ip())) {
            return new PartyRejection(PartyRejectionCode.INVALID_DEVICE, "ip");
        }
        return null;
    }

    private static boolean isKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= RiskWindow.KEY_LENGTH_MAX;
    }

    PartyOutcome<Refund> refund(long orderId) {
        if (!open.contains(orderId)) {
            return notOpen(orderId);
        }
        PartyOrder order = open.load(orderId, scratch);
        long cash = Math.max(0, books.port().supplierCashFen(order.supplier));
        long clawed = Math.min(cash, order.prepaidFen);
        long advanced = order.prepaidFen - clawed;
        books.post(Movement.CLAWBACK, order.supplier, PartyPostings.NO_OWNER, clawed);
        books.post(Movement.CLAWBACK_ADVANCE, order.supplier, PartyPostings.NO_OWNER, advanced);
        long cashBack = order.amountFen - order.contribFen;
        books.post(Movement.REFUND, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, cashBack);
        books.post(Movement.ESCROW_TO_RESERVE, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, order.contribFen);
        books.post(Movement.CONTRIB_ISSUE, PartyPostings.NO_OWNER, order.consumer, order.contribFen);
        open.remove(orderId);
        mark(orderId, refunded);
        return PartyOutcome.accepted(new Refund(orderId, order.amountFen, clawed, advanced, cashBack, order.contribFen));
    }

    private <T> PartyOutcome<T> notOpen(long orderId) {
        if (held.containsKey(orderId) || isMarked(orderId, settled)) {
            return PartyOutcome.rejected(PartyRejectionCode.ALREADY_SETTLED, "order");
        }
        return isMarked(orderId, refunded) ? PartyOutcome.rejected(PartyRejectionCode.ALREADY_REFUNDED, "order")
                : PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_ORDER, "order");
    }

    /** Records that an order settled or was refunded ({@code null}: paid again, so neither). */
    private void mark(long orderId, BitSet outcome) {
        if (orderId < 0 || orderId > Integer.MAX_VALUE) {
            return;
        }
        settled.clear((int) orderId);
        refunded.clear((int) orderId);
        if (outcome != null) {
            outcome.set((int) orderId);
        }
    }

    private static boolean isMarked(long orderId, BitSet outcome) {
        return orderId >= 0 && orderId <= Integer.MAX_VALUE && outcome.get((int) orderId);
    }

    PartyOutcome<Settlement> settle(long orderId, Instant at) {
        if (!open.contains(orderId)) {
            return notOpen(orderId);
        }
        PartyOrder order = open.load(orderId, scratch);
        if (order.before(at.getEpochSecond(), at.getNano(), settlementDelay)) {
            return PartyOutcome.rejected(PartyRejectionCode.NOT_DUE, "at");
        }
        if (order.review == PartyOrder.Review.FLAGGED && held.size() >= HELD_MAX) {
            return PartyOutcome.rejected(PartyRejectionCode.LIMIT_REACHED, "order");
        }
        Settlement settlement = settlementRun.run(order);
        tally.addSettlement(settlement, Math.multiplyExact(catalogue.costFen.get(order.product), order.quantity));
        open.remove(orderId);
        mark(orderId, settled);
        if (settlement.heldFen() > 0) {
            held.put(orderId, order.copy());
        }
        return PartyOutcome.accepted(settlement);
    }

    PartyOutcome<Verification> verify(long orderId, boolean approve) {
        boolean isOpen = open.contains(orderId);
        PartyOrder order = isOpen ? open.load(orderId, scratch) : held.get(orderId);
        if (order == null) {
            return PartyOutcome.rejected(PartyRejectionCode.UNKNOWN_ORDER, "order");
        }
        if (order.review != PartyOrder.Review.FLAGGED) {
            return PartyOutcome.rejected(PartyRejectionCode.NOT_FLAGGED, "order");
        }
        order.review = approve ? PartyOrder.Review.APPROVED : PartyOrder.Review.REFUSED;
        if (isOpen) {
            open.review(orderId, order.review);
            return PartyOutcome.accepted(new Verification(orderId, approve, false, 0, 0));
        }
        held.remove(orderId);
        long total = order.heldFen();
        if (approve) {
            SettlementRun.payRewards(books, order, order.heldRebateFen, order.heldCommissionFen,
                    order.heldAllowanceFen, order.heldInviteFen);
        } else {
            books.post(Movement.CANCELLED, PartyPostings.NO_OWNER, PartyPostings.NO_OWNER, total);
            tally.cancelled += total;
        }
        return PartyOutcome.accepted(new Verification(orderId, approve, true, approve ? total : 0, approve ? 0 : total));
    }

    long heldFen() {
        long total = 0;
        for (PartyOrder order : held.values()) {
            total += order.heldFen();
        }
        return total;
    }

    void write(DataOutput out) throws IOException {
        open.write(out, scratch);
        writeOrders(held, out);
        writeBits(settled, out);
        writeBits(refunded, out);
    }

    private static void writeBits(BitSet bits, DataOutput out) throws IOException {
        long[] words = bits.toLongArray();
        out.writeInt(words.length);
        for (long word : words) {
            out.writeLong(word);
        }
    }

    private static void readBits(BitSet bits, DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (Integer.MAX_VALUE >> 6) + 1) {
            throw new IOException("snapshot: " + length + " words of order outcomes");
        }
        long[] words = new long[length];
        for (int i = 0; i < length; i++) {
            words[i] = in.readLong();
        }
        bits.clear();
        bits.or(BitSet.valueOf(words));
    }

    private static void writeOrders(Map<Long, PartyOrder> orders, DataOutput out) throws IOException {
        out.writeInt(orders.size());
        for (PartyOrder order : orders.values()) {
            order.write(out);
        }
    }

    /** Reads what {@link #write} wrote; a version 1 snapshot has no order outcomes (then none are known). */
    void read(DataInput in, int version) throws IOException {
        open.clear();
        int size = readSize(OPEN_MAX, in);
        for (int i = 0; i < size; i++) {
            PartyOrder order = PartyOrder.read(in);
            if (open.contains(order.id) || !open.fits(order.id)) {
                throw new IOException("snapshot: open order " + order.id + " repeated or out of range");
            }
            open.add(order);
        }
        readOrders(held, HELD_MAX, in);
        if (version >= 2) {
            readBits(settled, in);
            readBits(refunded, in);
        }
    }

    private static int readSize(int sizeMax, DataInput in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > sizeMax) {
            throw new IOException("snapshot holds " + size + " orders, more than " + sizeMax);
        }
        return size;
    }

    private static void readOrders(Map<Long, PartyOrder> orders, int sizeMax, DataInput in) throws IOException {
        int size = readSize(sizeMax, in);
        for (int i = 0; i < size; i++) {
            PartyOrder order = PartyOrder.read(in);
            orders.put(order.id, order);
        }
    }
}
