package org.zengzhi.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/**
 * A living four-party economy (四方共赢, issue 20 item 8) for {@code serve --demo} on a four-party plan: five
 * suppliers with products and deposits, seven promoters with credit scores (one below the minimum, whose
 * commission is withheld; promoter-wang's team large enough to climb to 团队长 at the first close), consumers invited by promoters or by each other, ten weeks of orders settled daily after the
 * 30 + 7 days, ratings, operating costs and data-service charges, every month that ended in those weeks
 * closed (with its burn), two escrow statements (one matching the ledger, the latest with a difference to
 * explain) and two bursts of orders from one shared device: the older ones settled with their rewards held,
 * the newest still open — both wait in the operator's risk queue. Deterministic: the same start time gives
 * the same commands.
 */
public final class PartyDemoPopulation {
    static final int DAYS = 70;
    /** The first orders settle 30 + 7 days after the first day, the next day's tick a day later. */
    private static final int SETTLED_FROM_DAY = 39;
    private static final int CONSUMERS = 160;
    private static final long SEED = 20_260_000L;
    /** Supplier, baseline (yuan), deposit (yuan), then its products: id, price, cost (fen). */
    private static final Object[][] SUPPLIERS = {
        {"xihu-tea", 20_000, 10_000, new Object[][] {{"longjing-250g", 16_800L, 5_000L}, {"longjing-gift", 38_800L, 11_000L}}},
        {"wuchang-rice", 15_000, 8_000, new Object[][] {{"wuchang-rice-5kg", 9_900L, 3_000L}, {"rice-family-pack", 25_800L, 7_800L}}},
        {"ningxia-goji", 8_000, 5_000, new Object[][] {{"goji-500g", 6_800L, 2_000L}}},
        {"yunnan-coffee", 10_000, 6_000, new Object[][] {{"pu-er-coffee-beans", 12_800L, 3_900L}, {"drip-bags-30", 5_900L, 1_800L}}},
        {"jingdezhen-porcelain", 12_000, 12_000, new Object[][] {{"tea-set", 59_900L, 18_000L}}},
    };
    /** Promoter, referrer (a promoter before), credit score. */
    private static final String[][] PROMOTERS = {
        {"promoter-wang", null, "735"}, {"promoter-li", "promoter-wang", "688"}, {"promoter-zhao", "promoter-wang", "702"},
        {"promoter-chen", "promoter-li", "651"}, {"promoter-zhou", "promoter-wang", "690"},
        {"promoter-wu", "promoter-zhao", "664"}, {"promoter-sun", null, "560"},
    };
    private static final String SHARED_DEVICE = "device-7f3a";

    private PartyDemoPopulation() {
    }

