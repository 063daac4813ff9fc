package org.zengzhi.cli.partyref;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of four-party command logs (issue 18, "How it is checked"): users with referrers,
 * promoters with credit scores on both sides of 600, suppliers, products (some dear enough that a consumer
 * reaches gold), payments (some from one shared device and IP, some partly paid with CONTRIB, some naming a
 * promoter), refunds before and after settlement, transfers, redemptions, ratings, ticks, escrow statements,
 * month closes and bad commands. Suppliers' baselines are far above their sales and they pay no deposit, so
 * rule 4's bonuses and penalties move no money that the reference (rules 1–3, 5) would have to know.
 */
final class PartyLogGenerator {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MONTHS = 4;

    private final Random random;
    private final boolean promoters;
    private final List<String> lines = new ArrayList<>();
    private final List<String> orderIds = new ArrayList<>();
    private int users;
    private int products;

    private PartyLogGenerator(long seed, boolean promoters) {
        this.random = new Random(seed);
        this.promoters = promoters;
    }

    /** A log for {@code seed}; {@code promoters} false gives a promoter-less log (no scores, no promoter). */
    static String log(long seed, boolean promoters, int steps) {
        return new PartyLogGenerator(seed, promoters).generate(steps);
    }

    private String generate(int steps) {
        users = 6 + random.nextInt(10);
        for (int u = 0; u < users; u++) {
            String referrer = u > 0 && random.nextInt(3) > 0 ? ",\"referrer\":\"u" + random.nextInt(u) + "\"" : "";
            add("{\"type\":\"register\",\"user\":\"u" + u + "\"" + referrer + (u == 0 ? ",\"at\":\"" + START + "\"" : "")
                    + "}");
        }
        for (int u = 0; promoters && u < users; u++) {
            if (random.nextInt(2) == 0) {
                add("{\"type\":\"creditScore\",\"user\":\"u" + u + "\",\"score\":" + (450 + random.nextInt(300)) + "}");
            }
        }
        int suppliers = 1 + random.nextInt(3);
        for (int s = 0; s < suppliers; s++) {
            add("{\"type\":\"supplier\",\"supplier\":\"s" + s + "\",\"baseline\":\"90000000.00\"}");
        }
        products = 2 + random.nextInt(4);
        for (int p = 0; p < products; p++) {
            long price = p == 0 ? 250_000 + random.nextInt(100_000) : 100 + random.nextInt(60_000);
            add("{\"type\":\"product\",\"product\":\"p" + p + "\",\"supplier\":\"s" + random.nextInt(suppliers)
                    + "\",\"price\":\"" + PartyReference.money(price) + "\"}");
        }
        Instant at = START;
        Instant end = START.atZone(ZoneOffset.UTC).plusMonths(MONTHS).toInstant();
        Duration stepMean = Duration.between(START, end).dividedBy(steps);
        YearMonth open = YearMonth.from(START.atZone(ZoneOffset.UTC));
        for (int step = 0; step < steps; step++) {
            at = at.plusSeconds(600 + (long) (random.nextDouble() * 2 * stepMean.toSeconds()));
            while (!at.isBefore(open.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
                Instant closeAt = open.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                add("{\"type\":\"tick\",\"at\":\"" + closeAt + "\"}");
                add("{\"type\":\"closeMonth\",\"at\":\"" + closeAt + "\",\"month\":\"" + open + "\"}");
                open = open.plusMonths(1);
            }
            boolean monthEndNear = !at.plusSeconds(600).isBefore(
                    open.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            step(at, monthEndNear);
        }
        return String.join("\n", lines) + "\n";
    }

    private void step(Instant at, boolean monthEndNear) {
        int roll = random.nextInt(100);
        String user = "u" + random.nextInt(users);
        if (roll < 5 && !monthEndNear) {
            // A burst from one device and IP within minutes: the 4th is flagged (rule 6), its rewards held.
            for (int order = 0; order < 4; order++) {
                pay(at.plusSeconds(60L * order), "u" + random.nextInt(users), true);
            }
        } else if (roll < 50) {
            pay(at, user, random.nextInt(4) == 0);
        } else if (roll < 58 && !orderIds.isEmpty()) {
            add("{\"type\":\"refund\",\"at\":\"" + at + "\",\"order\":\"" + pick(orderIds) + "\"}");
        } else if (roll < 66) {
            add("{\"type\":\"transfer\",\"user\":\"" + user + "\",\"to\":\"u" + random.nextInt(users)
                    + "\",\"amount\":\"" + PartyReference.money(1 + random.nextInt(3_000)) + "\"}");
        } else if (roll < 73) {
            add("{\"type\":\"redeem\",\"user\":\"" + user + "\",\"amount\":\""
                    + PartyReference.money(1 + random.nextInt(2_000)) + "\"}");
        } else if (roll < 78) {
            add("{\"type\":\"rate\",\"user\":\"" + user + "\",\"product\":\"p" + random.nextInt(products)
                    + "\",\"rating\":\"" + PartyReference.money(300 + random.nextInt(201)) + "\"}");
        } else if (roll < 90) {
            add("{\"type\":\"tick\",\"at\":\"" + at + "\"}");
        } else if (roll < 94) {
            add("{\"type\":\"escrowStatement\",\"at\":\"" + at + "\",\"balance\":\"0.00\"}");
        } else {
            bad(at, user);
        }
    }

    private void pay(Instant at, String user, boolean shared) {
        String id = "o" + orderIds.size();
        orderIds.add(id);
        String device = shared ? "d-shared" : "d-" + id;
        String ip = shared ? "10.0.0.1" : "10.1." + (orderIds.size() / 250) + "." + (orderIds.size() % 250);
        StringBuilder line = new StringBuilder("{\"type\":\"pay\",\"id\":\"" + id + "\",\"at\":\"" + at
                + "\",\"user\":\"" + user + "\",\"product\":\"p" + random.nextInt(products) + "\"");
        if (random.nextInt(4) == 0) {
            line.append(",\"quantity\":").append(2 + random.nextInt(3));
        }
        if (random.nextInt(5) == 0) {
            line.append(",\"contrib\":\"").append(PartyReference.money(1 + random.nextInt(500))).append('"');
        }
        if (promoters && random.nextInt(3) == 0) {
            line.append(",\"promoter\":\"u").append(random.nextInt(users)).append('"');
        }
        add(line.append(",\"device\":\"").append(device).append("\",\"ip\":\"").append(ip).append("\"}").toString());
    }

    /** Commands that must be rejected and change nothing. */
    private void bad(Instant at, String user) {
        switch (random.nextInt(4)) {
            case 0 -> add("{\"type\":\"pay\",\"id\":\"bad" + lines.size() + "\",\"at\":\"" + at + "\",\"user\":\""
                    + user + "\",\"product\":\"nope\",\"device\":\"d\",\"ip\":\"i\"}");
            case 1 -> add("{\"type\":\"refund\",\"at\":\"" + at + "\",\"order\":\"nope" + lines.size() + "\"}");
            case 2 -> add("{\"type\":\"transfer\",\"user\":\"" + user + "\",\"to\":\"" + user + "\",\"amount\":\"1.00\"}");
            default -> add("{\"type\":\"redeem\",\"user\":\"" + user + "\",\"amount\":\"99999999.00\"}");
        }
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private void add(String line) {
        lines.add(line);
    }
}
