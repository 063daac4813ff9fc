package org.zengzhi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.engine.plan.PlanReader;
import org.zengzhi.engine.pool.Holder;

/**
 * jqwik generators of random order flows (SPEC) over the shipped presets (plans/local-life.yaml,
 * plans/mall.yaml) and a few variants of them. A flow is a list of {@link Step}s, intentions such as "user
 * 7 pays merchant 2 in the store" or "refund the 5th order", resolved into concrete commands by running
 * them through a {@link FlowReference}: so refunds and receipts hit real orders, deductions spend real
 * DEDUCT balances, and jqwik can still shrink the steps. Invalid commands of every kind are mixed in.
 */
final class FlowStreams {
    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    static final String[] DISTRICTS = {"440106", "440103", "440305", "330106", "330102"};
    static final String[] CITIES = {"440100", "440300", "330100"};
    static final String[] PROVINCES = {"440000", "330000"};
    static final String[] AGENT_REGIONS = {"440106", "440103", "440305", "330106", "330102", "440100", "440300",
        "330100", "440000", "330000"};
    private static final String TOO_LONG = "x".repeat(Limits.PARTICIPANT_ID_LENGTH_MAX + 1);

    /** The plans flows run under: the two shipped presets and variants of them. */
    enum Variant {
        /** plans/local-life.yaml as shipped: double points, mall deduction and merchant rebate on. */
        LOCAL_LIFE("local-life.yaml", ""),
        /** plans/mall.yaml as shipped. */
        MALL("mall.yaml", ""),
        /** local life with effective rewards taken back on a refund after settlement. */
        LOCAL_LIFE_CLAW_BACK("local-life.yaml", "refundAfterSettlement: claw-back-rewards\n"),
        /** the mall with member tiers that override direct/indirect rates and pay CONTRIB, plus claw-back. */
        MALL_TIERS("mall.yaml", """
                refundAfterSettlement: claw-back-rewards
                tiers:
                  - {name: member, rebate: 1%}
                  - {name: silver, minSpend: 500.00, minInvitees: 1, rebate: 5%, direct: 0.5%}
                  - {name: gold, minSpend: 2000.00, minInvitees: 2, rebate: 12%, direct: 0.8%, indirect: 0.3%}
                """),
        /** seed 000-like: 8% first-order reward, a wide store budget, store orders settle a day later, 30-day receipt. */
        FIRST_ORDER_SLOW("local-life.yaml", """
                split:
                  store: {platform: 10%, distribution: 60%, pool: 30%}
                settlement: {storeDays: 1, mallReturnDays: 7, mallAutoReceiveDays: 30}
                referral: {firstOrder: 8%}
                """),
        /** the mall with double points on, no binding at the first payment and no return window. */
        MALL_DOUBLE_POINTS_NO_BINDING("mall.yaml", """
                deduct: {storeMultiple: 2, mallMax: 50%, merchantRebate: 20%}
                referral: {bindAtFirstPayment: false}
                settlement: {mallReturnDays: 0}
                """);

        final String preset;
        final String overlay;

        Variant(String preset, String overlay) {
            this.preset = preset;
            this.overlay = overlay;
        }
    }

    private static final Map<Variant, Plan> PLANS = new EnumMap<>(Variant.class);

    static synchronized Plan plan(Variant variant) {
        return PLANS.computeIfAbsent(variant, v -> {
            try {
                Map<String, Object> tree = PlanYaml.preset(v.preset);
                merge(tree, PlanYaml.parse(v.overlay));
                PlanCheck check = PlanReader.read(tree);
                if (!check.valid()) {
                    throw new IllegalStateException(v + ": " + check.errors());
                }
                return check.plan();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> overlay) {
        for (Map.Entry<String, Object> entry : overlay.entrySet()) {
            Object mine = into.get(entry.getKey());
            if (mine instanceof Map && entry.getValue() instanceof Map) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) mine);
                merge(copy, (Map<String, Object>) entry.getValue());
                into.put(entry.getKey(), copy);
            } else {
                into.put(entry.getKey(), entry.getValue());
            }
        }
    }

