package org.zengzhi.engine;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.order.OrderSplit;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.Price;

/**
 * A deliberately naive implementation of the order flow (SPEC ), written
 * from the specification and docs/plans.md to check {@link Engine} against. Users, merchants, agents and
 * orders live in plain maps and lists; the referral chain is walked, invitees are counted by scanning every
 * user, due orders are found by scanning and sorting every order; every product is a {@link BigInteger}
 * floor division. Balances are a map keyed by account type and external owner id. It shares no code with
 * OrderFlow, Splits, RewardPlan, Network or Ledger: only the public records (Plan, Reward, OrderSplit,
 * commands, events) and the region tree. The pool (mint, sales, exits) is the independent
 * {@link ReferenceEngine}, fed one {@link Command.SettleOrder} per settled order.
 *
 * <p>The contract it implements, beyond SPEC's words, is spelled out in FlowProperties' class comment.
 */
final class FlowReference {
    private static final BigInteger MILLION = BigInteger.valueOf(1_000_000);
    private static final String SYSTEM = "";

    private final Plan plan;
    private final RegionDirectory regions;
    private final ReferenceEngine pool;
    private Instant clock = Instant.EPOCH;

    private final Map<String, User> users = new LinkedHashMap<>();        // order of first sight
    private final Map<String, Shop> shops = new LinkedHashMap<>();        // order of onboarding
    private final Map<String, String> agents = new TreeMap<>();           // region code -> user
    private final List<Ord> orders = new ArrayList<>();                   // payment order
    private final Map<AccountType, Map<String, Long>> ledger = new TreeMap<>();

    static final class User {
        final String id;
        String referrer;
        String boundMerchant;

        User(String id) {
            this.id = id;
        }
    }

    static final class Shop {
        final String id;
        final String owner;
        final String recruiter;
        final String region;
        final long ratePpm;
        boolean suspended;

        Shop(String id, String owner, String recruiter, String region, long ratePpm) {
            this.id = id;
            this.owner = owner;
            this.recruiter = recruiter;
            this.region = region;
            this.ratePpm = ratePpm;
        }
    }

    enum Status { PAID, SETTLED, REFUNDED_BEFORE, REFUNDED_AFTER }

    /** A paid order, as the reference keeps it. */
    static final class Ord {
        String id;
        int seq;
        String user;
        String merchant;
        Channel channel;
        long amount;
        long deduct;
        String region;
        OrderSplit split;
        List<Reward> rewards;
        long granted;
        long contribution;
        Instant paidAt;
        Instant dueAt;
        boolean received;
        Status status = Status.PAID;
    }

    FlowReference(Plan plan, RegionDirectory regions) {
        this.plan = plan;
        this.regions = regions;
        this.pool = new ReferenceEngine(plan.pool());
    }

    // ----- arithmetic -----

