package org.zengzhi.cli.partyref;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * An independent implementation of issue 18's rules 1–3 and 5, written from the text alone and fed
 * the same command log as the engine: escrow, the 30% prepayment, claw-back with a receivable, settlement
 * after 30 + 7 days, the waterfall in the order with ⌊A·rate⌋ parts and dust, CONTRIB backed 1:1,
 * redeem, transfer with its 1% fee, mall orders paid with CONTRIB, and the monthly burn (buyback with a
 * budget, or proRata, ⌊h·5%⌋ per holder). It keeps plain maps keyed by the log's ids, no engine code.
 *
 * <p>Outside its rules it reads only what the log and two engine facts give: the risk verdict of a payment
 * (rule 6's device/IP count is not re-implemented; a flagged order's rewards stay in escrow) and the credit
 * score gate (rule 6: commission withheld below 600), which it applies itself.
 */
final class PartyReference {
    /** The plan's rates that the reference uses, ppm; money in fen. */
    record Rates(long fee, long memberRebate, long goldRebate, long goldSpendFen, long commission, long invite,
                 long share, long prepay, long transferFee, long stoken, long burn, boolean buyback, long budgetFen,
                 int scoreMin) {
        static Rates fourParty(boolean buyback, long budgetFen) {
            return new Rates(60_000, 80_000, 120_000, 1_000_000, 120_000, 80_000, 550_000, 300_000, 10_000, 10_000,
                    50_000, buyback, budgetFen, 600);
        }
    }

    private static final long PPM = 1_000_000;
    private static final Duration SETTLE_AFTER = Duration.ofDays(30 + 7);

    private final Rates rates;
    final Map<String, Long> userCash = new TreeMap<>();
    final Map<String, Long> userContrib = new TreeMap<>();
    final Map<String, Long> supplierCash = new TreeMap<>();
    final Map<String, Long> supplierOwes = new TreeMap<>();
    final Map<String, Long> supplierStoken = new TreeMap<>();
    private final Map<String, String> referrer = new HashMap<>();
    private final Map<String, Integer> score = new HashMap<>();
    private final Map<String, Long> settledSpend = new HashMap<>();
    private final Map<String, Integer> ordersPaid = new HashMap<>();
    private final Map<String, String[]> products = new HashMap<>();
    private final Map<String, Order> orders = new LinkedHashMap<>();
    long escrow;
    long reserve;
    long platform;
    long rounding;
    long escrowLowest;
    /** The expected events, each as its event name and the fields the reference derives. */
    final List<Map<String, String>> events = new ArrayList<>();

    private static final class Order {
        String id, user, supplier, promoter, inviter;
        long amount, contrib, prepaid;
        boolean gold, flagged, settled, refunded;
        Instant paidAt;
    }

    PartyReference(Rates rates) {
        this.rates = rates;
    }

