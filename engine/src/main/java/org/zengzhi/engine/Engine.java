package org.zengzhi.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Command.ChangePlan;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.green.GreenModel;
import org.zengzhi.engine.greenflow.GreenFlow;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.MerchantProfile;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.NetworkCommands;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.OrderFlow;
import org.zengzhi.engine.order.Orders;
import org.zengzhi.engine.party.PartyCommands;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.pool.Pool;
import org.zengzhi.engine.withdrawal.Withdrawal;
import org.zengzhi.engine.withdrawal.WithdrawalFlow;
import org.zengzhi.engine.withdrawal.WithdrawalState;

/**
 * The economy as a deterministic, single-threaded state machine (SPEC ): commands go in, events and
 * postings come out; the same commands always give the same output and the same {@link #stateHash()}. No
 * clock, randomness, threads or I/O.
 *
 * <p>The engine itself only dispatches. The models own their state: the {@link Network} (participants,
 * merchants, agents), the {@link Pool} (price, mints, sales, exits), the {@link OrderFlow} (payments, splits,
 * settlement) and the {@link WithdrawalFlow}; all post to one double-entry {@link Ledger}. The queries below
 * are the platform's read API and delegate to the model that answers them.
 */
public final class Engine {
    private static final int CAPACITY_MIN = 1024;

    /** The models, for the snapshot codec, the invariant check and tests; the platform reads the queries. */
    public record Models(Ledger ledger, Network network, Pool pool, OrderFlow orders, WithdrawalFlow withdrawals,
            GreenFlow green) {
    }

    /** The four-party model (seed 000), or null when the plan has no {@code fourParty} section. */
    private PartyCommands party;

    private Plan plan;
    private final Ledger ledger;
    private final Network network;
    private final NetworkCommands networkCommands;
    private final Pool pool;
    private final OrderFlow orderFlow;
    private final WithdrawalFlow withdrawalFlow;
    private final BatchPrefetch prefetch;
    private Models models;
    private Instant clock = Instant.EPOCH;

    /** A pool-only engine: the plan's other parts take SPEC's defaults. */
    public Engine(PoolRules rules) {
        this(rules, CAPACITY_MIN);
    }

    /** A pool-only engine with room for {@code expectedParticipants} before its arrays grow. */
    public Engine(PoolRules rules, int expectedParticipants) {
        this(Plan.defaults(rules), RegionDirectory.STANDARD, expectedParticipants);
    }

    public Engine(Plan plan, RegionDirectory regions) {
        this(plan, regions, CAPACITY_MIN);
    }

    public Engine(Plan plan, RegionDirectory regions, int expectedParticipants) {
        int capacity = Math.max(CAPACITY_MIN, expectedParticipants);
        this.plan = plan;
        this.ledger = new Ledger(capacity, Network.MERCHANT_CAPACITY_MIN);
        this.network = new Network(plan, regions, ledger, capacity);
        this.networkCommands = new NetworkCommands(network, ledger);
        this.pool = new Pool(plan.pool(), ledger, network, capacity);
        network.onGrowth(pool::growTo);
        Orders orders = new Orders();
        this.prefetch = new BatchPrefetch(ledger, network.participants(), pool.exitIndex(), orders);
        this.orderFlow = new OrderFlow(plan, ledger, network, pool, orders, prefetch);
        this.withdrawalFlow = new WithdrawalFlow(plan, ledger, network.participants(), network.merchants(),
                network.ownerIds(), new PartySuppliers());
        GreenFlow green = plan.greenPoints() == null ? null : new GreenFlow(new GreenModel(plan.greenPoints()),
                new PromoterBoard(plan.promoters()), ledger, network);
        orderFlow.useGreen(green);
        this.models = new Models(ledger, network, pool, orderFlow, withdrawalFlow, green);
        this.party = plan.party() == null ? null : new PartyCommands(plan.party(), ledger, network);
    }

    /**
     * Replaces the green-points model's state with one restored from a snapshot; the engine must have been
     * built with a plan that has green points.
     */
    public void restoreGreen(GreenModel model, PromoterBoard board) {
        GreenFlow green = new GreenFlow(model, board, ledger, network);
        orderFlow.useGreen(green);
        models = new Models(ledger, network, pool, orderFlow, withdrawalFlow, green);
    }