    static long floor(long a, long b, long c) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    static long ofRate(long amount, long ppm) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(ppm)).divide(MILLION).longValueExact();
    }

    // ----- ledger -----

    private void move(AccountType from, String fromOwner, AccountType to, String toOwner, long amount) {
        if (from.asset() != to.asset()) {
            throw new IllegalStateException(from + " -> " + to);
        }
        add(from, fromOwner, -amount);
        add(to, toOwner, amount);
    }

    private void add(AccountType type, String owner, long amount) {
        String key = type.system() ? SYSTEM : owner;
        if (key == null) {
            throw new IllegalStateException("no owner for " + type);
        }
        ledger.computeIfAbsent(type, t -> new TreeMap<>()).merge(key, amount, Math::addExact);
    }

    long balance(AccountType type, String owner) {
        Map<String, Long> accounts = ledger.get(type);
        if (accounts == null) {
            return 0;
        }
        Long value = accounts.get(type.system() ? SYSTEM : owner);
        return value == null ? 0 : value;
    }

    /** Every non-zero balance in Engine.balances()'s documented order. */
    List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            if (type.system() && balance(type, null) != 0) {
                out.add(new Balance(type, null, balance(type, null)));
            }
        }
        for (String user : users.keySet()) {
            for (AccountType type : AccountType.values()) {
                if (type.perParticipant() && balance(type, user) != 0) {
                    out.add(new Balance(type, user, balance(type, user)));
                }
            }
        }
        for (String shop : shops.keySet()) {
            for (AccountType type : AccountType.values()) {
                if (type.perMerchant() && balance(type, shop) != 0) {
                    out.add(new Balance(type, shop, balance(type, shop)));
                }
            }
        }
        return out;
    }

    // ----- queries -----

    Instant clock() {
        return clock;
    }

    long poolCash() {
        return pool.poolCash();
    }

    long circulatingPoints() {
        return pool.circulatingPoints();
    }

    Price price() {
        return pool.price();
    }

    List<Holder> holders() {
        List<Holder> out = new ArrayList<>();
        for (String id : users.keySet()) {
            Holder h = pool.holder(id);
            out.add(new Holder(id, h == null ? 0 : h.pointsMicro(), balance(AccountType.USER_CASH, id),
                    h == null ? 0 : h.cycleSpendFen(), h == null ? 0 : h.cycleRealizedFen(), h == null ? 0 : h.exits(),
                    h == null ? 0 : h.paidOutFen()));
        }
        return out;
    }

    List<String> userIds() {
        return new ArrayList<>(users.keySet());
    }

    List<String> merchantIds() {
        return new ArrayList<>(shops.keySet());
    }

    boolean knowsUser(String id) {
        return users.containsKey(id);
    }

    String referrerOf(String user) {
        User u = users.get(user);
        return u == null ? null : u.referrer;
    }

    String agentOf(String region) {
        return agents.get(region);
    }

    List<Ord> orders() {
        return orders;
    }

    Ord order(String id) {
        for (Ord order : orders) {
            if (order.id.equals(id)) {
                return order;
            }
        }
        return null;
    }

    boolean suspended(String merchant) {
        Shop shop = shops.get(merchant);
        return shop != null && shop.suspended;
    }

    Plan plan() {
        return plan;
    }

    // ----- commands -----

    List<Event> execute(Command command) {
        Instant now = command.at().isAfter(clock) ? command.at() : clock;
        List<Event> events = new ArrayList<>();
        boolean accepted = switch (command.type()) {
            case REGISTER_USER -> register((Command.RegisterUser) command, events);
            case ONBOARD_MERCHANT -> onboard((Command.OnboardMerchant) command, events);
            case SUSPEND_MERCHANT -> suspend((Command.SuspendMerchant) command, events);
            case APPOINT_AGENT -> appoint((Command.AppointAgent) command, events);
            case REMOVE_AGENT -> removeAgent((Command.RemoveAgent) command, events);
            case REASSIGN_REFERRER -> reassign((Command.ReassignReferrer) command, events);
            case PAY_ORDER -> pay((Command.PayOrder) command, now, events);
            case CONFIRM_RECEIPT -> receipt((Command.ConfirmReceipt) command, now, events);
            case REFUND_ORDER -> refund((Command.RefundOrder) command, events);
            case TICK -> tick((Command.Tick) command, now, events);
            case SELL_POINTS -> sell((Command.SellPoints) command, events);
            case INJECT_SUBSIDY -> subsidy((Command.InjectSubsidy) command, events);
            case SETTLE_ORDER -> throw new UnsupportedOperationException("pool-only command");
            case REQUEST_WITHDRAWAL, REVIEW_WITHDRAWAL, SETTLE_WITHDRAWAL, GRANT_BONUS, CHANGE_PLAN ->
                throw new UnsupportedOperationException("withdrawals are checked by WithdrawalProperties");
            case APPOINT_PROMOTER ->
                throw new UnsupportedOperationException("green points are checked by GreenEngineProperties");
            case REGISTER_SUPPLIER, LIST_PRODUCT, PAY_PARTY_ORDER, RATE_PRODUCT, TRANSFER_CONTRIB, REDEEM_CONTRIB,
                    REDEEM_TOKENS, VERIFY_ORDER, SET_CREDIT_SCORE, ESCROW_STATEMENT, CHARGE_DATA_SERVICE,
                    RECORD_OPERATING_COST, CLOSE_MONTH, CLOSE_YEAR ->
                throw new UnsupportedOperationException("the four-party model is checked by its own tests");
        };
        if (accepted) {
            clock = now;
        }
        return events;
    }

    private static boolean reject(Command command, RejectionCode code, String field, List<Event> events) {
        events.add(new Event.CommandRejected(command.id(), code, field));
        return false;
    }

    private static boolean badId(String id) {
        return id == null || id.isEmpty() || id.length() > Limits.PARTICIPANT_ID_LENGTH_MAX;
    }

    private void see(String id) {
        users.computeIfAbsent(id, User::new);
    }

    private boolean knownRegion(String code) {
        return code != null && !regions.path(code).isEmpty();
    }

    /** The chain above {@code user}: referrer, referrer's referrer, … (never containing a cycle). */
    private List<String> chain(String user) {
        List<String> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(user);
        for (String r = users.get(user).referrer; r != null; r = users.get(r).referrer) {
            if (!seen.add(r)) {
                throw new IllegalStateException("referral cycle through " + r);
            }
            chain.add(r);
        }
        return chain;
    }

    /** True when making {@code referrer} the referrer of {@code user} would close a cycle. */
    private boolean wouldCycle(String user, String referrer) {
        return referrer.equals(user) || chain(referrer).contains(user);
    }

    private boolean register(Command.RegisterUser c, List<Event> events) {
        if (badId(c.user())) {
            return reject(c, RejectionCode.INVALID_PARTICIPANT_ID, "user", events);
        }
        if (users.containsKey(c.user())) {
            return reject(c, RejectionCode.ALREADY_REGISTERED, "user", events);
        }
        if (c.referrer() != null && !users.containsKey(c.referrer())) {
            return reject(c, RejectionCode.UNKNOWN_REFERRER, "referrer", events);
        }
        see(c.user());
        users.get(c.user()).referrer = c.referrer();
        events.add(new Event.UserRegistered(c.id(), c.user(), c.referrer()));
        return true;
    }

    private boolean onboard(Command.OnboardMerchant c, List<Event> events) {
        if (badId(c.merchant())) {
            return reject(c, RejectionCode.INVALID_MERCHANT_ID, "merchant", events);
        }
        if (shops.containsKey(c.merchant())) {
            return reject(c, RejectionCode.MERCHANT_EXISTS, "merchant", events);
        }
        if (badId(c.owner())) {
            return reject(c, RejectionCode.INVALID_PARTICIPANT_ID, "owner", events);
        }
        if (c.recruiter() != null && badId(c.recruiter())) {
            return reject(c, RejectionCode.INVALID_PARTICIPANT_ID, "recruiter", events);
        }
        if (!knownRegion(c.region())) {
            return reject(c, RejectionCode.UNKNOWN_REGION, "region", events);
        }
        long rate = c.commissionPpm();
        if (rate >= 0 && (rate < plan.store().minCommissionPpm() || rate > plan.store().maxCommissionPpm())) {
            return reject(c, RejectionCode.COMMISSION_OUT_OF_RANGE, "commissionRate", events);
        }
        if (rate < 0) {
            rate = plan.store().defaultCommissionPpm();
        }
        see(c.owner());
        if (c.recruiter() != null) {
            see(c.recruiter());
        }
        shops.put(c.merchant(), new Shop(c.merchant(), c.owner(), c.recruiter(), c.region(), rate));
        events.add(new Event.MerchantOnboarded(c.id(), c.merchant(), c.owner(), c.recruiter(), c.region(), rate));
        return true;
    }

    private static boolean blank(String reason) {
        return reason == null || reason.isBlank();
    }

    private boolean suspend(Command.SuspendMerchant c, List<Event> events) {
        Shop shop = c.merchant() == null ? null : shops.get(c.merchant());
        if (shop == null) {
            return reject(c, RejectionCode.UNKNOWN_MERCHANT, "merchant", events);
        }
        if (blank(c.reason())) {
            return reject(c, RejectionCode.REASON_REQUIRED, "reason", events);
        }
        shop.suspended = c.suspended();
        events.add(new Event.MerchantSuspended(c.id(), c.merchant(), c.suspended(), c.reason()));
        return true;
    }

    private boolean appoint(Command.AppointAgent c, List<Event> events) {
        if (badId(c.user())) {
            return reject(c, RejectionCode.INVALID_PARTICIPANT_ID, "user", events);
        }
        if (!knownRegion(c.region())) {
            return reject(c, RejectionCode.UNKNOWN_REGION, "region", events);
        }
        if (agents.containsKey(c.region())) {
            return reject(c, RejectionCode.REGION_TAKEN, "region", events);
        }
        see(c.user());
        agents.put(c.region(), c.user());
        events.add(new Event.AgentAppointed(c.id(), c.user(), c.region(), regions.path(c.region()).get(0).level()));
        return true;
    }

    private boolean removeAgent(Command.RemoveAgent c, List<Event> events) {
        String agent = c.region() == null ? null : agents.get(c.region());
        if (agent == null) {
            return reject(c, RejectionCode.NO_AGENT, "region", events);
        }
        agents.remove(c.region());
        events.add(new Event.AgentRemoved(c.id(), agent, c.region()));
        return true;
    }

    private boolean reassign(Command.ReassignReferrer c, List<Event> events) {
        if (c.user() == null || !users.containsKey(c.user())) {
            return reject(c, RejectionCode.UNKNOWN_PARTICIPANT, "user", events);
        }
        if (c.referrer() == null || !users.containsKey(c.referrer())) {
            return reject(c, RejectionCode.UNKNOWN_REFERRER, "referrer", events);
        }
        if (wouldCycle(c.user(), c.referrer())) {
            return reject(c, RejectionCode.REFERRAL_CYCLE, "referrer", events);
        }
        if (blank(c.reason())) {
            return reject(c, RejectionCode.REASON_REQUIRED, "reason", events);
        }
        User user = users.get(c.user());
        String previous = user.referrer;
        user.referrer = c.referrer();
        events.add(new Event.ReferrerReassigned(c.id(), c.user(), previous, c.referrer(), c.reason()));
        return true;
    }

    // ----- orders -----

    private boolean pay(Command.PayOrder c, Instant now, List<Event> events) {
        long amount = c.amountFen();
        if (amount <= 0) {
            return reject(c, RejectionCode.NON_POSITIVE_AMOUNT, "amount", events);
        }
        if (amount > Limits.AMOUNT_FEN_MAX) {
            return reject(c, RejectionCode.AMOUNT_TOO_LARGE, "amount", events);
        }
        if (badId(c.user())) {
            return reject(c, RejectionCode.INVALID_PARTICIPANT_ID, "user", events);
        }
        if (order(c.id()) != null) {
            return reject(c, RejectionCode.DUPLICATE_ORDER, "id", events);
        }
        Shop shop = null;
        if (c.merchant() == null) {
            if (c.channel() == Channel.STORE) {
                return reject(c, RejectionCode.MERCHANT_REQUIRED, "merchant", events);
            }
        } else {
            shop = shops.get(c.merchant());
            if (shop == null) {
                return reject(c, RejectionCode.UNKNOWN_MERCHANT, "merchant", events);
            }
            if (shop.suspended) {
                return reject(c, RejectionCode.MERCHANT_SUSPENDED, "merchant", events);
            }
        }
        if (c.channel() == Channel.STORE) {
            if (c.split() != null) {
                return reject(c, RejectionCode.SPLIT_NOT_ALLOWED, "split", events);
            }
            if (c.deductFen() != 0) {
                return reject(c, RejectionCode.DEDUCT_NOT_ALLOWED, "deduct", events);
            }
        } else {
            MallSplitFen s = c.split();
            if (s != null) {
                BigInteger total = BigInteger.valueOf(s.costFen()).add(BigInteger.valueOf(s.distributionFen()))
                        .add(BigInteger.valueOf(s.platformFen())).add(BigInteger.valueOf(s.poolFen()));
                if (s.costFen() < 0 || s.distributionFen() < 0 || s.platformFen() < 0 || s.poolFen() < 0
                        || !total.equals(BigInteger.valueOf(amount))) {
                    return reject(c, RejectionCode.SPLIT_MISMATCH, "split", events);
                }
            }
            if (c.region() != null && !knownRegion(c.region())) {
                return reject(c, RejectionCode.UNKNOWN_REGION, "region", events);
            }
            long deduct = c.deductFen();
            if (deduct != 0) {
                if (deduct < 0 || deduct > Limits.AMOUNT_FEN_MAX) {
                    return reject(c, RejectionCode.DEDUCT_NOT_ALLOWED, "deduct", events);
                }
                // deduct ≤ mallMax · (cash + deduct), exactly
                BigInteger lhs = BigInteger.valueOf(deduct).multiply(MILLION);
                BigInteger rhs = BigInteger.valueOf(plan.deduct().mallMaxPpm())
                        .multiply(BigInteger.valueOf(amount + deduct));
                if (lhs.compareTo(rhs) > 0) {
                    return reject(c, RejectionCode.DEDUCT_NOT_ALLOWED, "deduct", events);
                }
                if (balance(AccountType.USER_DEDUCT, c.user()) < deduct) {
                    return reject(c, RejectionCode.INSUFFICIENT_DEDUCT, "deduct", events);
                }
            }
        }

        // accepted
        see(c.user());
        User user = users.get(c.user());
        if (c.channel() == Channel.STORE && plan.referral().bindAtFirstPayment() && user.referrer == null
                && !wouldCycle(user.id, shop.owner)) {
            user.referrer = shop.owner;
            user.boundMerchant = shop.id;
            events.add(new Event.ReferrerBound(c.id(), user.id, shop.owner, shop.id));
        }
        String region = c.channel() == Channel.STORE ? shop.region
                : c.region() != null ? c.region() : shop != null ? shop.region : null;

        long commission;
        long merchantPart;
        long platform;
        long budget;
        long poolPart;
        long dust;
        if (c.channel() == Channel.STORE) {
            commission = ofRate(amount, shop.ratePpm);
            platform = ofRate(commission, plan.store().platformPpm());
            budget = ofRate(commission, plan.store().distributionPpm());
            poolPart = ofRate(commission, plan.store().poolPpm());
            dust = commission - platform - budget - poolPart;
            merchantPart = amount - commission;
        } else if (c.split() != null) {
            commission = 0;
            merchantPart = c.split().costFen();
            platform = c.split().platformFen();
            budget = c.split().distributionFen();
            poolPart = c.split().poolFen();
            dust = 0;
        } else {
            commission = 0;
            merchantPart = ofRate(amount, plan.mall().costPpm());
            budget = ofRate(amount, plan.mall().distributionPpm());
            platform = ofRate(amount, plan.mall().platformPpm());
            poolPart = ofRate(amount, plan.mall().poolPpm());
            dust = amount - merchantPart - budget - platform - poolPart;
        }

        // rewards, in R-2.4's order, each cut to what is left of the budget
        List<Reward> rewards = new ArrayList<>();
        long[] left = {budget};
        String direct = user.referrer;
        String indirect = direct == null ? null : users.get(direct).referrer;
        addReward(rewards, left, RewardKind.DIRECT, direct, null, null,
                direct == null ? 0 : ofRate(amount, directRate(direct)));
        addReward(rewards, left, RewardKind.INDIRECT, indirect, null, null,
                indirect == null ? 0 : ofRate(amount, indirectRate(indirect)));
        if (!hasEarlierOrder(user.id)) {
            addReward(rewards, left, RewardKind.FIRST_ORDER, direct, null, null,
                    ofRate(amount, plan.referral().firstOrderPpm()));
        }
        addReward(rewards, left, RewardKind.RECRUITMENT, shop == null ? null : shop.recruiter, null, null,
                ofRate(amount, plan.recruitmentPpm()));
        if (region != null) {
            List<RegionDirectory.RegionRef> path = regions.path(region);
            for (int i = 0; i < path.size(); i++) {
                RegionDirectory.RegionRef here = path.get(i);
                String agent = agents.get(here.code());
                if (agent == null) {
                    continue;
                }
                long below = 0;
                for (int j = i - 1; j >= 0; j--) {               // nearest lower level with an active agent
                    if (agents.containsKey(path.get(j).code())) {
                        below = ofRate(amount, plan.agents().rate(path.get(j).level()));
                        break;
                    }
                }
                long mine = ofRate(amount, plan.agents().rate(here.level()));
                addReward(rewards, left, RewardKind.AGENT, agent, here.level(), here.code(), mine - below);
            }
        }
        if (c.channel() == Channel.MALL) {
            addReward(rewards, left, RewardKind.MALL_REBATE, user.boundMerchant, null, null,
                    ofRate(amount, plan.deduct().merchantRebatePpm()));
        }
        long paid = budget - left[0];
        OrderSplit split = new OrderSplit(amount, commission, merchantPart, platform, budget, poolPart, dust, paid,
                left[0]);

        long granted = c.channel() == Channel.STORE ? floor(amount, plan.deduct().storeMultiplePpm(), 1_000_000) : 0;
        Plan.Tier tier = tierOf(user.id);
        long contribution = tier == null ? 0 : ofRate(amount, tier.rebatePpm());

        Ord order = new Ord();
        order.id = c.id();
        order.seq = orders.size();
        order.user = user.id;
        order.merchant = shop == null ? null : shop.id;
        order.channel = c.channel();
        order.amount = amount;
        order.deduct = c.deductFen();
        order.region = region;
        order.split = split;
        order.rewards = rewards;
        order.granted = granted;
        order.contribution = contribution;
        order.paidAt = now;
        Plan.Settlement windows = plan.settlement();
        order.dueAt = now.plus(Duration.ofDays(c.channel() == Channel.STORE ? windows.storeDays()
                : windows.mallAutoReceiveDays() + windows.mallReturnDays()));
        orders.add(order);

        move(AccountType.EXTERNAL_PAYMENTS, null, AccountType.ORDER_ESCROW, null, amount);
        if (shop != null) {
            move(AccountType.ORDER_ESCROW, null, AccountType.MERCHANT_PENDING, shop.id, merchantPart);
        }
        for (Reward reward : rewards) {
            move(AccountType.ORDER_ESCROW, null, pending(reward), reward.recipient(), reward.amountFen());
        }
        move(AccountType.USER_DEDUCT, user.id, AccountType.DEDUCT_ESCROW, null, order.deduct);
        move(AccountType.DEDUCT_ISSUANCE, null, AccountType.USER_DEDUCT_PENDING, user.id, granted);
        move(AccountType.CONTRIB_ISSUANCE, null, AccountType.USER_CONTRIB_PENDING, user.id, contribution);

        events.add(new Event.OrderPaid(c.id(), c.id(), user.id, c.merchant(), c.channel(), amount, c.deductFen(),
                region, split, granted, contribution, order.dueAt));
        for (Reward reward : rewards) {
            events.add(new Event.RewardChanged(c.id(), c.id(), reward, RewardStatus.PENDING));
        }
        return true;
    }

    private static void addReward(List<Reward> rewards, long[] left, RewardKind kind, String recipient,
            RegionLevel level, String region, long nominal) {
        if (recipient == null || nominal <= 0) {
            return;
        }
        long amount = Math.min(nominal, left[0]);
        left[0] -= amount;
        rewards.add(new Reward(kind, recipient, level, region, nominal, amount));
    }

    /** An earlier order of the user that is paid or settled and was not refunded before settlement. */
    private boolean hasEarlierOrder(String user) {
        for (Ord order : orders) {
            if (order.user.equals(user) && order.status != Status.REFUNDED_BEFORE) {
                return true;
            }
        }
        return false;
    }

    long settledSpend(String user) {
        long spend = 0;
        for (Ord order : orders) {
            if (order.user.equals(user) && (order.status == Status.SETTLED || order.status == Status.REFUNDED_AFTER)) {
                spend += order.amount;
            }
        }
        return spend;
    }

    int invitees(String user) {
        int count = 0;
        for (User u : users.values()) {
            if (user.equals(u.referrer)) {
                count++;
            }
        }
        return count;
    }

    /** The highest tier whose minSpend and minInvitees the user reaches, or null if none. */
    Plan.Tier tierOf(String user) {
        Plan.Tier best = null;
        long spend = settledSpend(user);
        int invited = invitees(user);
        for (Plan.Tier tier : plan.tiers()) {
            if (spend >= tier.minSpendFen() && invited >= tier.minInvitees()) {
                best = tier;
            }
        }
        return best;
    }

    private long directRate(String earner) {
        Plan.Tier tier = tierOf(earner);
        return tier != null && tier.directPpm() >= 0 ? tier.directPpm() : plan.referral().directPpm();
    }

    private long indirectRate(String earner) {
        Plan.Tier tier = tierOf(earner);
        return tier != null && tier.indirectPpm() >= 0 ? tier.indirectPpm() : plan.referral().indirectPpm();
    }

    private static AccountType pending(Reward reward) {
        return reward.kind() == RewardKind.MALL_REBATE ? AccountType.MERCHANT_PENDING : AccountType.USER_CASH_PENDING;
    }

    private static AccountType available(Reward reward) {
        return reward.kind() == RewardKind.MALL_REBATE ? AccountType.MERCHANT_CASH : AccountType.USER_CASH;
    }

    private boolean receipt(Command.ConfirmReceipt c, Instant now, List<Event> events) {
        Ord order = c.order() == null ? null : order(c.order());
        if (order == null) {
            return reject(c, RejectionCode.UNKNOWN_ORDER, "order", events);
        }
        Instant autoReceived = order.paidAt.plus(Duration.ofDays(plan.settlement().mallAutoReceiveDays()));
        if (order.channel != Channel.MALL || order.status != Status.PAID || order.received
                || !now.isBefore(autoReceived)) {
            return reject(c, RejectionCode.NOT_AWAITING_RECEIPT, "order", events);
        }
        order.received = true;
        order.dueAt = now.plus(Duration.ofDays(plan.settlement().mallReturnDays()));
        events.add(new Event.OrderReceived(c.id(), order.id, order.dueAt));
        return true;
    }

    private boolean refund(Command.RefundOrder c, List<Event> events) {
        Ord order = c.order() == null ? null : order(c.order());
        if (order == null) {
            return reject(c, RejectionCode.UNKNOWN_ORDER, "order", events);
        }
        if (order.status == Status.REFUNDED_BEFORE || order.status == Status.REFUNDED_AFTER) {
            return reject(c, RejectionCode.ALREADY_REFUNDED, "order", events);
        }
        if (order.status == Status.PAID) {
            // undo every pending posting of the payment
            move(AccountType.ORDER_ESCROW, null, AccountType.EXTERNAL_PAYMENTS, null, order.amount);
            if (order.merchant != null) {
                move(AccountType.MERCHANT_PENDING, order.merchant, AccountType.ORDER_ESCROW, null,
                        order.split.merchantFen());
            }
            for (Reward reward : order.rewards) {
                move(pending(reward), reward.recipient(), AccountType.ORDER_ESCROW, null, reward.amountFen());
                events.add(new Event.RewardChanged(c.id(), order.id, reward, RewardStatus.CANCELLED));
            }
            move(AccountType.DEDUCT_ESCROW, null, AccountType.USER_DEDUCT, order.user, order.deduct);
            move(AccountType.USER_DEDUCT_PENDING, order.user, AccountType.DEDUCT_ISSUANCE, null, order.granted);
            move(AccountType.USER_CONTRIB_PENDING, order.user, AccountType.CONTRIB_ISSUANCE, null, order.contribution);
            order.status = Status.REFUNDED_BEFORE;
            events.add(new Event.OrderRefunded(c.id(), order.id, order.user, order.amount, false));
            return true;
        }
        // after settlement: merchant-funded, the platform advancing any shortfall as the merchant's debt
        if (order.merchant != null) {
            long cash = balance(AccountType.MERCHANT_CASH, order.merchant);
            long fromCash = Math.min(cash, order.amount);
            move(AccountType.MERCHANT_CASH, order.merchant, AccountType.EXTERNAL_PAYMENTS, null, fromCash);
            move(AccountType.MERCHANT_DEBT, order.merchant, AccountType.EXTERNAL_PAYMENTS, null,
                    order.amount - fromCash);
        } else {
            // no merchant: the suppliers give back the product cost they were owed, the platform funds the rest
            long fromSuppliers = Math.min(order.split.merchantFen(), balance(AccountType.SUPPLIER_PAYABLE, null));
            move(AccountType.SUPPLIER_PAYABLE, null, AccountType.EXTERNAL_PAYMENTS, null, fromSuppliers);
            move(AccountType.PLATFORM_REFUNDS, null, AccountType.EXTERNAL_PAYMENTS, null, order.amount - fromSuppliers);
        }
        if (plan.refundAfterSettlement() == Plan.RefundPolicy.CLAW_BACK_REWARDS) {
            for (Reward reward : order.rewards) {
                long has = balance(available(reward), reward.recipient());
                long taken = Math.min(has, reward.amountFen());
                move(available(reward), reward.recipient(), AccountType.PLATFORM_REVENUE, null, taken);
                events.add(new Event.RewardChanged(c.id(), order.id, new Reward(reward.kind(), reward.recipient(),
                        reward.level(), reward.region(), reward.nominalFen(), taken), RewardStatus.CLAWED_BACK));
            }
        }
        order.status = Status.REFUNDED_AFTER;
        events.add(new Event.OrderRefunded(c.id(), order.id, order.user, order.amount, true));
        return true;
    }

    private boolean tick(Command.Tick c, Instant now, List<Event> events) {
        while (true) {
            Ord next = orders.stream().filter(o -> o.status == Status.PAID && !o.dueAt.isAfter(now))
                    .min(Comparator.comparing((Ord o) -> o.dueAt).thenComparingInt(o -> o.seq)).orElse(null);
            if (next == null) {
                return true;
            }
            settle(c, next, now, events);
        }
    }

    private void settle(Command.Tick c, Ord order, Instant now, List<Event> events) {
        OrderSplit s = order.split;
        order.status = Status.SETTLED;
        events.add(new Event.OrderSettled(c.id(), order.id, order.user, order.merchant, order.channel, order.amount,
                s, now));
        if (order.merchant != null) {
            move(AccountType.MERCHANT_PENDING, order.merchant, AccountType.MERCHANT_CASH, order.merchant,
                    s.merchantFen());
        } else {
            move(AccountType.ORDER_ESCROW, null, AccountType.SUPPLIER_PAYABLE, null, s.merchantFen());
        }
        move(AccountType.ORDER_ESCROW, null, AccountType.PLATFORM_REVENUE, null, s.platformFen() + s.distributionLeftFen());
        move(AccountType.ORDER_ESCROW, null, AccountType.PLATFORM_ROUNDING, null, s.roundingFen());
        for (Reward reward : order.rewards) {
            move(pending(reward), reward.recipient(), available(reward), reward.recipient(), reward.amountFen());
            events.add(new Event.RewardChanged(c.id(), order.id, reward, RewardStatus.AVAILABLE));
        }
        move(AccountType.DEDUCT_ESCROW, null, AccountType.DEDUCT_ISSUANCE, null, order.deduct);
        move(AccountType.USER_DEDUCT_PENDING, order.user, AccountType.USER_DEDUCT, order.user, order.granted);
        move(AccountType.USER_CONTRIB_PENDING, order.user, AccountType.USER_CONTRIB, order.user, order.contribution);
        move(AccountType.ORDER_ESCROW, null, AccountType.POOL_CASH, null, s.poolFen());
        List<Event> poolEvents = pool.execute(new Command.SettleOrder(c.id(), c.at(), order.user, order.amount,
                s.poolFen()));
        applyPoolEvents(poolEvents);
        events.addAll(poolEvents);
    }

    private boolean sell(Command.SellPoints c, List<Event> events) {
        if (c.pointsMicro() > 0 && c.participant() != null && users.containsKey(c.participant())
                && pool.holder(c.participant()) == null) {
            return reject(c, RejectionCode.INSUFFICIENT_POINTS, "points", events);  // known, never held any
        }
        List<Event> poolEvents = pool.execute(c);
        if (poolEvents.get(0) instanceof Event.CommandRejected) {
            events.addAll(poolEvents);
            return false;
        }
        applyPoolEvents(poolEvents);
        events.addAll(poolEvents);
        return true;
    }

    private boolean subsidy(Command.InjectSubsidy c, List<Event> events) {
        List<Event> poolEvents = pool.execute(c);
        if (poolEvents.get(0) instanceof Event.CommandRejected) {
            events.addAll(poolEvents);
            return false;
        }
        move(AccountType.PLATFORM_SUBSIDY, null, AccountType.POOL_CASH, null, c.amountFen());
        applyPoolEvents(poolEvents);
        events.addAll(poolEvents);
        return true;
    }

    /** Mirrors the pool's mints, sales and exits in the ledger and checks the pool cash agrees. */
    private void applyPoolEvents(List<Event> poolEvents) {
        for (Event event : poolEvents) {
            if (event instanceof Event.PointsMinted minted) {
                move(AccountType.POINT_ISSUANCE, null, AccountType.USER_POINTS, minted.participant(),
                        minted.pointsMicro());
            } else if (event instanceof Event.PointsSold sold) {
                move(AccountType.USER_POINTS, sold.participant(), AccountType.POINT_ISSUANCE, null, sold.pointsMicro());
                move(AccountType.POOL_CASH, null, AccountType.USER_CASH, sold.participant(), sold.payoutFen());
            } else if (event instanceof Event.ParticipantExited exited) {
                move(AccountType.USER_POINTS, exited.participant(), AccountType.POINT_ISSUANCE, null,
                        exited.pointsMicro());
                move(AccountType.POOL_CASH, null, AccountType.USER_CASH, exited.participant(), exited.payoutFen());
            }
        }
        if (balance(AccountType.POOL_CASH, null) != pool.poolCash()
                || -balance(AccountType.POINT_ISSUANCE, null) != pool.circulatingPoints()) {
            throw new IllegalStateException("reference ledger and reference pool disagree");
        }
    }
}
