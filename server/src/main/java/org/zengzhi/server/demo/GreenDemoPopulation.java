package org.zengzhi.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.Plan;

/**
 * A living green-points economy (绿色积分, seed 003; issue 20 item 8) for {@code serve --demo} under a plan with
 * {@code greenPoints}: stores in 广州, 深圳, 杭州, 上海 and 北京 recruited by promoters (推广员) with coaches, about 200
 * consumers bound to stores by their first payment, and 61 days of store orders with a daily tick at 00:00 in the
 * plan's zone. The pools start at 1,000,000 and 10,000,000 points of 让利 (plans/green-points.yaml), so besides the
 * everyday orders some customers buy large (企业团购, 300,000–700,000 CNY a day each): the consumer pool starts in
 * the first days and pays every 11 days, the merchant pool starts about day 28 and pays from then on. Consumers
 * spend the vouchers their lots received at stores and their gold coins in the coin mall (金币商城); each month
 * that ends inside the window is closed, so promoters are paid and ranked.
 *
 * <p>Deterministic: the same start time and plan give the same commands. The generator runs its commands on a
 * scratch engine as it goes, so that a voucher or coin payment never asks for more than the payer holds.
 */
public final class GreenDemoPopulation {
    static final int DAYS = 61;
    private static final int CONSUMERS = 200;
    private static final int BULK_BUYERS = 12;
    private static final long SEED = 20_261_001L;
    /** id, region, 让利 rate (ppm), recruiting promoter. */
    private static final String[][] STORES = {
        {"tianhe-organic", "440106", "200000", "promoter-lin"}, {"yuexiu-tea", "440104", "200000", "promoter-lin"},
        {"nanshan-fresh", "440305", "180000", "promoter-wang"}, {"futian-bakery", "440304", "150000", "promoter-wang"},
        {"xihu-tea-house", "330106", "200000", "promoter-zhao"}, {"pudong-market", "310115", "100000", "promoter-chen"},
        {"chaoyang-coffee", "110105", "120000", "promoter-chen"}, {"haidian-books", "110108", "50000", "promoter-chen"},
    };
    /** The stores that take the large orders: the ones with 20% 让利. */
    private static final int[] BULK_STORES = {0, 1, 4};
    /** The store that sells for gold coins (金币商城). */
    private static final String COIN_STORE = "green-coin-mall";

    private final Engine scratch;
    private final EngineOutput out = new EngineOutput();
    private final List<Command> commands = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(SEED);
    private int id;

    private GreenDemoPopulation(Plan plan) {
        this.scratch = new Engine(plan, RegionDirectory.STANDARD);
    }

    /** The demo's commands under {@code plan} (which has green points), ending before {@code now}. */
    public static List<Command> commands(Instant now, Plan plan) {
        GreenDemoPopulation demo = new GreenDemoPopulation(plan);
        demo.generate(now, plan.greenPoints().timeZone());
        return demo.commands;
    }

    private void generate(Instant now, ZoneId zone) {
        LocalDate first = LocalDate.ofInstant(now, zone).minusDays(DAYS);
        Instant start = first.atStartOfDay(zone).toInstant().plus(Duration.ofHours(8));
        people(start);
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = first.plusDays(day);
            Instant opening = date.atStartOfDay(zone).toInstant().plus(Duration.ofHours(9));
            day(opening, day);
            Instant midnight = date.plusDays(1).atStartOfDay(zone).toInstant();
            add(new Command.Tick(next(), midnight));
            if (date.plusDays(1).getDayOfMonth() == 1) {
                add(new Command.CloseMonth(next(), midnight.plusSeconds(60), YearMonth.from(date).toString()));
            }
        }
    }

    private void people(Instant at) {
        add(new Command.RegisterUser(next(), at, "promoter-lin", null));
        add(new Command.RegisterUser(next(), at, "promoter-wang", "promoter-lin"));
        add(new Command.RegisterUser(next(), at, "promoter-zhao", "promoter-lin"));
        add(new Command.RegisterUser(next(), at, "promoter-chen", "promoter-wang"));
        add(new Command.AppointPromoter(next(), at, "promoter-lin", null));
        add(new Command.AppointPromoter(next(), at, "promoter-wang", "promoter-lin"));
        add(new Command.AppointPromoter(next(), at, "promoter-zhao", "promoter-lin"));
        add(new Command.AppointPromoter(next(), at, "promoter-chen", "promoter-wang"));
        for (String[] store : STORES) {
            add(new Command.OnboardMerchant(next(), at, store[0], "owner-" + store[0], store[3], store[1],
                    Long.parseLong(store[2])));
        }
        add(new Command.OnboardMerchant(next(), at, COIN_STORE, "owner-" + COIN_STORE, null, "440106", 30_000));
        List<String> registered = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            String referrer = registered.isEmpty() || random.nextInt(100) < 40 ? null
                    : registered.get(random.nextInt(registered.size()));
            add(new Command.RegisterUser(next(), at, "c" + c, referrer));
            registered.add("c" + c);
        }
    }

    /** One day's orders between 09:00 and 21:00 in the zone, in time order. */
    private void day(Instant opening, int day) {
        int count = 30 + day / 2;
        int[] minutes = new int[count + 3];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = random.nextInt(720);
        }
        java.util.Arrays.sort(minutes);
        for (int i = 0; i < minutes.length; i++) {
            Instant at = opening.plus(Duration.ofMinutes(minutes[i])).plusSeconds(i % 60);
            if (i % (count / 3 + 1) == 0) {
                bulkOrder(at);
            } else {
                storeOrder(at);
            }
        }
    }

    private void bulkOrder(Instant at) {
        String buyer = "c" + random.nextInt(BULK_BUYERS);
        String store = STORES[BULK_STORES[random.nextInt(BULK_STORES.length)]][0];
        long amount = (300_000 + random.nextInt(400_001)) * 100L;
        add(new Command.PayOrder("gd-o" + id++, at, buyer, store, Channel.STORE, amount, 0, null, null));
    }

    /** An everyday order; a third of the consumers holding vouchers use up to half the bill, some spend coins. */
    private void storeOrder(Instant at) {
        String user = "c" + (BULK_BUYERS + random.nextInt(CONSUMERS - BULK_BUYERS));
        if (random.nextInt(100) < 10) {
            user = "c" + random.nextInt(BULK_BUYERS);
        }
        String store = STORES[random.nextInt(STORES.length)][0];
        long amount = (20 + random.nextInt(780)) * 100L + random.nextInt(100);
        long vouchers = scratch.balance(AccountType.USER_VOUCHER, user);
        long voucher = vouchers > 0 && random.nextInt(3) == 0 ? Math.min(vouchers, amount / 2) : 0;
        add(new Command.PayOrder("gd-o" + id++, at, user, store, Channel.STORE, amount, 0, null, null, voucher));
        long coins = scratch.balance(AccountType.USER_COIN, user);
        if (coins >= 5_000 && random.nextInt(4) == 0) {
            long spend = Math.min(coins, (50 + random.nextInt(450)) * 100L);
            add(new Command.PayOrder("gd-o" + id++, at.plusSeconds(20), user, COIN_STORE, Channel.COIN, spend, 0,
                    null, null));
        }
    }

    private void add(Command command) {
        out.clear();
        scratch.execute(command, out);
        commands.add(command);
    }

    private String next() {
        return "gd-" + id++;
    }
}