    public PoolRules rules() {
        return pool.rules();
    }

    public Plan plan() {
        return plan;
    }

    /**
     * Runs one command, appending its events and postings to {@code out}. The engine's time is the latest
     * command time seen: a command stamped earlier than that runs at the engine's time. A rejected command
     * leaves the clock where it was, as it leaves everything else.
     */
    public void execute(Command command, EngineOutput out) {
        Instant previous = clock;
        if (command.at().isAfter(clock)) {
            clock = command.at();
        }
        if (!dispatch(command, out)) {
            clock = previous;
        }
        out.endCommand();
    }

    /**
     * Runs commands in order, with exactly the events, postings and state that {@link #execute(Command,
     * EngineOutput)} gives for each of them one after another: rejected commands included, each changing
     * nothing. Use {@link EngineOutput#eventsStart(int)} and its companions to tell the commands' output
     * apart.
     *
     * <p>Why a batch is faster: at a million participants most of a command's time is waiting for memory
     * (the id's index slot, the participant's balances, their neighbours in the exit index). Before applying
     * each window of {@link BatchPrefetch#WINDOW} commands, the engine reads the state those commands will
     * touch in passes whose loads do not depend on each other, so the processor waits for those cache misses
     * together instead of one after another. The reads change nothing.
     */
    public void execute(List<Command> batch, EngineOutput out) {
        int size = batch.size();
        for (int from = 0; from < size; from += BatchPrefetch.WINDOW) {
            int to = Math.min(size, from + BatchPrefetch.WINDOW);
            prefetch.touch(batch, from, to);
            for (int i = from; i < to; i++) {
                execute(batch.get(i), out);
            }
        }
    }

    /**
     * Hands the command to the model that owns it; returns false when the command was rejected, that is, when
     * it changed nothing. A switch expression, so the compiler proves every command type has a handler.
     */
    private boolean dispatch(Command command, EngineOutput out) {
        return switch (command.type()) {
            case SETTLE_ORDER -> pool.settleOrder((Command.SettleOrder) command, out);
            case SELL_POINTS -> pool.sellPoints((Command.SellPoints) command, out);
            case INJECT_SUBSIDY -> pool.injectSubsidy((Command.InjectSubsidy) command, out);
            case REGISTER_USER -> networkCommands.register((Command.RegisterUser) command, out);
            case ONBOARD_MERCHANT -> networkCommands.onboard((Command.OnboardMerchant) command, out);
            case SUSPEND_MERCHANT -> networkCommands.suspend((Command.SuspendMerchant) command, out);
            case APPOINT_AGENT -> networkCommands.appoint((Command.AppointAgent) command, out);
            case REMOVE_AGENT -> networkCommands.remove((Command.RemoveAgent) command, out);
            case REASSIGN_REFERRER -> networkCommands.reassign((Command.ReassignReferrer) command, out);
            case GRANT_BONUS -> networkCommands.grantBonus((Command.GrantBonus) command, out);
            case CHANGE_PLAN -> changePlan((ChangePlan) command, out);
            case PAY_ORDER -> orderFlow.pay((Command.PayOrder) command, clock, out);
            case CONFIRM_RECEIPT -> orderFlow.confirmReceipt((Command.ConfirmReceipt) command, clock, out);
            case REFUND_ORDER -> refund((Command.RefundOrder) command, out);
            case TICK -> tick((Command.Tick) command, out);
            case REQUEST_WITHDRAWAL -> withdrawalFlow.request((Command.RequestWithdrawal) command, clock, out);
            case REVIEW_WITHDRAWAL -> withdrawalFlow.review((Command.ReviewWithdrawal) command, out);
            case SETTLE_WITHDRAWAL -> withdrawalFlow.settle((Command.SettleWithdrawal) command, out);
            case APPOINT_PROMOTER -> orderFlow.appointPromoter((Command.AppointPromoter) command, clock, out);
            case REGISTER_SUPPLIER, LIST_PRODUCT, PAY_PARTY_ORDER, RATE_PRODUCT, TRANSFER_CONTRIB, REDEEM_CONTRIB,
                    REDEEM_TOKENS, VERIFY_ORDER, SET_CREDIT_SCORE, ESCROW_STATEMENT, CHARGE_DATA_SERVICE,
                    RECORD_OPERATING_COST -> dispatchParty(command, out);
            case CLOSE_MONTH -> closeMonth((Command.CloseMonth) command, out);
            case CLOSE_YEAR -> closeYear((Command.CloseYear) command, out);
        };
    }

