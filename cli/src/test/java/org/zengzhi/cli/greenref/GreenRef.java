package org.zengzhi.cli.greenref;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An independent implementation of issue 17's rules 1–7 (and 8) on the command log, written from the issue's
 * text and calling no engine class: it reads command lines as JSON and writes the green-points events the
 * engine should write ({@code greenEarned}, {@code dividend}, {@code promoterMonth}, {@code coinsSpent},
 * {@code rejected}) and the balances of every voucher, coin, green-point and settlement-centre account.
 */
final class GreenRef {
    static final ObjectMapper JSON = new ObjectMapper();

    private record Merchant(String id, String owner, String recruiter, long ratePpm) {
    }

    private record Order(String id, String user, String merchant, long amount, long voucher, Instant due, long seq) {
    }

    private final RefTerms terms;
    private final RefPool consumerPool;
    private final RefPool merchantPool;
    private final RefPromoters promoters;
    private final Map<String, Merchant> merchants = new HashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Map<String, String> referrer = new HashMap<>();
    private final Map<String, String> boundMerchant = new HashMap<>();
    /** Store orders paid and not yet settled, by due time then payment order. */
    private final TreeMap<String, Order> pending = new TreeMap<>();
    private final Map<String, String> pendingKey = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    /** Every order paid, store or coin-mall: one space of ids (issue 20 item 1); a refunded one stays. */
    private final Map<String, Order> paid = new HashMap<>();
    private final Set<String> coinOrders = new HashSet<>();
    private final Set<String> refunded = new HashSet<>();
    private final Map<String, Long> balances = new TreeMap<>();
    final List<ObjectNode> events = new ArrayList<>();
    private Instant clock = Instant.EPOCH;
    private long seq;
    private int lineNumber;

    GreenRef(RefTerms terms) {
        this.terms = terms;
        this.consumerPool = new RefPool("consumer", terms.consumer(), terms.zone(), terms.dividendCapPpm());
        this.merchantPool = new RefPool("merchant", terms.merchant(), terms.zone(), terms.dividendCapPpm());
        this.promoters = new RefPromoters(terms.zone());
    }

    static GreenRef run(RefTerms terms, List<String> lines) {
        GreenRef ref = new GreenRef(terms);
        lines.forEach(ref::apply);
        return ref;
    }

    long balance(String owner, String account) {
        return balances.getOrDefault(key(owner, account), 0L);
    }

    Map<String, Long> balances() {
        return balances;
    }

    Instant clock() {
        return clock;
    }

    boolean isPending(String order) {
        return pendingKey.containsKey(order);
    }

    /** A store order settled, or a coin-mall order (settled at payment), not refunded. */
    boolean isSettled(String order) {
        return (settled.contains(order) || coinOrders.contains(order)) && !refunded.contains(order);
    }

    YearMonth nextMonthToClose() {
        return promoters.nextToClose();
    }

    Instant monthEnd(YearMonth month) {
        return promoters.end(month);
    }

    boolean isPromoter(String user) {
        return promoters.isPromoter(user);
    }

    void apply(String line) {
        lineNumber++;
        JsonNode c = JSON.readTree(line);
        String type = c.get("type").asString();
        String id = c.has("id") ? c.get("id").asString() : type + "#" + lineNumber;
        if (c.has("at")) {
            Instant at = Instant.parse(c.get("at").asString());
            if (at.isAfter(clock)) {
                clock = at;
            }
        }
        switch (type) {
            case "register" -> register(c);
            case "merchant" -> onboard(c);
            case "pay" -> pay(id, c);
            case "refund" -> refund(id, c.get("order").asString());
            case "tick" -> carryOut(Instant.parse(c.get("at").asString()), true, id);
            case "promoter" -> promoters.appoint(c.get("user").asString(), text(c, "coach"), clock);
            case "closeMonth" -> closeMonth(id, YearMonth.parse(c.get("month").asString()), clock);
            default -> throw new IllegalArgumentException("the reference does not know " + type);
        }
    }

