package org.zengzhi.cli.greenref;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded generator of random green-points command logs (issue 17, "How it is checked"): registrations,
 * merchants with 3–20% 让利, store payments some with vouchers, coin-mall orders (some reusing an id
 * already paid), refunds before and after settlement (coin-mall orders' too, and some refunded twice), ticks over several simulated months with quiet spells (so late, scaled dividends happen),
 * promoters with coaches appointed mid-month, month closes, and deliberately bad commands: vouchers and coins
 * above what the payer holds, months closed early, twice and out of order. It asks a running {@link GreenRef}
 * what a payer holds, so most spends are valid and some are not.
 */
final class LogGenerator {
    private final Random random;
    /**
     * The draws of the issue 20 additions (coin-mall ids reused, orders refunded twice), apart from {@link #random}
     * so the logs' other commands stay as they were.
     */
    private final Random twists;
    private final RefTerms terms;
    private final GreenRef ref;
    private final List<String> lines = new ArrayList<>();
    private final List<String> consumers = new ArrayList<>();
    private final List<String> owners = new ArrayList<>();
    private final List<String> candidates = new ArrayList<>();
    private final List<String> merchants = new ArrayList<>();
    private final List<String> paidOrders = new ArrayList<>();
    private final List<String> refundedOrders = new ArrayList<>();
    private final List<String> appointed = new ArrayList<>();
    private Instant now;
    private int orderCount;
    private int commandCount;

    private LogGenerator(long seed, RefTerms terms) {
        this.random = new Random(seed);
        this.twists = new Random(~seed);
        this.terms = terms;
        this.ref = new GreenRef(terms);
        LocalDate start = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(20));
        this.now = start.atStartOfDay(terms.zone()).toInstant().plusSeconds(3600L * (1 + random.nextInt(10)));
    }

    /** A log of about {@code steps} commands over about {@code months} months. */
    static List<String> generate(long seed, RefTerms terms, int steps, int months) {
        LogGenerator generator = new LogGenerator(seed, terms);
        generator.build(steps, months);
        return generator.lines;
    }

    private void build(int steps, int months) {
        int people = 6 + random.nextInt(14);
        for (int i = 0; i < people; i++) {
            consumers.add(register("u" + i));
        }
        for (int i = 0; i < 3; i++) {
            owners.add(register("w" + i));
        }
        for (int i = 0; i < 4; i++) {
            candidates.add(register("p" + i));
        }
        for (int i = 0; i < 3 + random.nextInt(5); i++) {
            onboard();
        }
        long spanMinutes = months * 30L * 24 * 60;
        long stepMinutes = Math.max(1, spanMinutes / steps);
        for (int i = 0; i < steps; i++) {
            advance(stepMinutes);
            step();
        }
        advance(60);
        tick();
        while (ref.nextMonthToClose() != null && !now.isBefore(ref.monthEnd(ref.nextMonthToClose()))) {
            close(ref.nextMonthToClose(), now);
        }
    }

    private void step() {
        int roll = random.nextInt(100);
        if (roll < 45) {
            storePay();
        } else if (roll < 52) {
            coinPay();
        } else if (roll < 58) {
            refund();
        } else if (roll < 75) {
            tick();
        } else if (roll < 78) {
            appoint();
        } else if (roll < 84) {
            closeSomething();
        } else if (roll < 86) {
            quietSpell();
        } else if (roll < 87) {
            onboard();
        } else if (roll < 88 && consumers.size() < 60) {
            consumers.add(register("u" + consumers.size()));
        } else {
            storePay();
        }
    }

    private void advance(long meanMinutes) {
        now = now.plus(Duration.ofMinutes(1 + random.nextLong(2 * meanMinutes)));
    }

    /** Days without orders, so growth stops and a late dividend pays at the actual growth's scale. */
    private void quietSpell() {
        now = now.plus(Duration.ofDays(5 + random.nextInt(30)));
        tick();
    }

    private String register(String user) {
        ObjectNode c = command("register");
        c.put("user", user);
        if (user.startsWith("u") && random.nextInt(6) == 0 && !candidates.isEmpty()) {
            c.put("referrer", candidates.get(random.nextInt(candidates.size())));
        }
        emit(c);
        return user;
    }

    private void onboard() {
        String id = "m" + merchants.size();
        ObjectNode c = command("merchant");
        c.put("merchant", id).put("owner", pick(owners)).put("region", "440106")
                .put("commissionRate", BigDecimal.valueOf(30_000 + random.nextInt(170_001), 6).toPlainString());
        if (random.nextInt(4) != 0) {
            c.put("recruiter", pick(candidates));
        }
        emit(c);
        merchants.add(id);
    }

    private void storePay() {
        String user = random.nextInt(8) == 0 ? pick(candidates) : pick(consumers);
        long amount = amount();
        ObjectNode c = command("pay");
        String id = "o" + orderCount++;
        c.put("id", id).put("user", user).put("merchant", pick(merchants)).put("amount", GreenRef.money(amount))
                .put("channel", "store");
        long held = ref.balance(user, "USER_VOUCHER");
        int kind = random.nextInt(10);
        if (kind < 2 && held > 0) {
            c.put("voucher", GreenRef.money(Math.min(amount, 1 + random.nextLong(held))));
        } else if (kind == 2) {
            c.put("voucher", GreenRef.money(Math.min(amount, held + 1 + random.nextInt(10_000))));
        }
        emit(c);
        paidOrders.add(id);
    }

    private long amount() {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return 1 + random.nextInt(100);
        }
        if (roll == 1) {
            return 1_000_000 + random.nextInt(5_000_000);
        }
        return 1_000 + random.nextInt(300_000);
    }

    private void coinPay() {
        String user = pick(consumers);
        long held = ref.balance(user, "USER_COIN");
        long coins = held > 0 && random.nextInt(4) != 0 ? 1 + random.nextLong(held) : held + 1 + random.nextInt(1000);
        ObjectNode c = command("pay");
        // Now and then an id already paid, store or coin-mall: one space of ids (issue 20 item 1).
        String id = "c" + orderCount++;
        if (twists.nextInt(6) == 0 && !paidOrders.isEmpty()) {
            id = paidOrders.get(twists.nextInt(paidOrders.size()));
        }
        c.put("id", id).put("user", user).put("merchant", pick(merchants))
                .put("coins", GreenRef.money(coins)).put("channel", "coin");
        emit(c);
        if (ref.isCoinOrder(id) && !paidOrders.contains(id)) {
            paidOrders.add(id);
        }
    }

    /** A refund of an order still waiting for its tick (before settlement) or one already settled (after). */
    private void refund() {
        List<String> open = paidOrders.stream().filter(ref::isPending).toList();
        List<String> done = paidOrders.stream().filter(ref::isSettled).toList();
        List<String> from = !open.isEmpty() && (done.isEmpty() || random.nextBoolean()) ? open : done;
        if (from.isEmpty()) {
            return;
        }
        String order = pick(from);
        paidOrders.remove(order);
        ObjectNode c = command("refund");
        c.put("order", order);
        emit(c);
        refundedOrders.add(order);
        if (twists.nextInt(8) == 0) {
            emit(command("refund").put("order", refundedOrders.get(twists.nextInt(refundedOrders.size())))); // twice
        }
    }

    private void tick() {
        emit(command("tick"));
    }

    /** A promoter appointed mid-month, after some orders of the merchants they recruited were already due. */
    private void appoint() {
        List<String> free = candidates.stream().filter(p -> !appointed.contains(p)).toList();
        if (free.isEmpty()) {
            return;
        }
        String user = pick(free);
        ObjectNode c = command("promoter");
        c.put("user", user);
        if (!appointed.isEmpty() && random.nextInt(4) != 0) {
            c.put("coach", pick(appointed));
        }
        emit(c);
        appointed.add(user);
    }

    /** Usually the next month when it has ended; sometimes a bad close: early, twice or out of order. */
    private void closeSomething() {
        YearMonth next = ref.nextMonthToClose();
        if (next == null) {
            if (random.nextInt(4) == 0) {
                close(YearMonth.from(now.atZone(terms.zone())).minusMonths(1), now);
            }
            return;
        }
        boolean ended = !now.isBefore(ref.monthEnd(next));
        int roll = random.nextInt(10);
        if (roll == 0) {
            close(next.minusMonths(1), now);
        } else if (roll == 1 && ended) {
            close(next.plusMonths(1), now);
        } else if (roll == 2 && !ended) {
            close(next, now);
        } else if (ended) {
            close(next, now);
        }
    }

    private void close(YearMonth month, Instant at) {
        ObjectNode c = command("closeMonth");
        c.put("month", month.toString());
        c.put("at", at.toString());
        emit(c);
    }

    private ObjectNode command(String type) {
        ObjectNode c = GreenRef.JSON.createObjectNode();
        c.put("type", type);
        if (!type.equals("pay")) {
            c.put("id", type + "-" + commandCount++);
        }
        c.put("at", now.toString());
        return c;
    }

    private void emit(ObjectNode c) {
        String line = c.toString();
        lines.add(line);
        ref.apply(line);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