    /** A refund is the four-party model's when it paid the order; one null check for plans without it. */
    private boolean refund(Command.RefundOrder refund, EngineOutput out) {
        if (party != null && party.owns(refund.order())) {
            return party.refund(refund, out);
        }
        return orderFlow.refund(refund, out);
    }

    /** Time passes: due orders of the order flow settle, then those of the four-party model. */
    private boolean tick(Command.Tick tick, EngineOutput out) {
        boolean accepted = orderFlow.tick(tick, clock, out);
        if (accepted && party != null) {
            party.settleDue(tick, out);
        }
        return accepted;
    }

    /** The four-party model's own commands (seed 000, issue 18); refused under a plan without it. */
    private boolean dispatchParty(Command command, EngineOutput out) {
        if (party == null) {
            out.event(new Event.CommandRejected(command.id(), RejectionCode.FOUR_PARTY_OFF, "type"));
            return false;
        }
        return switch (command.type()) {
            case REGISTER_SUPPLIER -> party.registerSupplier((Command.RegisterSupplier) command, ledger, out);
            case LIST_PRODUCT -> party.listProduct((Command.ListProduct) command, out);
            case PAY_PARTY_ORDER -> party.pay((Command.PayPartyOrder) command, out);
            case RATE_PRODUCT -> party.rate((Command.RateProduct) command, out);
            case TRANSFER_CONTRIB -> party.transfer((Command.TransferContrib) command, out);
            case REDEEM_CONTRIB -> party.redeem((Command.RedeemContrib) command, out);
            case REDEEM_TOKENS -> party.redeemTokens((Command.RedeemTokens) command, out);
            case VERIFY_ORDER -> party.verify((Command.VerifyOrder) command, out);
            case SET_CREDIT_SCORE -> party.creditScore((Command.SetCreditScore) command, out);
            case ESCROW_STATEMENT -> party.escrowStatement((Command.EscrowStatement) command, out);
            case CHARGE_DATA_SERVICE -> party.charge((Command.ChargeDataService) command, out);
            case RECORD_OPERATING_COST -> party.cost((Command.RecordOperatingCost) command, out);
            default -> throw new IllegalStateException("not a four-party command: " + command.type());
        };
    }

    /**
     * Closes a month in every model the plan enables: each checks first, so that a close one model refuses
     * changes no model, then each closes in turn. Today only the four-party model has month closes.
     */
    private boolean closeMonth(Command.CloseMonth close, EngineOutput out) {
        Problem problem = closeMonthProblem(close);
        if (problem != null) {
            out.event(new Event.CommandRejected(close.id(), problem.code(), problem.field()));
            return false;
        }
        orderFlow.closeMonth(close, out);
        if (party != null) {
            party.closeMonth(close, out);
        }
        return true;
    }

    /** Every enabled model checks a month's close before any of them carries anything out. */
    private Problem closeMonthProblem(Command.CloseMonth close) {
        if (party == null && models.green() == null) {
            return new Problem(RejectionCode.NOTHING_TO_CLOSE, "month");
        }
        Problem green = orderFlow.closeMonthProblem(close);
        if (green != null) {
            return green;
        }
        RejectionCode code = party == null ? null : party.closeMonthProblem(close);
        return code == null ? null : new Problem(code, code == RejectionCode.TIME_WENT_BACK ? "at" : "month");
    }

