package org.zengzhi.simulator.party;

import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.zengzhi.engine.Units;

import tools.jackson.databind.JsonNode;

/**
 * Writes a four-party scenario as a command log (docs/replay.md) month by month and runs each line through the
 * engine as it goes. Month k's orders are paid over its first 24 hours, refunds come on day 3; on day 12 of
 * month k+1 the orders are due (30 + 7 days) and a tick settles them, the operator verifies flagged orders,
 * consumers redeem, suppliers buy the data service, the operating cost is entered, the custody provider's
 * statement is reconciled, and month k+1 closes (December: the year too). The P&L months are the scenario's
 * {@code months} months after {@code start}. Same scenario and seed, same log, same figures.
 */
public final class PartySimulation {
    private static final int SETTLE_DAY = 12;
    private static final int REFUND_DAY = 3;

    private final PartyScenario scenario;
    private final PartyRun run;
    private final SplittableRandom random;
    private final Map<String, long[]> suppliers = new LinkedHashMap<>();
    private final List<JsonNode> equityPools = new ArrayList<>();
    /** Per payment month: prepaid at payment, clawed back by refunds. */
    private final Map<YearMonth, long[]> prepaidOf = new HashMap<>();
    private final Map<String, String> supplierOf = new HashMap<>();

    private PartySimulation(PartyScenario scenario, boolean keepLog) {
        this.scenario = scenario;
        this.run = new PartyRun(scenario.plan(), keepLog);
        this.random = new SplittableRandom(scenario.seed());
    }

    /** Runs the scenario; {@code keepLog} keeps the command log for the report. */
    public static PartyResult run(PartyScenario scenario, boolean keepLog) {
        return new PartySimulation(scenario, keepLog).all();
    }

    private PartyResult all() {
        setUp();
        List<PartyMonth> months = new ArrayList<>();
        List<String> previousOrders = List.of();
        Set<String> previousFlagged = Set.of();
        Set<String> previousRefunded = Set.of();
        int[] counts = new int[3];
        for (int k = 0; k <= scenario.months(); k++) {
            YearMonth month = scenario.start().plusMonths(k);
            long[] paid = new long[2];
            List<String> orders = new ArrayList<>();
            Set<String> flagged = new HashSet<>();
            Set<String> refunded = new HashSet<>();
            if (k < scenario.months()) {
                pay(month, orders, flagged, paid);
                refund(month, orders, refunded, paid);
            }
            if (k >= 1) {
                months.add(closeMonth(month, previousOrders, previousFlagged, previousRefunded, counts));
            }
            counts = new int[] { orders.size(), flagged.size(), refunded.size() };
            previousOrders = orders;
            previousFlagged = flagged;
            previousRefunded = refunded;
            prepaidOf.put(month, paid);
        }
        JsonNode state = run.state();
        List<PartySupplier> rows = new ArrayList<>();
        for (Map.Entry<String, long[]> supplier : suppliers.entrySet()) {
            long[] sums = supplier.getValue();
            rows.add(new PartySupplier(supplier.getKey(), sums[0], sums[1], sums[2], sums[3],
                    balance(state, supplier.getKey(), "SUPPLIER_CASH"), balance(state, supplier.getKey(), "SUPPLIER_RECEIVABLE"),
                    balance(state, supplier.getKey(), "SUPPLIER_DEPOSIT"), balance(state, supplier.getKey(), "SUPPLIER_STOKEN")));
        }
        return new PartyResult(scenario, months, rows, equityPools, run.rejected(), state, run.log());
    }

    private void setUp() {
        Instant at = instant(scenario.start(), 1, 0);
        PartyScenario.Promoters promoters = scenario.promoters();
        for (int p = 0; p < promoters.count(); p++) {
            if (promoters.leaders() > 0) {
                run.exec(p < promoters.leaders() ? line("register", "user", promoter(p))
                        : line("register", "user", promoter(p), "referrer", promoter(p % promoters.leaders())));
            }
            int score = random.nextInt(1_000_000) < promoters.lowScorePpm() ? promoters.lowScore() : promoters.creditScore();
            run.exec(line("creditScore", "at", at, "user", promoter(p), "score", score));
        }
        PartyScenario.Suppliers s = scenario.suppliers();
        for (int i = 0; i < s.count(); i++) {
            run.exec(line("supplier", "supplier", supplier(i), "baseline", Units.formatFen(s.baselineFen()), "deposit",
                    Units.formatFen(s.depositFen())));
            run.exec(line("product", "product", "p-" + supplier(i), "supplier", supplier(i), "price",
                    Units.formatFen(s.priceFen()), "cost", Units.formatFen(s.costFen())));
            suppliers.put(supplier(i), new long[4]);
        }
    }