    private void register(JsonNode c) {
        String user = c.get("user").asString();
        users.add(user);
        String by = text(c, "referrer");
        if (by != null) {
            referrer.put(user, by);
        }
        for (String account : List.of("USER_VOUCHER", "USER_COIN", "USER_GREEN")) {
            balances.putIfAbsent(key(user, account), 0L);
        }
    }

    private void onboard(JsonNode c) {
        String id = c.get("merchant").asString();
        long rate = new BigDecimal(c.get("commissionRate").asString()).movePointRight(6).longValueExact();
        merchants.put(id, new Merchant(id, c.get("owner").asString(), text(c, "recruiter"), rate));
        balances.putIfAbsent(key(id, "MERCHANT_VOUCHER"), 0L);
        balances.putIfAbsent(key(id, "MERCHANT_GREEN"), 0L);
    }

    /** Rule 6: vouchers and coins above what the payer holds now are rejected and change nothing. */
    private void pay(String id, JsonNode c) {
        String user = c.get("user").asString();
        String merchant = c.get("merchant").asString();
        if ("coin".equals(c.get("channel").asString())) {
            long coins = fen(c, "coins");
            if (paid.containsKey(id)) {
                rejected(id, "DUPLICATE_ORDER", "id");
                return;
            }
            if (coins > balance(user, "USER_COIN")) {
                rejected(id, "INSUFFICIENT_COINS", "coins");
                return;
            }
            move("platform", "COIN_ISSUANCE", user, "USER_COIN", -coins);
            move("platform", "SETTLEMENT_CENTRE", merchant, "MERCHANT_CASH", coins);
            ObjectNode e = event("coinsSpent", id);
            e.put("order", id).put("user", user).put("merchant", merchant).put("coins", money(coins));
            paid.put(id, new Order(id, user, merchant, coins, 0, clock, -1));
            coinOrders.add(id);
            return;
        }
        long amount = fen(c, "amount");
        long voucher = c.has("voucher") ? fen(c, "voucher") : 0;
        if (voucher > balance(user, "USER_VOUCHER")) {
            rejected(id, "INSUFFICIENT_VOUCHERS", "voucher");
            return;
        }
        Merchant m = merchants.get(merchant);
        if (!referrer.containsKey(user) && !m.owner().equals(user)) {
            referrer.put(user, m.owner());
            boundMerchant.put(user, merchant);
        }
        move(user, "USER_VOUCHER", "platform", "VOUCHER_ESCROW", voucher);
        move("platform", "SETTLEMENT_CENTRE", "platform", "ORDER_ESCROW", voucher);
        Instant due = Instant.parse(c.get("at").asString());
        Order order = new Order(id, user, merchant, amount, voucher, due, seq++);
        String k = String.format("%015d%09d/%012d", due.getEpochSecond(), due.getNano(), order.seq());
        pending.put(k, order);
        pendingKey.put(id, k);
        paid.put(id, order);
    }

    /**
     * Rule 1 and 6: a refund before settlement gives the vouchers back; after it, changes nothing here. A coin-mall
     * order's refund (issue 20 item 1) gives the coins back and the seller returns their value to the settlement
     * centre (from its cash or as its debt: the merchant's cash is not compared). Once: a second is refused.
     */
    private void refund(String id, String orderId) {
        Order order = paid.get(orderId);
        if (order == null || refunded.contains(orderId)) {
            rejected(id, order == null ? "UNKNOWN_ORDER" : "ALREADY_REFUNDED", "order");
            return;
        }
        refunded.add(orderId);
        String k = pendingKey.remove(orderId);
        if (coinOrders.contains(orderId)) {
            move(order.merchant(), "MERCHANT_CASH", "platform", "SETTLEMENT_CENTRE", order.amount());
            move("platform", "COIN_ISSUANCE", order.user(), "USER_COIN", order.amount());
        } else if (k != null) {
            pending.remove(k);
            move("platform", "VOUCHER_ESCROW", order.user(), "USER_VOUCHER", order.voucher());
            move("platform", "ORDER_ESCROW", "platform", "SETTLEMENT_CENTRE", order.voucher());
        }
        event("refunded", id).put("order", orderId).put("user", order.user()).put("amount", money(order.amount()))
                .put("afterSettlement", k == null);
    }