    /** Closes a year in every model the plan enables, as {@link #closeMonth} does a month. */
    private boolean closeYear(Command.CloseYear close, EngineOutput out) {
        RejectionCode problem = party == null ? RejectionCode.NOTHING_TO_CLOSE : party.closeYearProblem(close);
        if (problem != null) {
            out.event(new Event.CommandRejected(close.id(), problem, "year"));
            return false;
        }
        party.closeYear(close, out);
        return true;
    }

    /**
     * Puts a new plan in force in every model: the exit index is rebuilt under the new exit multiple, and
     * anyone the new rules make due exits at once, at the unchanged price.
     */
    private boolean changePlan(ChangePlan change, EngineOutput out) {
        usePlan(change.plan());
        pool.useRules(plan.pool());
        out.event(new Event.PlanChanged(change.id(), plan.name()));
        pool.settleExits(change, out);
        return true;
    }

    private void usePlan(Plan newPlan) {
        // The green-points and four-party models keep the rules they were built with: a plan change neither
        // starts, stops nor changes them (their lots, periods and orders were computed under those rules).
        GreenFlow green = models.green();
        plan = newPlan.withGreenPoints(green == null ? null : green.rules(), green == null ? null : green.ladder())
                .withParty(party == null ? null : party.model().rules());
        network.usePlan(newPlan);
        orderFlow.usePlan(newPlan);
        withdrawalFlow.usePlan(newPlan);
    }

    /**
     * Whether settled orders stay in the order book (the default). A long simulation sets this to false so
     * memory stays flat in the number of orders: a settled order is then forgotten, so a later refund of it
     * is rejected as {@code UNKNOWN_ORDER}, its id may be paid again, and snapshots and state hashes no
     * longer include it. Orders not yet settled are always kept. The live platform keeps the default.
     */
    public void retainSettledOrders(boolean retain) {
        orderFlow.retainSettledOrders(retain);
    }

    public boolean retainsSettledOrders() {
        return orderFlow.retainsSettledOrders();
    }

    /** The engine's time: the latest command time seen. */
    public Instant clock() {
        return clock;
    }

    /** Runs one command and returns its events (convenient off the hot path). */
    public List<Event> execute(Command command) {
        EngineOutput out = new EngineOutput();
        execute(command, out);
        return new ArrayList<>(out.events());
    }

    /** The models, for the snapshot codec, the invariant check and tests. */
    public Models models() {
        return models;
    }

    /** The four-party model as the engine dispatches it, or null when the plan has no such section. */
    public PartyCommands party() {
        return party;
    }

    /** Puts a four-party model restored from a snapshot in force, with its rules in the plan. */
    /** The four-party model's suppliers for withdrawals (issue 19 item 2): the model in force, none without it. */
    private final class PartySuppliers implements org.zengzhi.engine.withdrawal.SupplierWallets {
        @Override
        public int find(String supplier) {
            return party == null ? -1 : party.ids().supplier(supplier);
        }

        @Override
        public int owner(int supplier) {
            return party.ids().supplierOwner(supplier);
        }

        @Override
        public String id(int supplier) {
            return party.ids().supplierId(supplier);
        }
    }

    public void restoreParty(PartyCommands restored) {
        party = restored;
        plan = plan.withParty(restored.model().rules());
    }

    /** Sets the engine's time while a snapshot is restored. */
    public void restoreClock(Instant value) {
        clock = value;
    }

    // ----- queries -----

    /** Pool cash P in fen. */
    public long poolCash() {
        return pool.poolCash();
    }

    /** Circulating points N in 10⁻⁶ point. */
    public long circulatingPoints() {
        return pool.circulatingPoints();
    }

    /** The current price: P/N, or the last price while no point circulates (SPEC ). */
    public Price price() {
        return pool.price();
    }

    public int participantCount() {
        return network.participants().count();
    }

    /** Participants holding points, that is, the size of the exit index. */
    public int holderCount() {
        return pool.holderCount();
    }

    /** The participant as the outside sees them, or {@code null} if never seen. */
    public Holder holder(String id) {
        return pool.holder(id);
    }

    /** Every participant, in order of first sight. */
    public List<Holder> holders() {
        return pool.holders();
    }