    /** The demo's commands, ending just before {@code now}; {@code plan} is the tenant's four-party plan. */
    public static List<Command> commands(Instant now, Plan plan) {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS + 1));
        List<Command> commands = new ArrayList<>();
        int[] id = {0};
        List<String> products = new ArrayList<>();
        for (Object[] supplier : SUPPLIERS) {
            commands.add(new Command.RegisterSupplier(next(id), start, (String) supplier[0], (int) supplier[1] * 100L,
                    (int) supplier[2] * 100L));
            for (Object[] product : (Object[][]) supplier[3]) {
                commands.add(new Command.ListProduct(next(id), start, (String) product[0], (String) supplier[0],
                        (long) product[1], (long) product[2]));
                products.add((String) product[0]);
            }
        }
        for (String[] promoter : PROMOTERS) {
            commands.add(new Command.RegisterUser(next(id), start, promoter[0], promoter[1]));
            commands.add(new Command.SetCreditScore(next(id), start, promoter[0], Integer.parseInt(promoter[2])));
        }
        List<String> registered = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            String referrer = random.nextInt(100) < 75 ? PROMOTERS[random.nextInt(PROMOTERS.length)][0]
                    : registered.isEmpty() ? null : registered.get(random.nextInt(registered.size()));
            commands.add(new Command.RegisterUser(next(id), start, consumer(c), referrer));
            registered.add(consumer(c));
        }
        for (int day = 0; day < DAYS; day++) {
            Instant morning = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(1));
            orders(commands, random, id, products, morning, day);
            commands.add(new Command.Tick(next(id), morning.plus(Duration.ofHours(14))));
        }
        burst(commands, id, products, start.plus(Duration.ofDays(18)).plus(Duration.ofHours(3)), "a");
        burst(commands, id, products, now.minus(Duration.ofHours(20)), "b");
        costs(commands, id, start);
        closes(commands, id, start, now);
        commands.sort(Comparator.comparing(Command::at));
        return withStatements(commands, plan, id, now);
    }

    private static void orders(List<Command> commands, SplittableRandom random, int[] id, List<String> products,
            Instant morning, int day) {
        int count = 10 + random.nextInt(8) + day / 5;
        for (int o = 0; o < count; o++) {
            Instant at = morning.plus(Duration.ofMinutes(random.nextInt(720)));
            int c = random.nextInt(CONSUMERS);
            String product = products.get(random.nextInt(products.size()));
            int quantity = random.nextInt(100) < 85 ? 1 : 2;
            commands.add(new Command.PayPartyOrder("demo-p" + id[0]++, at, consumer(c), product, quantity, 0, null,
                    "device-" + Integer.toHexString(0x1000 + c), "10.8." + (c / 200) + "." + (c % 200 + 10)));
            if (random.nextInt(100) < 12 && day < DAYS - 4) {
                int stars = random.nextInt(100) < 15 ? 300 + random.nextInt(150) : 430 + random.nextInt(71);
                commands.add(new Command.RateProduct(next(id), at.plus(Duration.ofDays(3)), consumer(c), product, stars));
            }
        }
    }

    /** Five orders within the hour from one device: the fourth and fifth are held for review. */
    private static void burst(List<Command> commands, int[] id, List<String> products, Instant at, String tag) {
        for (int i = 0; i < 5; i++) {
            commands.add(new Command.PayPartyOrder("demo-risk-" + tag + i, at.plus(Duration.ofMinutes(9L * i)),
                    consumer(40 + i * 7), products.get(i % products.size()), 1, 0, null, SHARED_DEVICE, "172.16.4.21"));
        }
    }

    /** Rent and staff each month, and data reports sold to two suppliers (rule 9). */
    private static void costs(List<Command> commands, int[] id, Instant start) {
        for (int day = 3; day < DAYS - 12; day += 30) {
            Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(10));
            commands.add(new Command.RecordOperatingCost(next(id), at, 180_000, "办公室租金"));
            commands.add(new Command.RecordOperatingCost(next(id), at.plus(Duration.ofHours(1)), 300_000, "运营团队工资"));
            commands.add(new Command.ChargeDataService(next(id), at.plus(Duration.ofDays(9)), "xihu-tea", 150_000));
            commands.add(new Command.ChargeDataService(next(id), at.plus(Duration.ofDays(11)), "yunnan-coffee", 100_000));
        }
    }

    /**
     * Closes, two hours after its end, every month (UTC, as the model closes them) that ended once settlements
     * had begun (30 + 7 days in): the first close carries everything since the demo began, as the model's
     * month tally runs from close to close.
     */
    private static void closes(List<Command> commands, int[] id, Instant start, Instant now) {
        YearMonth month = YearMonth.from(start.atZone(ZoneOffset.UTC));
        while (true) {
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant at = end.plus(Duration.ofHours(2));
            if (!at.isBefore(now)) {
                return;
            }
            if (end.isAfter(start.plus(Duration.ofDays(SETTLED_FROM_DAY)))) {
                commands.add(new Command.CloseMonth(next(id), at, month.toString()));
            }
            month = month.plusMonths(1);
        }
    }

    /**
     * Adds the custody provider's statements with the balance read from a scratch engine at that point:
     * twelve days ago the statement matches; six hours ago it shows 12.00 less, a finding for the operator.
     */
    private static List<Command> withStatements(List<Command> sorted, Plan plan, int[] id, Instant now) {
        Instant[] times = {now.minus(Duration.ofDays(12)), now.minus(Duration.ofHours(6))};
        long[] offsets = {0, -1_200};
        Engine scratch = new Engine(plan, RegionDirectory.STANDARD);
        EngineOutput out = new EngineOutput();
        List<Command> result = new ArrayList<>(sorted.size() + times.length);
        int next = 0;
        for (Command command : sorted) {
            while (next < times.length && !command.at().isBefore(times[next])) {
                result.add(statement(scratch, id, times[next], offsets[next]));
                next++;
            }
            out.clear();
            scratch.execute(command, out);
            result.add(command);
        }
        while (next < times.length) {
            result.add(statement(scratch, id, times[next], offsets[next]));
            next++;
        }
        return result;
    }

    private static Command statement(Engine scratch, int[] id, Instant at, long offsetFen) {
        long escrow = scratch.party().model().escrowFen();
        return new Command.EscrowStatement(next(id), at, Math.max(0, escrow + offsetFen));
    }

    private static String consumer(int c) {
        return String.format("u%03d", c);
    }

    private static String next(int[] id) {
        return "demo-" + id[0]++;
    }
}