    boolean isCoinOrder(String order) {
        return coinOrders.contains(order);
    }

    boolean isRefunded(String order) {
        return refunded.contains(order);
    }

    /**
     * Rule 3: everything due at or before {@code until} (a tick) or strictly before it (a month's close), in time
     * order; a dividend due at 00:00 comes after settlements due before it and before those due at or after it.
     * When both pools are due together the consumer pool pays first (the issue does not say; the events differ
     * only in order).
     */
    private void carryOut(Instant until, boolean inclusive, String command) {
        while (true) {
            Order next = pending.isEmpty() ? null : pending.firstEntry().getValue();
            RefPool pool = duePool(until, inclusive);
            boolean orderDue = next != null && (inclusive ? !next.due().isAfter(until) : next.due().isBefore(until));
            if (pool != null && (!orderDue || !next.due().isBefore(pool.nextDue()))) {
                dividend(command, pool);
            } else if (orderDue) {
                pending.pollFirstEntry();
                pendingKey.remove(next.id());
                settle(command, next);
            } else {
                return;
            }
        }
    }

    private RefPool duePool(Instant until, boolean inclusive) {
        RefPool best = null;
        for (RefPool pool : List.of(consumerPool, merchantPool)) {
            Instant due = pool.nextDue();
            boolean isDue = due != null && (inclusive ? !due.isAfter(until) : due.isBefore(until));
            if (isDue && (best == null || due.isBefore(best.nextDue()))) {
                best = pool;
            }
        }
        return best;
    }

    /** Rules 1, 5, 6 and 7's metric at a store order's settlement, at its due time. */
    private void settle(String command, Order order) {
        settled.add(order.id());
        Merchant m = merchants.get(order.merchant());
        long rangli = order.amount() * m.ratePpm() / 1_000_000;
        long points = (order.amount() - order.voucher()) * m.ratePpm() / 1_000_000;
        long coins = points * terms.coinSharePpm() / 1_000_000;
        String bound = boundMerchant.get(order.user());
        long boundVouchers = bound == null ? 0 : points * terms.boundSharePpm() / 1_000_000;
        move("platform", "ORDER_ESCROW", "platform", "SETTLEMENT_CENTRE", rangli);
        move("platform", "VOUCHER_ESCROW", "platform", "VOUCHER_ISSUANCE", order.voucher());
        move("platform", "GREEN_CONSUMER_ISSUANCE", order.user(), "USER_GREEN", points);
        move("platform", "GREEN_MERCHANT_ISSUANCE", order.merchant(), "MERCHANT_GREEN", rangli);
        move("platform", "COIN_ISSUANCE", order.user(), "USER_COIN", coins);
        if (bound != null) {
            move("platform", "VOUCHER_ISSUANCE", bound, "MERCHANT_VOUCHER", boundVouchers);
        }
        consumerPool.countRangli(rangli);
        merchantPool.countRangli(rangli);
        consumerPool.earn(order.user(), points, order.due());
        merchantPool.earn(order.merchant(), rangli, order.due());
        promoters.count(m.recruiter(), order.due(), rangli);
        ObjectNode e = event("greenEarned", command);
        e.put("order", order.id()).put("user", order.user()).put("merchant", order.merchant())
                .put("points", money(points)).put("coins", money(coins)).put("merchantPoints", money(rangli))
                .put("boundMerchant", bound).put("boundVouchers", money(boundVouchers));
    }