    /** One generated flow: the plan variant, the steps and the commands they resolved to. */
    record Flow(Variant variant, int users, List<Step> steps, List<Command> commands) {
        Plan plan() {
            return FlowStreams.plan(variant);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("Flow[" + variant + ", " + users + " users, " + commands.size()
                    + " commands]");
            for (Command command : commands) {
                out.append("\n  ").append(command);
            }
            return out.toString();
        }
    }

    sealed interface Step {
    }

    /** Register candidate {@code who} under candidate {@code ref} (−1: no referrer). */
    record Register(int who, int ref) implements Step {
    }

    /** Onboard merchant slot {@code shop}; owner a candidate or (negative) a fresh owner; rate −1 = default. */
    record Onboard(int shop, int owner, int recruiter, int region, long ratePpm) implements Step {
    }

    record Suspend(int shop, boolean suspended, boolean reason) implements Step {
    }

    record Appoint(int who, int region) implements Step {
    }

    record Remove(int region) implements Step {
    }

    record Reassign(int who, int ref, boolean reason) implements Step {
    }

    /** region −1 (the usual case): none given; else a region code sent along with a store payment. */
    record Store(int who, int shop, long amount, int lagSeconds, int region) implements Step {
    }

    /** shop −1: no merchant; splitMode 0 plan, 1 own exact split; deductMode 0 none, 1 valid, 2 too much; region −1 none. */
    record Mall(int who, int shop, long amount, int splitMode, int deductMode, int deductPpm, int region)
            implements Step {
    }

    record Receipt(int order, int lagSeconds) implements Step {
    }

    record Refund(int order, int lagSeconds) implements Step {
    }

    record Tick(long seconds) implements Step {
    }

    record Sell(int who, int fractionPpm) implements Step {
    }

    record Subsidy(long amount) implements Step {
    }

    /** An invalid command of kind {@code kind}, with {@code a} to pick its target. */
    record Junk(int kind, int a) implements Step {
    }

    static final int JUNK_KINDS = 27;

    // ----- arbitraries -----

    static Arbitrary<Flow> flows() {
        return Combinators.combine(Arbitraries.of(Variant.class), Arbitraries.integers().between(5, 40),
                Arbitraries.integers().between(1, 6), setupSteps(), mainSteps())
                .as((variant, users, shops, setup, main) -> {
                    List<Step> steps = new ArrayList<>(setup);
                    steps.addAll(main);
                    return build(variant, users, shops, steps);
                });
    }

    private static Arbitrary<List<Step>> setupSteps() {
        Arbitrary<Step> register = Combinators.combine(Arbitraries.integers().between(0, 39),
                Arbitraries.integers().between(-3, 39)).as(Register::new);
        return Arbitraries.frequencyOf(Tuple.of(6, register), Tuple.of(2, onboard()), Tuple.of(1, appoint()))
                .list().ofMinSize(5).ofMaxSize(50);
    }