    /** The month's orders, spread evenly over its first 24 hours; farm consumers share a device and an IP. */
    private void pay(YearMonth month, List<String> orders, Set<String> flagged, long[] paid) {
        PartyScenario.Consumers consumers = scenario.consumers();
        int total = consumers.count() * consumers.ordersPerMonth();
        long farmCount = (long) consumers.count() * scenario.risk().farmPpm() / 1_000_000;
        int i = 0;
        for (int c = 0; c < consumers.count(); c++) {
            if (Thread.currentThread().isInterrupted()) { // the console's time cap (SimulationRuns) stops a run here
                throw new java.util.concurrent.CancellationException("the simulation was stopped");
            }
            String device = c < farmCount ? "farm-" + c / scenario.risk().farmSize() : "d-" + c;
            for (int j = 0; j < consumers.ordersPerMonth(); j++) {
                String id = "o-" + month + "-" + c + "-" + j;
                Instant at = instant(month, 1, 0).plusSeconds((long) i * 86_400 / total);
                i++;
                List<Object> fields = new ArrayList<>(List.of("id", id, "at", at, "user", "c" + c, "product",
                        "p-" + supplier(c % scenario.suppliers().count()), "device", device, "ip", "ip-" + device));
                if (scenario.promoters().count() > 0) {
                    fields.add("promoter");
                    fields.add(promoter(c % scenario.promoters().count()));
                }
                for (JsonNode event : run.exec(line("pay", fields.toArray()))) {
                    if (is(event, "partyPaid")) {
                        orders.add(id);
                        long prepaid = PartyFigures.fen(event.get("prepaid"));
                        paid[0] += prepaid;
                        suppliers.get(event.get("supplier").asString())[1] += prepaid;
                        supplierOf.put(id, event.get("supplier").asString());
                        if (!"CLEAR".equals(event.get("risk").asString())) {
                            flagged.add(id);
                        }
                    }
                }
            }
        }
    }

    private void refund(YearMonth month, List<String> orders, Set<String> refunded, long[] paid) {
        int ppm = scenario.consumers().refundPpm();
        if (ppm == 0) {
            return;
        }
        Instant at = instant(month, REFUND_DAY, 0);
        for (String order : orders) {
            if (random.nextInt(1_000_000) < ppm) {
                for (JsonNode event : run.exec(line("refund", "at", at, "order", order))) {
                    if (is(event, "partyRefunded")) {
                        refunded.add(order);
                        paid[1] += PartyFigures.fen(event.get("clawedBack"));
                        suppliers.get(supplierOf.get(order))[3] += PartyFigures.fen(event.get("clawedBack"));
                    }
                }
            }
        }
    }