    /** The balance of an account: {@code owner} is the participant's or merchant's id, ignored for system accounts. */
    public long balance(AccountType type, String owner) {
        if (type.system()) {
            return ledger.system(type);
        }
        if (type.perSupplier()) {
            return supplierBalance(type, owner);
        }
        int id = type.perParticipant() ? network.participants().find(owner) : network.merchants().find(owner);
        return id < 0 ? 0 : ledger.balance(type, id);
    }

    /** Sum of all balances of one asset: zero whenever the books are right. */
    public long assetTotal(Asset asset) {
        return ledger.total(asset, network.participants().count(), network.merchants().count());
    }

    /** The balance of a supplier's account (four-party model); 0 for an unknown supplier or without the model. */
    public long supplierBalance(AccountType type, String supplier) {
        int handle = party == null ? -1 : party.ids().supplier(supplier);
        return handle < 0 ? 0 : ledger.balance(type, handle);
    }

    /**
     * Every non-zero balance: system accounts in account type order, then each participant's in order of
     * first sight, then each merchant's in order of onboarding.
     */
    public List<Balance> balances() {
        List<String> suppliers = party == null ? List.of() : party.ids().supplierIds();
        return ledger.balances(network.participants().ids(), network.participants().count(), network.merchantIds(),
                suppliers);
    }

    /** Ids of every merchant, in order of onboarding. */
    public List<String> merchantIds() {
        return network.merchantIds();
    }

    /** A merchant's owner, recruiter, region, rate and suspension, or null for an unknown merchant. */
    public MerchantProfile merchant(String id) {
        return network.merchant(id);
    }

    /** Merchants in order of onboarding, {@code limit} of them at most from position {@code from} on. */
    public List<MerchantProfile> merchants(int from, int limit) {
        return network.merchants(from, limit);
    }

    public int merchantCount() {
        return network.merchants().count();
    }

    /** The participant who owns a merchant (whose rewards the store's pages show), or null for an unknown merchant. */
    public String merchantOwner(String merchant) {
        return network.merchantOwner(merchant);
    }

    /** True when the four-party model knows the supplier (issue 19 item 2). */
    public boolean knowsSupplier(String supplier) {
        return party != null && party.ids().supplier(supplier) >= 0;
    }

    /** The user who owns a supplier and withdraws its cash, or null (unknown, or registered without one). */
    public String supplierOwner(String supplier) {
        int handle = party == null ? -1 : party.ids().supplier(supplier);
        int owner = handle < 0 ? -1 : party.ids().supplierOwner(handle);
        return owner < 0 ? null : network.participants().id(owner);
    }

    /** The referrer of a participant, or null. */
    public String referrerOf(String participant) {
        return network.referrerOf(participant);
    }

    /** A withdrawal by id, or null. */
    public Withdrawal withdrawal(String id) {
        return withdrawalFlow.withdrawal(id);
    }

    /**
     * The withdrawals in a state, in request order, at most {@code limit} of them: REQUESTED is the operator's
     * review queue. The open states (REQUESTED, APPROVED) are read from an index; the final ones are a scan.
     */
    public List<Withdrawal> withdrawals(WithdrawalState state, int limit) {
        return withdrawalFlow.withdrawals(state, limit);
    }

    /**
     * Orders in the order book: the unsettled ones and, unless {@link #retainSettledOrders(boolean)} turned it
     * off, the settled and refunded ones. A snapshot holds each of them.
     */
    public int orderCount() {
        return orderFlow.orderCount();
    }

    /** Orders paid and not yet settled or refunded. */
    public int unsettledOrders() {
        return orderFlow.unsettledOrders();
    }

    /**
     * The invariants of SPEC, checked in full (O(n)); returns the violations, empty when all hold.
     */
    public List<String> checkInvariants() {
        return Invariants.check(this);
    }

    /**
     * Facts that are not violations but that an operator must see, such as the green-points settlement
     * centre's cash below zero (issue 17); empty when there are none.
     */
    public List<String> findings() {
        return Invariants.findings(this);
    }

    /** SHA-256 of the canonical snapshot, in hex: equal states have equal hashes. */
    public String stateHash() {
        return SnapshotCodec.hash(this);
    }
}
