package org.zengzhi.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.network.MerchantProfile;
import org.zengzhi.engine.network.Merchants;
import org.zengzhi.engine.network.Network;
import org.zengzhi.engine.network.Participants;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.OrderFlow;
import org.zengzhi.engine.order.Orders;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.ExitIndex;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.pool.PoolMath;
import org.zengzhi.engine.pool.Price;
import org.zengzhi.engine.withdrawal.Withdrawal;
import org.zengzhi.engine.withdrawal.WithdrawalFlow;
import org.zengzhi.engine.withdrawal.WithdrawalState;
import org.zengzhi.engine.withdrawal.Withdrawals;

/**
 * The appreciation pool on a double-entry ledger (SPEC ): a deterministic, single-threaded state
 * machine. Commands go in, events and postings come out; the same commands always give the same output
 * and the same {@link #stateHash()}. No clock, randomness, threads or I/O.
 *
 * <p>Pool cash P is the balance of {@link AccountType#POOL_CASH}; circulating points N are the negative
 * balance of {@link AccountType#POINT_ISSUANCE}. While N is 0 the last price's pair stands in for P/N.
 */
public final class Engine {
    private static final int CAPACITY_MIN = 1024;

    private static final int MERCHANT_CAPACITY_MIN = 64;

    private Plan plan;
    private PoolRules rules;
    private final RegionDirectory regions;
    private final Ledger ledger;
    private final Participants participants;
    private final ExitIndex exitIndex;
    private final Merchants merchants = new Merchants();
    private final Orders orders = new Orders();
    private final Withdrawals withdrawals = new Withdrawals();
    private final Map<String, Integer> agents = new HashMap<>();
    private int agentsVersion;
    private final Ledger.OwnerIds ownerIds = this::ownerId;
    private final Network network;
    private final OrderFlow orderFlow;
    private final WithdrawalFlow withdrawalFlow;
    private final BatchPrefetch prefetch;
    private int merchantCapacity = MERCHANT_CAPACITY_MIN;
    private long lastPriceCashFen;
    private long lastPricePointsMicro;
    private Instant clock = Instant.EPOCH;
    private boolean retainSettledOrders = true;

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
        this.rules = plan.pool();
        this.regions = regions;
        this.ledger = new Ledger(capacity, merchantCapacity);
        this.participants = new Participants(capacity);
        this.exitIndex = new ExitIndex(capacity, plan.pool());
        this.exitIndex.useIds(participants.ids());
        this.lastPriceCashFen = rules.initialPrice().cashFen();
        this.lastPricePointsMicro = rules.initialPrice().pointsMicro();
        this.network = new Network(this);
        this.orderFlow = new OrderFlow(this);
        this.withdrawalFlow = new WithdrawalFlow(this);
        this.prefetch = new BatchPrefetch(ledger, participants, exitIndex, orders);
    }

    public PoolRules rules() {
        return rules;
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
        int eventsBefore = out.eventCount();
        if (command.at().isAfter(clock)) {
            clock = command.at();
        }
        dispatch(command, out);
        if (out.eventCount() == eventsBefore + 1 && out.lastEventType() == EventType.COMMAND_REJECTED) {
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

    private void dispatch(Command command, EngineOutput out) {
        switch (command.type()) {
            case SETTLE_ORDER -> settleOrder((SettleOrder) command, out);
            case SELL_POINTS -> sellPoints((SellPoints) command, out);
            case INJECT_SUBSIDY -> injectSubsidy((InjectSubsidy) command, out);
            case REGISTER_USER -> network.register((Command.RegisterUser) command, out);
            case ONBOARD_MERCHANT -> network.onboard((Command.OnboardMerchant) command, out);
            case SUSPEND_MERCHANT -> network.suspend((Command.SuspendMerchant) command, out);
            case APPOINT_AGENT -> network.appoint((Command.AppointAgent) command, out);
            case REMOVE_AGENT -> network.remove((Command.RemoveAgent) command, out);
            case REASSIGN_REFERRER -> network.reassign((Command.ReassignReferrer) command, out);
            case GRANT_BONUS -> network.grantBonus((Command.GrantBonus) command, out);
            case CHANGE_PLAN -> changePlan((Command.ChangePlan) command, out);
            case PAY_ORDER -> orderFlow.pay((Command.PayOrder) command, clock, out);
            case CONFIRM_RECEIPT -> orderFlow.confirmReceipt((Command.ConfirmReceipt) command, clock, out);
            case REFUND_ORDER -> orderFlow.refund((Command.RefundOrder) command, out);
            case TICK -> orderFlow.tick((Command.Tick) command, clock, out);
            case REQUEST_WITHDRAWAL -> withdrawalFlow.request((Command.RequestWithdrawal) command, clock, out);
            case REVIEW_WITHDRAWAL -> withdrawalFlow.review((Command.ReviewWithdrawal) command, out);
            case SETTLE_WITHDRAWAL -> withdrawalFlow.settle((Command.SettleWithdrawal) command, out);
        }
    }

    /**
     * Whether settled orders stay in the order book (the default). A long simulation sets this to false so
     * memory stays flat in the number of orders: a settled order is then forgotten, so a later refund of it
     * is rejected as {@code UNKNOWN_ORDER}, its id may be paid again, and snapshots and state hashes no
     * longer include it. Orders not yet settled are always kept. The live platform keeps the default.
     */
    public void retainSettledOrders(boolean retain) {
        retainSettledOrders = retain;
    }

    public boolean retainsSettledOrders() {
        return retainSettledOrders;
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

    private void settleOrder(SettleOrder order, EngineOutput out) {
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
            code = participantProblem(order.participant());
            field = "user";
        }
        if (code != null) {
            out.event(new CommandRejected(order.id(), code, field));
            return;
        }
        int participant = findOrRegister(order.participant());
        transfer(AccountType.EXTERNAL_PAYMENTS, 0, AccountType.ORDER_REMAINDER, 0,
                order.amountFen() - order.poolShareFen(), out);
        contributeToPool(order, participant, order.amountFen(), order.poolShareFen(), AccountType.EXTERNAL_PAYMENTS, out);
    }

    /**
     * Puts a new plan in force: the exit index is rebuilt under the new exit multiple, and anyone the new
     * rules make due exits at once, at the unchanged price.
     */
    private void changePlan(Command.ChangePlan change, EngineOutput out) {
        plan = change.plan();
        rules = plan.pool();
        exitIndex.useRules(rules);
        reindexAll();
        out.event(new Event.PlanChanged(change.id(), plan.name()));
        afterPoolChange(change, poolCash(), circulatingPoints(), out);
    }

    /**
     * A settled order's pool step: mints ⌊S·α/p⌋ points for the buyer at the reference price, moves
     * S from {@code source} into the pool, adds the amount to the buyer's exit cycle, then runs the cascade.
     */
    public void contributeToPool(Command cause, int participant, long amountFen, long poolShareFen, AccountType source,
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

    private void sellPoints(SellPoints sale, EngineOutput out) {
        int participant = sale.participant() == null ? -1 : participants.find(sale.participant());
        if (sale.pointsMicro() <= 0) {
            out.event(new CommandRejected(sale.id(), RejectionCode.NON_POSITIVE_AMOUNT, "points"));
            return;
        }
        if (participant < 0) {
            out.event(new CommandRejected(sale.id(), RejectionCode.UNKNOWN_PARTICIPANT, "user"));
            return;
        }
        if (sale.pointsMicro() > holding(participant)) {
            out.event(new CommandRejected(sale.id(), RejectionCode.INSUFFICIENT_POINTS, "points"));
            return;
        }
        long cashBefore = poolCash();
        long pointsBefore = circulatingPoints();
        long gross = PoolMath.grossValue(sale.pointsMicro(), cashBefore, pointsBefore);
        long payout = sell(participant, sale.pointsMicro(), out);
        participants.addSale(participant, gross, payout);
        reindex(participant);
        out.event(new PointsSold(sale.id(), sale.participant(), sale.pointsMicro(), gross, payout));
        afterPoolChange(sale, cashBefore, pointsBefore, out);
    }

    private void injectSubsidy(InjectSubsidy subsidy, EngineOutput out) {
        if (subsidy.amountFen() <= 0 || subsidy.amountFen() > Limits.AMOUNT_FEN_MAX) {
            RejectionCode code = subsidy.amountFen() <= 0 ? RejectionCode.NON_POSITIVE_AMOUNT
                    : RejectionCode.AMOUNT_TOO_LARGE;
            out.event(new CommandRejected(subsidy.id(), code, "amount"));
            return;
        }
        long cashBefore = poolCash();
        long pointsBefore = circulatingPoints();
        transfer(AccountType.PLATFORM_SUBSIDY, 0, AccountType.POOL_CASH, 0, subsidy.amountFen(), out);
        out.event(new SubsidyInjected(subsidy.id(), subsidy.amountFen(), subsidy.reason()));
        afterPoolChange(subsidy, cashBefore, pointsBefore, out);
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

    public RejectionCode participantProblem(String id) {
        if (id == null || id.isEmpty() || id.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return RejectionCode.INVALID_PARTICIPANT_ID;
        }
        if (participants.count() >= Limits.PARTICIPANTS_MAX && participants.find(id) < 0) {
            return RejectionCode.PARTICIPANT_LIMIT_REACHED;
        }
        return null;
    }

    public int findOrRegister(String id) {
        int participant = participants.find(id);
        if (participant >= 0) {
            return participant;
        }
        if (participants.count() == participants.capacity()) {
            grow();
        }
        return participants.register(id);
    }

    private void grow() {
        long wanted = (long) participants.capacity() + (participants.capacity() >> 1);
        int capacity = (int) Math.min(wanted, Limits.PARTICIPANTS_MAX);
        participants.growTo(capacity);
        ledger.growParticipants(capacity);
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

    public void transfer(AccountType from, int fromOwner, AccountType to, int toOwner, long amount, EngineOutput out) {
        ledger.transfer(from, fromOwner, to, toOwner, amount, out, ownerIds);
    }

    private String ownerId(AccountType type, int owner) {
        if (type.perParticipant()) {
            return participants.id(owner);
        }
        return type.perMerchant() ? merchants.get(owner).id : null;
    }

    /** The external id of a participant, or null for −1. */
    public String externalId(int participant) {
        return participant < 0 ? null : participants.id(participant);
    }

    /** Makes room in the ledger for a newly added merchant. */
    public void merchantAdded(int merchant) {
        if (merchant >= merchantCapacity) {
            merchantCapacity *= 2;
            ledger.growMerchants(merchantCapacity);
        }
    }

    public BatchPrefetch prefetch() {
        return prefetch;
    }

    /** Changes whenever an agent is appointed or removed, so a cache of {@link #agentOf} knows it is stale. */
    public int agentsVersion() {
        return agentsVersion;
    }

    /** The active agent of a region, or −1. */
    public int agentOf(String region) {
        Integer agent = agents.get(region);
        return agent == null ? -1 : agent;
    }

    public void setAgent(String region, int participant) {
        agentsVersion++;
        if (participant < 0) {
            agents.remove(region);
        } else {
            agents.put(region, participant);
        }
    }

    /** The highest tier whose spend and invitee thresholds the participant meets, or null. */
    public Plan.Tier tierOf(int participant) {
        Plan.Tier reached = null;
        List<Plan.Tier> tiers = plan.tiers();
        // By index: the for-each iterator was allocated on every payment (twice), even with no tiers.
        for (int i = 0; i < tiers.size(); i++) {
            Plan.Tier tier = tiers.get(i);
            if (participants.settledSpend(participant) >= tier.minSpendFen()
                    && participants.invitees(participant) >= tier.minInvitees()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The direct reward rate a referrer earns: their tier's, if it sets one, else the plan's. */
    public long directRate(int referrer) {
        Plan.Tier tier = referrer < 0 ? null : tierOf(referrer);
        return tier != null && tier.directPpm() >= 0 ? tier.directPpm() : plan.referral().directPpm();
    }

    public long indirectRate(int referrer) {
        Plan.Tier tier = referrer < 0 ? null : tierOf(referrer);
        return tier != null && tier.indirectPpm() >= 0 ? tier.indirectPpm() : plan.referral().indirectPpm();
    }

    public RegionDirectory regions() {
        return regions;
    }

    public Merchants merchants() {
        return merchants;
    }

    public Orders orders() {
        return orders;
    }

    public Map<String, Integer> agents() {
        return agents;
    }

    public Withdrawals withdrawals() {
        return withdrawals;
    }

    public void restoreClock(Instant value) {
        clock = value;
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

    public int participantCount() {
        return participants.count();
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

    /** The balance of an account: {@code owner} is the participant's or merchant's id, ignored for system accounts. */
    public long balance(AccountType type, String owner) {
        if (type.system()) {
            return ledger.system(type);
        }
        int id = type.perParticipant() ? participants.find(owner) : merchants.find(owner);
        return id < 0 ? 0 : ledger.balance(type, id);
    }

    /** Sum of all balances of one asset: zero whenever the books are right. */
    public long assetTotal(Asset asset) {
        return ledger.total(asset, participants.count(), merchants.count());
    }

    /**
     * Every non-zero balance: system accounts in account type order, then each participant's in order of
     * first sight, then each merchant's in order of onboarding.
     */
    public List<Balance> balances() {
        List<Balance> balances = new ArrayList<>();
        AccountType[] types = AccountType.values();
        for (AccountType type : types) {
            if (type.system() && ledger.system(type) != 0) {
                balances.add(new Balance(type, null, ledger.system(type)));
            }
        }
        for (int participant = 0; participant < participants.count(); participant++) {
            addOwnerBalances(balances, types, true, participant, participants.id(participant));
        }
        for (int merchant = 0; merchant < merchants.count(); merchant++) {
            addOwnerBalances(balances, types, false, merchant, merchants.get(merchant).id);
        }
        return balances;
    }

    private void addOwnerBalances(List<Balance> balances, AccountType[] types, boolean participant, int owner,
            String id) {
        for (AccountType type : types) {
            if (!type.system() && type.perParticipant() == participant && ledger.balance(type, owner) != 0) {
                balances.add(new Balance(type, id, ledger.balance(type, owner)));
            }
        }
    }

    /** Ids of every merchant, in order of onboarding. */
    public List<String> merchantIds() {
        List<String> ids = new ArrayList<>(merchants.count());
        for (int merchant = 0; merchant < merchants.count(); merchant++) {
            ids.add(merchants.get(merchant).id);
        }
        return ids;
    }

    /** A merchant's owner, recruiter, region, rate and suspension, or null for an unknown merchant. */
    public MerchantProfile merchant(String id) {
        int merchant = id == null ? -1 : merchants.find(id);
        return merchant < 0 ? null : profile(merchant);
    }

    /** Merchants in order of onboarding, {@code limit} of them at most from position {@code from} on. */
    public List<MerchantProfile> merchants(int from, int limit) {
        int end = (int) Math.min(merchants.count(), Math.max(0L, from) + Math.max(0, limit));
        List<MerchantProfile> profiles = new ArrayList<>(Math.max(0, end - from));
        for (int merchant = Math.max(0, from); merchant < end; merchant++) {
            profiles.add(profile(merchant));
        }
        return profiles;
    }

    public int merchantCount() {
        return merchants.count();
    }

    private MerchantProfile profile(int merchant) {
        Merchants.Merchant entry = merchants.get(merchant);
        return new MerchantProfile(entry.id, externalId(entry.owner), externalId(entry.recruiter), entry.region,
                entry.commissionPpm, entry.suspended);
    }

    /** The participant who owns a merchant (whose rewards the store's pages show), or null for an unknown merchant. */
    public String merchantOwner(String merchant) {
        int id = merchant == null ? -1 : merchants.find(merchant);
        return id < 0 ? null : participants.id(merchants.get(id).owner);
    }

    /** The referrer of a participant, or null. */
    public String referrerOf(String participant) {
        int id = participants.find(participant);
        return id < 0 ? null : externalId(participants.referrer(id));
    }

    /** A withdrawal by id, or null. */
    public Withdrawal withdrawal(String id) {
        int index = id == null ? -1 : withdrawals.indexOf(id);
        return index < 0 ? null : withdrawals.get(index);
    }

    /**
     * The withdrawals in a state, in request order, at most {@code limit} of them: REQUESTED is the operator's
     * review queue. The open states (REQUESTED, APPROVED) are read from an index; the final ones are a scan.
     */
    public List<Withdrawal> withdrawals(WithdrawalState state, int limit) {
        List<Withdrawal> found = new ArrayList<>();
        Iterable<Integer> candidates = state.open() ? withdrawals.open()
                : java.util.stream.IntStream.range(0, withdrawals.count())::iterator;
        for (int index : candidates) {
            if (found.size() >= limit) {
                break;
            }
            Withdrawal withdrawal = withdrawals.get(index);
            if (withdrawal.state() == state) {
                found.add(withdrawal);
            }
        }
        return found;
    }

    /**
     * Orders in the order book: the unsettled ones and, unless {@link #retainSettledOrders(boolean)} turned it
     * off, the settled and refunded ones. A snapshot holds each of them.
     */
    public int orderCount() {
        return orders.count();
    }

    /** Orders paid and not yet settled or refunded. */
    public int unsettledOrders() {
        return orders.unsettled();
    }

    /**
     * The invariants of SPEC, checked in full (O(n)); returns the violations, empty when all hold.
     */
    public List<String> checkInvariants() {
        return Invariants.check(this, ledger, participants, exitIndex);
    }

    /** SHA-256 of the canonical snapshot, in hex: equal states have equal hashes. */
    public String stateHash() {
        return SnapshotCodec.hash(this);
    }

    // ----- for the snapshot codec and invariants -----

    public Ledger ledger() {
        return ledger;
    }

    public Participants participants() {
        return participants;
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

    /** Registers a participant while restoring a snapshot; balances are restored separately. */
    public int restoreParticipant(String id, long spendFen, long realizedFen, int exits, long paidFen) {
        if (participants.count() == participants.capacity()) {
            grow();
        }
        participants.restore(id, spendFen, realizedFen, exits, paidFen);
        return participants.count() - 1;
    }

    /** Rebuilds the exit index from restored holdings. */
    public void reindexAll() {
        for (int participant = 0; participant < participants.count(); participant++) {
            reindex(participant);
        }
    }
}
