package org.zengzhi.server.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.Command;

/**
 * A small, realistic economy for a first look (bin/zengzhi serve --demo): merchants in real districts of
 * 广州, 深圳, 杭州, 上海 and 北京, regional agents, consumers invited by one another or bound by a store's
 * pay code, four weeks of store and mall orders with daily settlement, some sales and one subsidy.
 * Deterministic: the same start time gives the same commands.
 */
public final class DemoPopulation {
    private static final int CONSUMERS = 240;
    private static final int DAYS = 28;
    private static final long SEED = 20_260_301L;
    private static final String[][] MERCHANTS = {
        {"tianhe-tea", "440106", "0.20"}, {"tianhe-noodles", "440106", "0.15"}, {"yuexiu-bakery", "440104", "0.20"},
        {"liwan-dimsum", "440103", "0.18"}, {"nanshan-fitness", "440305", "0.10"}, {"futian-books", "440304", "0.12"},
        {"xihu-tea-house", "330106", "0.20"}, {"pudong-flowers", "310115", "0.08"}, {"chaoyang-coffee", "110105", "0.20"},
    };

    private DemoPopulation() {
    }

    /** The demo's commands, ending just before {@code now}. */
    public static List<Command> commands(Instant now) {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant start = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(DAYS + 1));
        List<Command> commands = new ArrayList<>();
        int[] id = {0};
        Instant at = start;
        commands.add(new Command.RegisterUser(next(id), at, "promoter-lin", null));
        commands.add(new Command.AppointAgent(next(id), at, "agent-tianhe", "440106"));
        commands.add(new Command.AppointAgent(next(id), at, "agent-guangzhou", "440100"));
        commands.add(new Command.AppointAgent(next(id), at, "agent-guangdong", "440000"));
        for (String[] merchant : MERCHANTS) {
            long ppm = new java.math.BigDecimal(merchant[2]).movePointRight(6).longValueExact();
            commands.add(new Command.OnboardMerchant(next(id), at, merchant[0], "owner-" + merchant[0], "promoter-lin",
                    merchant[1], ppm));
        }
        // Consumers not registered here sign up with their first payment, without a referrer; a referrer is
        // always one registered before (an unknown one would be refused).
        List<String> registered = new ArrayList<>();
        for (int c = 0; c < CONSUMERS; c++) {
            String referrer = c < 20 || registered.isEmpty() || random.nextInt(100) < 30 ? null
                    : registered.get(random.nextInt(registered.size()));
            if (referrer != null || random.nextBoolean()) {
                commands.add(new Command.RegisterUser(next(id), at, "c" + c, referrer));
                registered.add("c" + c);
            }
        }
        for (int day = 0; day < DAYS; day++) {
            Instant morning = start.plus(Duration.ofDays(day)).plus(Duration.ofHours(9));
            orders(commands, random, id, morning, day);
            commands.add(new Command.Tick(next(id), morning.plus(Duration.ofHours(14))));
        }
        commands.add(new Command.InjectSubsidy(next(id), start.plus(Duration.ofDays(14)).plus(Duration.ofHours(23)), 2_000_000));
        commands.sort(java.util.Comparator.comparing(Command::at));
        return commands;
    }

    private static void orders(List<Command> commands, SplittableRandom random, int[] id, Instant morning, int day) {
        int count = 12 + day * 2;
        for (int o = 0; o < count; o++) {
            Instant at = morning.plus(Duration.ofMinutes(random.nextInt(600)));
            String user = "c" + random.nextInt(CONSUMERS);
            long amount = (20 + random.nextInt(480)) * 100L + random.nextInt(100);
            if (random.nextInt(100) < 80) {
                String merchant = MERCHANTS[random.nextInt(MERCHANTS.length)][0];
                commands.add(new Command.PayOrder("demo-o" + id[0]++, at, user, merchant, Channel.STORE, amount, 0, null, null));
            } else {
                commands.add(new Command.PayOrder("demo-o" + id[0]++, at, user, null, Channel.MALL, amount * 2, 0, null,
                        random.nextBoolean() ? "440106" : "330106"));
            }
            if (day > 14 && random.nextInt(100) < 4) {
                commands.add(new Command.SellPoints(next(id), at.plusSeconds(30), user, 1_000_000));
            }
        }
    }

    private static String next(int[] id) {
        return "demo-" + id[0]++;
    }
}