    private static Arbitrary<List<Step>> mainSteps() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 39);
        Arbitrary<Integer> shop = Arbitraries.integers().between(0, 5);
        Arbitrary<Integer> lag = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0, 600)),
                Tuple.of(1, Arbitraries.integers().between(-7200, -1)));
        Arbitrary<Integer> storeRegion = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(-1)),
                Tuple.of(1, Arbitraries.integers().between(0, AGENT_REGIONS.length)));
        Arbitrary<Step> store = Combinators.combine(who, shop, amounts(), lag, storeRegion).as(Store::new);
        Arbitrary<Step> mall = Combinators.combine(who, Arbitraries.integers().between(-2, 5), amounts(),
                Arbitraries.integers().between(0, 1), Arbitraries.frequency(Tuple.of(3, 0), Tuple.of(4, 1), Tuple.of(1, 2)),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(-4, 9)).as(Mall::new);
        Arbitrary<Step> receipt = Combinators.combine(Arbitraries.integers().between(0, 1000), lag).as(Receipt::new);
        Arbitrary<Step> refund = Combinators.combine(Arbitraries.integers().between(0, 1000), lag).as(Refund::new);
        Arbitrary<Step> tick = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(60, 3600)),
                Tuple.of(3, Arbitraries.longs().between(3600, 3 * 86400)),
                Tuple.of(4, Arbitraries.longs().between(3 * 86400, 30 * 86400L))).map(Tick::new);
        Arbitrary<Step> reassign = Combinators.combine(who, who, Arbitraries.frequency(Tuple.of(5, true),
                Tuple.of(1, false))).as(Reassign::new);
        Arbitrary<Step> suspend = Combinators.combine(shop, Arbitraries.frequency(Tuple.of(1, true), Tuple.of(2, false)),
                Arbitraries.frequency(Tuple.of(5, true), Tuple.of(1, false))).as(Suspend::new);
        Arbitrary<Step> remove = Arbitraries.integers().between(0, AGENT_REGIONS.length - 1).map(Remove::new);
        Arbitrary<Step> sell = Combinators.combine(who, Arbitraries.frequency(Tuple.of(3, 1_000_000),
                Tuple.of(5, 300_000), Tuple.of(2, 1))).as(Sell::new);
        Arbitrary<Step> subsidy = Arbitraries.longs().between(1, 4_000_000).map(Subsidy::new);
        Arbitrary<Step> junk = Combinators.combine(Arbitraries.integers().between(0, JUNK_KINDS - 1),
                Arbitraries.integers().between(0, 1000)).as(Junk::new);
        Arbitrary<Step> register = Combinators.combine(who, Arbitraries.integers().between(-3, 39)).as(Register::new);
        return Arbitraries.frequencyOf(
                Tuple.of(14, store), Tuple.of(8, mall), Tuple.of(4, receipt), Tuple.of(4, refund), Tuple.of(8, tick),
                Tuple.of(2, register), Tuple.of(1, onboard()), Tuple.of(2, appoint()), Tuple.of(1, remove),
                Tuple.of(1, reassign), Tuple.of(1, suspend), Tuple.of(2, sell), Tuple.of(3, subsidy),
                Tuple.of(3, junk)).list().ofMinSize(10).ofMaxSize(300);
    }

    private static Arbitrary<Step> onboard() {
        Arbitrary<Long> rate = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just(-1L)),
                Tuple.of(4, Arbitraries.longs().between(30_000, 200_000)),
                Tuple.of(1, Arbitraries.of(30_000L, 200_000L, 29_999L, 200_001L)));
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(-3, 39),
                Arbitraries.integers().between(-8, 39), Arbitraries.integers().between(0, 7), rate).as(Onboard::new);
    }

    private static Arbitrary<Step> appoint() {
        return Combinators.combine(Arbitraries.integers().between(-4, 39),
                Arbitraries.integers().between(0, AGENT_REGIONS.length - 1)).as(Appoint::new);
    }

    static Arbitrary<Long> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(100, 300_000)),
                Tuple.of(3, Arbitraries.longs().between(1, 99)),
                Tuple.of(3, Arbitraries.longs().between(300_000, 5_000_000)),
                Tuple.of(1, Arbitraries.longs().between(5_000_000, 2_000_000_000L)),
                Tuple.of(1, Arbitraries.longs().between(Limits.AMOUNT_FEN_MAX - 1_000, Limits.AMOUNT_FEN_MAX)));
    }

    // ----- resolution -----

    /** Resolves steps into commands against a reference that runs them as they are built. */
    static Flow build(Variant variant, int users, int shops, List<Step> steps) {
        Resolver resolver = new Resolver(plan(variant), users, shops);
        List<Command> commands = new ArrayList<>();
        for (Step step : steps) {
            Command command = resolver.resolve(step);
            if (command != null) {
                resolver.reference.execute(command);
                commands.add(command);
            }
        }
        // a last tick far ahead settles what is left, then a few refunds after settlement
        Command last = new Command.Tick("tick-end", resolver.at(0).plus(java.time.Duration.ofDays(45)));
        resolver.reference.execute(last);
        commands.add(last);
        for (int i = 0; i < 3 && !resolver.reference.orders().isEmpty(); i++) {
            Command refund = new Command.RefundOrder("refund-end" + i, resolver.at(0),
                    resolver.order(steps.size() * 7 + i * 13));
            resolver.reference.execute(refund);
            commands.add(refund);
        }
        return new Flow(variant, users, steps, commands);
    }

    private static final class Resolver {
        final FlowReference reference;
        final int users;
        final int shops;
        int next;

        Resolver(Plan plan, int users, int shops) {
            this.reference = new FlowReference(plan, RegionDirectory.STANDARD);
            this.users = users;
            this.shops = shops;
        }

        String id(String prefix) {
            return prefix + next++;
        }

        Instant at(int lagSeconds) {
            return reference.clock().equals(Instant.EPOCH) ? START.plusSeconds(Math.max(0, lagSeconds))
                    : reference.clock().plusSeconds(lagSeconds);
        }

        String user(int index) {
            return "u" + Math.floorMod(index, users);
        }

        String shopSlot(int index) {
            return "m" + Math.floorMod(index, shops);
        }

        /** An onboarded merchant if there is one, else a slot that may not exist. */
        String shop(int index) {
            List<String> known = reference.merchantIds();
            return known.isEmpty() ? shopSlot(index) : known.get(Math.floorMod(index, known.size()));
        }

        String order(int index) {
            List<FlowReference.Ord> orders = reference.orders();
            return orders.isEmpty() ? "nope" : orders.get(Math.floorMod(index, orders.size())).id;
        }

        Command resolve(Step step) {
            if (step instanceof Register r) {
                // mostly the next candidate not seen yet, under someone known; now and then a known one again
                List<String> fresh = new ArrayList<>();
                List<String> known = new ArrayList<>();
                for (int i = 0; i < users; i++) {
                    (reference.knowsUser(user(i)) ? known : fresh).add(user(i));
                }
                if (fresh.isEmpty() && r.who() % 10 != 9) {
                    return null;
                }
                String who = fresh.isEmpty() || r.who() % 10 == 9 ? user(r.who())
                        : fresh.get(Math.floorMod(r.who(), fresh.size()));
                String referrer = r.ref() < 0 || known.isEmpty() ? null : r.ref() % 13 == 12 ? "ghost"
                        : known.get(Math.floorMod(r.ref(), known.size()));
                return new Command.RegisterUser(id("reg"), at(0), who, referrer);
            }
            if (step instanceof Onboard o) {
                String owner = o.owner() < 0 ? "owner" + (-o.owner()) : user(o.owner());
                String recruiter = o.recruiter() < -4 ? null : o.recruiter() < 0 ? "scout" + (-o.recruiter())
                        : user(o.recruiter());
                String region = o.region() < DISTRICTS.length ? DISTRICTS[o.region()]
                        : o.region() == 7 ? "440199" : CITIES[o.region() - DISTRICTS.length];
                int onboarded = reference.merchantIds().size();
                if (onboarded >= shops && o.shop() != 5) {
                    return null;
                }
                String slot = onboarded < shops && o.shop() != 5 ? shopSlot(onboarded) : shopSlot(o.shop());
                return new Command.OnboardMerchant(id("onb"), at(0), slot, owner, recruiter, region,
                        o.ratePpm());
            }
            if (step instanceof Suspend s) {
                return new Command.SuspendMerchant(id("sus"), at(0), shop(s.shop()), s.suspended(),
                        s.reason() ? "report " + next : " ");
            }
            if (step instanceof Appoint a) {
                String who = a.who() < 0 ? "agent" + (-a.who()) : user(a.who());
                return new Command.AppointAgent(id("app"), at(0), who, AGENT_REGIONS[a.region()]);
            }
            if (step instanceof Remove r) {
                return new Command.RemoveAgent(id("rem"), at(0), AGENT_REGIONS[r.region()]);
            }
            if (step instanceof Reassign r) {
                return new Command.ReassignReferrer(id("rea"), at(0), user(r.who()), user(r.ref()),
                        r.reason() ? "report " + next : null);
            }
            if (step instanceof Store s) {
                String region = s.region() < 0 ? null : s.region() < AGENT_REGIONS.length ? AGENT_REGIONS[s.region()]
                        : "999999";
                return new Command.PayOrder(id("s"), at(s.lagSeconds()), user(s.who()), shop(s.shop()), Channel.STORE,
                        s.amount(), 0, null, region);
            }
            if (step instanceof Mall m) {
                return mall(m);
            }
            if (step instanceof Receipt r) {
                List<String> waiting = reference.orders().stream().filter(o -> o.channel == Channel.MALL
                        && o.status == FlowReference.Status.PAID && !o.received).map(o -> o.id).toList();
                String order = waiting.isEmpty() || r.order() % 8 == 7 ? order(r.order())
                        : waiting.get(Math.floorMod(r.order(), waiting.size()));
                return new Command.ConfirmReceipt(id("rcv"), at(r.lagSeconds()), order);
            }
            if (step instanceof Refund r) {
                return new Command.RefundOrder(id("ref"), at(r.lagSeconds()), order(r.order()));
            }
            if (step instanceof Tick t) {
                return new Command.Tick(id("tick"), at(0).plusSeconds(t.seconds()));
            }
            if (step instanceof Sell s) {
                List<Holder> holders = reference.holders().stream().filter(h -> h.pointsMicro() > 0).toList();
                if (holders.isEmpty()) {
                    return new Command.SellPoints(id("sell"), at(0), user(s.who()), 1);
                }
                Holder holder = holders.get(Math.floorMod(s.who(), holders.size()));
                long quantity = Math.max(1, FlowReference.floor(holder.pointsMicro(), s.fractionPpm(), 1_000_000));
                return new Command.SellPoints(id("sell"), at(0), holder.participant(), quantity);
            }
            if (step instanceof Subsidy s) {
                // small amounts as given; from 1 000 000 fen on, a pump of 1–4 times the pool cash (forced exits)
                long amount = s.amount() < 1_000_000 || reference.poolCash() == 0 ? s.amount()
                        : reference.poolCash() * (1 + s.amount() % 4);
                return new Command.InjectSubsidy(id("sub"), at(0), amount);
            }
            return junk((Junk) step);
        }

        private Command mall(Mall m) {
            long amount = m.amount();
            String who = user(m.who());
            String merchant = m.shop() < 0 ? null : shop(m.shop());
            MallSplitFen split = null;
            if (m.splitMode() == 1) {
                long cost = amount * 3 / 10;
                long distribution = amount / 4;
                long pool = amount / 3;
                split = new MallSplitFen(cost, distribution, amount - cost - distribution - pool, pool);
            }
            String region = m.region() < 0 ? null : AGENT_REGIONS[m.region()];
            long deduct = 0;
            long max = reference.plan().deduct().mallMaxPpm();
            long balance = reference.balance(AccountType.USER_DEDUCT, who);
            if (m.deductMode() == 1 && max > 0 && max < 1_000_000 && balance > 0) {
                // the most deduction allowed: d ≤ max·(A + d), i.e. d ≤ ⌊A·max / (10⁶ − max)⌋
                long allowed = FlowReference.floor(amount, max, 1_000_000 - max);
                deduct = Math.min(balance, FlowReference.floor(allowed, m.deductPpm(), 1_000_000));
            } else if (m.deductMode() == 2) {
                deduct = m.deductPpm() % 2 == 0 ? balance + 1 : amount * 2 + 1;
            }
            return new Command.PayOrder(id("mall"), at(0), who, merchant, Channel.MALL, amount, deduct, split, region);
        }

        private Command junk(Junk j) {
            Instant at = at(0);
            String who = user(j.a());
            String shop = shop(j.a());
            return switch (j.kind()) {
                case 0 -> new Command.PayOrder(id("j"), at, who, shop, Channel.STORE, 0, 0, null, null);
                case 1 -> new Command.PayOrder(id("j"), at, who, shop, Channel.STORE, -5, 0, null, null);
                case 2 -> new Command.PayOrder(id("j"), at, who, shop, Channel.STORE, Limits.AMOUNT_FEN_MAX + 1, 0, null,
                        null);
                case 3 -> new Command.PayOrder(id("j"), at, j.a() % 2 == 0 ? "" : TOO_LONG, shop, Channel.STORE, 100, 0,
                        null, null);
                case 4 -> new Command.PayOrder(order(j.a()), at, who, shop, Channel.STORE, 100, 0, null, null);
                case 5 -> new Command.PayOrder(id("j"), at, who, null, Channel.STORE, 100, 0, null, null);
                case 6 -> new Command.PayOrder(id("j"), at, who, "no-such-shop", Channel.MALL, 100, 0, null, null);
                case 7 -> new Command.PayOrder(id("j"), at, who, shop, Channel.STORE, 100, 0,
                        new MallSplitFen(25, 25, 25, 25), null);
                case 8 -> new Command.PayOrder(id("j"), at, who, shop, Channel.STORE, 100, 10, null, null);
                case 9 -> new Command.PayOrder(id("j"), at, who, null, Channel.MALL, 100, 0,
                        new MallSplitFen(30, 30, 10, j.a() % 2 == 0 ? 31 : -1), null);
                case 10 -> new Command.PayOrder(id("j"), at, who, null, Channel.MALL, 100, 0, null, "999999");
                case 11 -> new Command.PayOrder(id("j"), at, who, null, Channel.MALL, 100, -1, null, null);
                case 12 -> new Command.ConfirmReceipt(id("j"), at, "no-such-order");
                case 13 -> new Command.ConfirmReceipt(id("j"), at, order(j.a()));
                case 14 -> new Command.RefundOrder(id("j"), at, j.a() % 2 == 0 ? "no-such-order" : null);
                case 15 -> new Command.RegisterUser(id("j"), at, j.a() % 2 == 0 ? null : TOO_LONG, null);
                case 16 -> new Command.RegisterUser(id("j"), at, "late" + j.a(), "no-such-user");
                case 17 -> new Command.OnboardMerchant(id("j"), at, j.a() % 2 == 0 ? "" : null, who, null, "440106", -1);
                case 18 -> new Command.OnboardMerchant(id("j"), at, "mx" + j.a(), who, null, j.a() % 2 == 0 ? null
                        : "000000", -1);
                case 19 -> new Command.OnboardMerchant(id("j"), at, "mx" + j.a(), "", null, "440106", -1);
                case 20 -> new Command.SuspendMerchant(id("j"), at, j.a() % 2 == 0 ? "no-such-shop" : null, true, "r");
                case 21 -> new Command.AppointAgent(id("j"), at, who, j.a() % 2 == 0 ? "123456" : null);
                case 22 -> new Command.RemoveAgent(id("j"), at, j.a() % 3 == 0 ? null : "440183");
                case 23 -> new Command.ReassignReferrer(id("j"), at, j.a() % 2 == 0 ? "nobody" : who,
                        j.a() % 2 == 0 ? who : "nobody", "r");
                case 24 -> new Command.SellPoints(id("j"), at, who, j.a() % 2 == 0 ? 0 : -1);
                // large parts whose sum still fits a long (a sum past Long.MAX_VALUE: FlowDisagreementTest)
                case 25 -> new Command.PayOrder(id("j"), at, who, null, Channel.MALL, 100, 0,
                        new MallSplitFen(Long.MAX_VALUE / 2, j.a() % 2 == 0 ? Long.MAX_VALUE / 2 : 1, 0, 0), null);
                default -> new Command.InjectSubsidy(id("j"), at, j.a() % 2 == 0 ? 0 : Limits.AMOUNT_FEN_MAX + 1);
            };
        }
    }
}