    private PartyMonth closeMonth(YearMonth month, List<String> paidLastMonth, Set<String> flagged,
            Set<String> refunded, int[] counts) {
        Instant tick = instant(month, SETTLE_DAY, 0);
        long settled = 0;
        long held = 0;
        long withheld = 0;
        Map<String, Long> rebates = new LinkedHashMap<>();
        for (JsonNode event : run.exec(line("tick", "at", tick))) {
            if (is(event, "partySettled")) {
                long[] sums = suppliers.get(event.get("supplier").asString());
                sums[0] += PartyFigures.fen(event.get("supplierShare"));
                sums[2] += PartyFigures.fen(event.get("supplierSettled"));
                settled += PartyFigures.fen(event.get("supplierSettled"));
                held += PartyFigures.fen(event.get("held"));
                withheld += PartyFigures.fen(event.get("withheld"));
                if (PartyFigures.fen(event.get("held")) == 0) {
                    rebates.merge(event.get("user").asString(), PartyFigures.fen(event.get("rebate")), Long::sum);
                }
            }
        }
        long released = 0;
        long cancelled = 0;
        for (String order : paidLastMonth) {
            if (flagged.contains(order) && !refunded.contains(order)) {
                boolean approve = random.nextInt(1_000_000) < scenario.risk().approvePpm();
                for (JsonNode event : run.exec(line("verify", "order", order, "approve", approve))) {
                    if (is(event, "verified")) {
                        released += PartyFigures.fen(event.get("released"));
                        cancelled += PartyFigures.fen(event.get("cancelled"));
                    }
                }
            }
        }
        long redeemed = 0;
        for (Map.Entry<String, Long> rebate : rebates.entrySet()) {
            if (rebate.getValue() > 0 && random.nextInt(1_000_000) < scenario.consumers().redeemPpm()) {
                for (JsonNode event : run.exec(line("redeem", "user", rebate.getKey(), "amount",
                        Units.formatFen(rebate.getValue())))) {
                    if (is(event, "contribRedeemed")) {
                        redeemed += PartyFigures.fen(event.get("amount"));
                    }
                }
            }
        }
        for (int i = 0; i < scenario.suppliers().count() && scenario.suppliers().dataServiceFen() > 0; i++) {
            run.exec(line("charge", "supplier", supplier(i), "amount", Units.formatFen(scenario.suppliers().dataServiceFen())));
        }
        if (scenario.operatingCostFen() > 0) {
            run.exec(line("cost", "amount", Units.formatFen(scenario.operatingCostFen()), "reason", "operating cost " + month));
        }
        long escrowDifference = 0;
        JsonNode before = run.state();
        long statement = balance(before, null, "CUSTODY_ESCROW");
        for (JsonNode event : run.exec(line("escrowStatement", "at", tick, "balance", Units.formatFen(statement)))) {
            if (is(event, "escrowReconciled")) {
                escrowDifference = PartyFigures.fen(event.get("difference"));
            }
        }
        Map<String, Long> contribBefore = holders(before);
        Instant end = instant(month.plusMonths(1), 1, 0);
        JsonNode closed = null;
        Map<String, Integer> ranks = new TreeMap<>();
        for (JsonNode event : run.exec(line("closeMonth", "at", end, "month", month))) {
            if (is(event, "monthClosed")) {
                closed = event;
            } else if (is(event, "ranksClosed")) {
                ranks = new TreeMap<>();
                for (JsonNode promoter : event.get("promoters")) {
                    ranks.merge(promoter.get("rank").asString(), 1, Integer::sum);
                }
            }
        }
        if (closed == null) {
            throw new IllegalStateException("the engine did not close " + month + "; " + run.rejected() + " commands refused");
        }
        if (month.getMonthValue() == 12) {
            for (JsonNode event : run.exec(line("closeYear", "at", end, "year", String.valueOf(month.getYear())))) {
                if (is(event, "equityPool")) {
                    equityPools.add(event);
                }
            }
        }
        JsonNode after = run.state();
        Map<String, Long> contribAfter = holders(after);
        List<Long> losses = new ArrayList<>();
        for (Map.Entry<String, Long> holder : contribBefore.entrySet()) {
            long loss = holder.getValue() - contribAfter.getOrDefault(holder.getKey(), 0L);
            if (loss > 0) {
                losses.add(loss);
            }
        }
        losses.sort(null);
        long[] paid = prepaidOf.getOrDefault(month.minusMonths(1), new long[2]);
        return new PartyMonth(month.toString(), closed.get("pnl"), closed.get("burn"), counts[0], counts[1], counts[2],
                paid[0], paid[1], settled, held, withheld, released, cancelled, redeemed,
                balance(after, null, "CONTRIB_RESERVE"), -balance(after, null, "CONTRIB_ISSUANCE"),
                balance(after, null, "CUSTODY_ESCROW"), escrowDifference, losses.size(),
                losses.isEmpty() ? 0 : losses.get(losses.size() - 1), losses.isEmpty() ? 0 : losses.get(losses.size() / 2),
                ranks);
    }

    /** Each user's CONTRIB in the state line. */
    private static Map<String, Long> holders(JsonNode state) {
        Map<String, Long> holders = new HashMap<>();
        for (JsonNode balance : state.get("balances")) {
            if (balance.get("account").asString().equals("USER_CONTRIB")) {
                holders.put(balance.get("owner").asString(), PartyFigures.fen(balance.get("amount")));
            }
        }
        return holders;
    }

    /** An account's balance for one owner, or summed over all owners when {@code owner} is null. */
    static long balance(JsonNode state, String owner, String account) {
        long sum = 0;
        for (JsonNode balance : state.get("balances")) {
            if (balance.get("account").asString().equals(account)
                    && (owner == null || owner.equals(balance.get("owner").asString()))) {
                sum += PartyFigures.fen(balance.get("amount"));
            }
        }
        return sum;
    }

    private static boolean is(JsonNode event, String kind) {
        return kind.equals(event.get("event").asString());
    }

    /** A time of the run in the plan's zone, whose calendar months the engine closes ({@link #zone}). */
    private Instant instant(YearMonth month, int day, int hour) {
        return month.atDay(day).atTime(LocalTime.of(hour, 0)).atZone(zone(scenario)).toInstant();
    }

    /** The zone the engine closes four-party months in: the plan's {@code party.timeZone}, Asia/Shanghai by default. */
    public static ZoneId zone(PartyScenario scenario) {
        return scenario.plan().party().timeZone();
    }

    private static String promoter(int p) {
        return "pr" + p;
    }

    private static String supplier(int s) {
        return "s" + s;
    }

    /** One log line; strings quoted (the ids and reasons the simulator writes need no escaping), the rest bare. */
    static String line(String type, Object... fields) {
        StringBuilder line = new StringBuilder(96).append("{\"type\":\"").append(type).append('"');
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            line.append(",\"").append(fields[i]).append("\":");
            if (value instanceof Integer || value instanceof Boolean) {
                line.append(value);
            } else {
                line.append('"').append(value).append('"');
            }
        }
        return line.append('}').toString();
    }
}