    private void dividend(String command, RefPool pool) {
        RefPool.Paid paid = pool.pay();
        boolean consumer = pool == consumerPool;
        String green = consumer ? "USER_GREEN" : "MERCHANT_GREEN";
        String wallet = consumer ? "USER_VOUCHER" : "MERCHANT_VOUCHER";
        String issuance = consumer ? "GREEN_CONSUMER_ISSUANCE" : "GREEN_MERCHANT_ISSUANCE";
        for (int i = 0; i < paid.payments().size(); i++) {
            move("platform", "VOUCHER_ISSUANCE", paid.paidLots().get(i).holder, wallet, paid.payments().get(i));
        }
        for (RefPool.Lot lot : paid.retiredLots()) {
            move(lot.holder, green, "platform", issuance, lot.points);
        }
        ObjectNode e = event("dividend", command);
        e.put("pool", pool.label).put("period", paid.period()).put("at", paid.at().toString())
                .put("value", money(paid.value()))
                .put("growth", paid.growthPpm() == null ? null : decimal(paid.growthPpm(), 6))
                .put("scale", decimal(paid.scalePpm(), 6)).put("vouchers", money(paid.vouchers()))
                .put("lots", paid.lots()).put("retired", paid.retired());
    }

    private void closeMonth(String id, YearMonth month, Instant at) {
        String[] problem = promoters.closeProblem(month, at);
        if (problem != null) {
            rejected(id, problem[0], problem[1]);
            return;
        }
        carryOut(promoters.end(month), false, id);
        for (RefPromoters.Month m : promoters.close(month)) {
            move("platform", "SETTLEMENT_CENTRE", m.user(), "USER_CASH", m.pay());
            ObjectNode e = event("promoterMonth", id);
            e.put("user", m.user()).put("month", m.month().toString()).put("rank", m.rank())
                    .put("metric", money(m.metric())).put("personal", money(m.personal()))
                    .put("coaching", money(m.coaching())).put("subsidy", money(m.subsidy()))
                    .put("nextRank", m.nextRank());
        }
    }

    private void rejected(String id, String code, String field) {
        event("rejected", id).put("code", code).put("field", field);
    }

    private ObjectNode event(String name, String command) {
        ObjectNode e = JSON.createObjectNode();
        e.put("event", name).put("command", command);
        events.add(e);
        return e;
    }

    private void move(String fromOwner, String from, String toOwner, String to, long amount) {
        if (amount == 0) {
            return;
        }
        balances.merge(key(fromOwner, from), -amount, Long::sum);
        balances.merge(key(toOwner, to), amount, Long::sum);
    }

    static String key(String owner, String account) {
        return (owner == null ? "platform" : owner) + "/" + account;
    }

    private static String text(JsonNode c, String field) {
        return c.has(field) && !c.get(field).isNull() ? c.get(field).asString() : null;
    }

    private static long fen(JsonNode c, String field) {
        return new BigDecimal(c.get(field).asString()).movePointRight(2).longValueExact();
    }

    static String money(long fen) {
        return decimal(fen, 2);
    }

    static String decimal(long units, int places) {
        return BigDecimal.valueOf(units, places).toPlainString();
    }

    /** The accounts the comparison covers: vouchers, coins, green points, the settlement centre, promoters' cash. */
    static final Set<String> COMPARED = Set.of("USER_VOUCHER", "USER_COIN", "USER_GREEN", "MERCHANT_VOUCHER",
            "MERCHANT_GREEN", "USER_CASH", "SETTLEMENT_CENTRE", "VOUCHER_ISSUANCE", "VOUCHER_ESCROW", "COIN_ISSUANCE",
            "GREEN_CONSUMER_ISSUANCE", "GREEN_MERCHANT_ISSUANCE");

    /** The compared balances, zero lines left out (the engine lists zero lines only for holders). */
    Map<String, Long> comparedBalances() {
        Map<String, Long> out = new LinkedHashMap<>();
        balances.forEach((k, v) -> {
            if (v != 0 && COMPARED.contains(k.substring(k.indexOf('/') + 1))) {
                out.put(k, v);
            }
        });
        return out;
    }
}