    static long part(long amount, long ratePpm) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(ratePpm)).divide(BigInteger.valueOf(PPM))
                .longValueExact();
    }

    static long fen(String money) {
        return new java.math.BigDecimal(money).movePointRight(2).longValueExact();
    }

    static String money(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * Applies one command. {@code risk} is the engine's verdict for a payment's order (null for others);
     * a command the reference rejects adds a {@code rejected} event with its field.
     */
    void apply(JsonNode command, String id, String risk) {
        String type = command.get("type").asString();
        switch (type) {
            case "register" -> referrer.put(text(command, "user"), text(command, "referrer"));
            case "creditScore" -> score.put(text(command, "user"), command.get("score").asInt());
            case "supplier" -> supplierCash.putIfAbsent(text(command, "supplier"), 0L);
            case "product" -> products.put(text(command, "product"),
                    new String[] {text(command, "supplier"), text(command, "price")});
            case "pay" -> pay(command, risk);
            case "refund" -> refund(id, text(command, "order"));
            case "tick" -> settleDue(Instant.parse(text(command, "at")));
            case "transfer" -> transfer(id, command);
            case "redeem" -> redeem(id, command);
            case "closeMonth" -> burn();
            case "escrowStatement" -> events.add(event("escrowReconciled", "ledger", money(escrow)));
            default -> { }
        }
        escrowLowest = Math.min(escrowLowest, escrow);
    }

    private void pay(JsonNode command, String risk) {
        String id = text(command, "id");
        String[] product = products.get(text(command, "product"));
        if (product == null) {
            reject(id, "product");
            return;
        }
        String user = text(command, "user");
        long amount = Math.multiplyExact(fen(product[1]), command.has("quantity") ? command.get("quantity").asLong() : 1);
        long contrib = command.has("contrib") ? fen(text(command, "contrib")) : 0;
        if (contrib > amount || contrib > userContrib.getOrDefault(user, 0L)) {
            reject(id, "contrib");
            return;
        }
        Order order = new Order();
        order.id = id;
        order.user = user;
        order.supplier = product[0];
        order.amount = amount;
        order.contrib = contrib;
        order.paidAt = Instant.parse(text(command, "at"));
        order.flagged = !"CLEAR".equals(risk);
        order.gold = settledSpend.getOrDefault(user, 0L) >= rates.goldSpendFen();
        String ref = referrer.get(user);
        // Rule 2: the promoter the order names, else the consumer's referrer only if that referrer is a promoter.
        order.promoter = command.has("promoter") ? text(command, "promoter")
                : ref != null && score.containsKey(ref) ? ref : null;
        order.inviter = ordersPaid.getOrDefault(user, 0) == 0 ? ref : null;
        ordersPaid.merge(user, 1, Integer::sum);
        // Rule 1: the money is held in escrow; CONTRIB spent brings its reserve cash with it (rule 3).
        escrow += amount;
        userContrib.merge(user, -contrib, Long::sum);
        reserve -= contrib;
        order.prepaid = part(part(amount, rates.share()), rates.prepay());
        escrow -= order.prepaid;
        paySupplier(order.supplier, order.prepaid);
        orders.put(id, order);
        events.add(event("partyPaid", "order", id, "amount", money(amount), "prepaid", money(order.prepaid),
                "promoter", order.promoter));
    }

    private void refund(String commandId, String orderId) {
        Order order = orders.get(orderId);
        if (order == null || order.refunded) {
            reject(commandId, "order");
            return;
        }
        if (order.settled) {
            reject(commandId, "order");
            return;
        }
        // Rule 1: the prepayment comes back from the supplier's cash as far as it goes; the rest is a receivable.
        long cash = supplierCash.getOrDefault(order.supplier, 0L);
        long clawed = Math.min(Math.max(0, cash), order.prepaid);
        long advanced = order.prepaid - clawed;
        supplierCash.merge(order.supplier, -clawed, Long::sum);
        supplierOwes.merge(order.supplier, advanced, Long::sum);
        escrow += order.prepaid - order.amount;
        reserve += order.contrib;
        userContrib.merge(order.user, order.contrib, Long::sum);
        order.refunded = true;
        events.add(event("partyRefunded", "order", orderId, "amount", money(order.amount), "clawedBack",
                money(clawed), "advanced", money(advanced)));
    }

    private void settleDue(Instant at) {
        for (Order order : orders.values()) {
            if (!order.settled && !order.refunded && !order.paidAt.plus(SETTLE_AFTER).isAfter(at)) {
                settle(order);
            }
        }
    }

    /** Rule 2: fee, rebate, commission, team allowance (0), invite reward, supplier share; margin; dust. */
    private void settle(Order order) {
        long a = order.amount;
        long rebateRate = order.gold ? rates.goldRebate() : rates.memberRebate();
        long commissionRate = order.promoter != null ? rates.commission() : 0;
        long inviteRate = order.inviter != null ? rates.invite() : 0;
        long fee = part(a, rates.fee());
        long rebate = part(a, rebateRate);
        long commission = part(a, commissionRate);
        long invite = part(a, inviteRate);
        long share = part(a, rates.share());
        long margin = part(a, PPM - rates.fee() - rebateRate - commissionRate - inviteRate - rates.share());
        long dust = a - fee - rebate - commission - invite - share - margin;
        long supplierSettled = share - order.prepaid;
        escrow -= fee + margin + dust + supplierSettled;
        platform += fee + margin;
        rounding += dust;
        paySupplier(order.supplier, supplierSettled);
        // Rule 6 (read with the engine): a commission its promoter cannot earn (score below 600) is withheld
        // to the platform at once, flagged or not; only rewards someone can earn are held for a verdict.
        long withheld = commission > 0 && score.getOrDefault(order.promoter, 0) < rates.scoreMin() ? commission : 0;
        escrow -= withheld;
        platform += withheld;
        if (!order.flagged) {
            escrow -= rebate + commission - withheld + invite;
            reserve += rebate;
            userContrib.merge(order.user, rebate, Long::sum);
            if (commission > 0 && withheld == 0) {
                userCash.merge(order.promoter, commission, Long::sum);
            }
            if (invite > 0) {
                userCash.merge(order.inviter, invite, Long::sum);
            }
        }
        long tokens = part(a, rates.stoken());
        supplierStoken.merge(order.supplier, tokens, Long::sum);
        settledSpend.merge(order.user, a, Long::sum);
        order.settled = true;
        events.add(event("partySettled", "order", order.id, "amount", money(a), "fee", money(fee), "rebate",
                money(rebate), "commission", money(commission), "teamAllowance", "0.00", "inviteReward", money(invite),
                "supplierShare", money(share), "margin", money(margin), "rounding", money(dust), "supplierSettled",
                money(supplierSettled), "withheld", money(withheld), "tokens", money(tokens)));
    }

    /** Money due to a supplier repays what it owes first (rule 1's receivable). */
    private void paySupplier(String supplier, long amount) {
        long repaid = Math.min(supplierOwes.getOrDefault(supplier, 0L), amount);
        supplierOwes.merge(supplier, -repaid, Long::sum);
        supplierCash.merge(supplier, amount - repaid, Long::sum);
    }

    /** Rule 3: the 1% fee is retired and its reserve cash goes to the platform. */
    private void transfer(String id, JsonNode command) {
        String from = text(command, "user");
        String to = text(command, "to");
        long amount = fen(text(command, "amount"));
        if (amount <= 0) {
            reject(id, "amount");
            return;
        }
        if (from.equals(to)) {
            reject(id, "to");
            return;
        }
        if (amount > userContrib.getOrDefault(from, 0L)) {
            reject(id, "amount");
            return;
        }
        long fee = part(amount, rates.transferFee());
        userContrib.merge(from, -amount, Long::sum);
        userContrib.merge(to, amount - fee, Long::sum);
        reserve -= fee;
        platform += fee;
        events.add(event("contribTransferred", "user", from, "to", to, "amount", money(amount), "fee", money(fee),
                "received", money(amount - fee)));
    }

    private void redeem(String id, JsonNode command) {
        String user = text(command, "user");
        long amount = fen(text(command, "amount"));
        if (amount <= 0 || amount > userContrib.getOrDefault(user, 0L)) {
            reject(id, "amount");
            return;
        }
        userContrib.merge(user, -amount, Long::sum);
        reserve -= amount;
        userCash.merge(user, amount, Long::sum);
        events.add(event("contribRedeemed", "user", user, "amount", money(amount)));
    }

    /**
     * Rule 5: each holder's part is ⌊h·5%⌋ of CONTRIB and of STOKEN. proRata: the reserve behind the burned
     * CONTRIB goes to the platform. buyback: holders are paid face value out of the budget; if the budget is
     * short each part shrinks to ⌊part·budget/wanted⌋ and the shortfall is reported.
     */
    private void burn() {
        long wanted = 0;
        for (long h : userContrib.values()) {
            wanted += part(h, rates.burn());
        }
        for (long s : supplierStoken.values()) {
            wanted += part(s, rates.burn());
        }
        boolean shrink = rates.buyback() && wanted > rates.budgetFen();
        long contribBurned = 0;
        long tokensBurned = 0;
        for (Map.Entry<String, Long> holder : userContrib.entrySet()) {
            long burned = shrunk(part(holder.getValue(), rates.burn()), shrink, wanted);
            holder.setValue(holder.getValue() - burned);
            reserve -= burned;
            if (rates.buyback()) {
                userCash.merge(holder.getKey(), burned, Long::sum);
            } else {
                platform += burned;
            }
            contribBurned += burned;
        }
        for (Map.Entry<String, Long> supplier : supplierStoken.entrySet()) {
            long burned = shrunk(part(supplier.getValue(), rates.burn()), shrink, wanted);
            supplier.setValue(supplier.getValue() - burned);
            if (rates.buyback()) {
                platform -= burned;
                paySupplier(supplier.getKey(), burned);
            }
            tokensBurned += burned;
        }
        long paid = rates.buyback() ? contribBurned + tokensBurned : 0;
        events.add(event("monthClosed", "contribBurned", money(contribBurned), "tokensBurned", money(tokensBurned),
                "paid", money(paid), "short", money(rates.buyback() ? wanted - paid : 0)));
    }

    private long shrunk(long part, boolean shrink, long wanted) {
        return shrink ? BigInteger.valueOf(part).multiply(BigInteger.valueOf(rates.budgetFen()))
                .divide(BigInteger.valueOf(wanted)).longValueExact() : part;
    }

    private void reject(String command, String field) {
        events.add(event("rejected", "command", command, "field", field));
    }

    private static Map<String, String> event(String name, String... fields) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("event", name);
        for (int i = 0; i < fields.length; i += 2) {
            event.put(fields[i], fields[i + 1]);
        }
        return event;
    }

    private static String text(JsonNode command, String field) {
        JsonNode value = command.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
