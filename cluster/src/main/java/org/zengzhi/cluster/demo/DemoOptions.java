package org.zengzhi.cluster.demo;

import java.math.BigDecimal;

/**
 * The demo's options ({@code bin/zengzhi cluster-demo --help}). {@code killAt} 0 runs without a kill (throughput
 * figures), {@link #RANDOM} kills at moments drawn within the load window ({@code --kill-at random}, {@link KillPlan});
 * {@code kills} nodes are killed one after another. {@code payments} > 0 sends that many per tenant instead of
 * running for {@code seconds}; {@code warmup} payments per tenant are sent and applied first, outside the figures
 * (each node JVM compiles its hot code once: that cost is not the steady throughput). {@code nodeMilliCpu} and {@code brokerMilliCpu} (thousandths of a core, 0: unlimited)
 * put each node, and the brokers together, in a CPU cgroup with that quota ({@link CpuCgroups}). {@code seed} null:
 * drawn at the start and printed.
 */
record DemoOptions(int brokers, int nodes, int tenants, int seconds, int killAt, int kills, Long seed, long payments,
        int warmup, int window, int snapshotEvery, int sessionMs, int nodeMilliCpu, int brokerMilliCpu, String lang,
        String jdbcUrl, String dbUser, String schema, String groupProtocol) {

    /** {@code killAt} for {@code --kill-at random}. */
    static final int RANDOM = -1;

    static DemoOptions parse(String[] args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            String value = key.contains("=") ? key.substring(key.indexOf('=') + 1) : null;
            key = key.contains("=") ? key.substring(0, key.indexOf('=')) : key;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw OptionError.of(key, "需要一个值", "needs a value", null);
                }
                value = args[++i];
            }
            b.set(key, value);
        }
        return b.build();
    }

    boolean killsRandomly() {
        return killAt == RANDOM;
    }

    boolean killing() {
        return killAt != 0;
    }

    /** A bad option: its message names the option, in Chinese and then English. */
    static final class OptionError extends IllegalArgumentException {
        private OptionError(String message) {
            super(message);
        }

        static OptionError of(String option, String zh, String en, String value) {
            String not = value == null ? "" : "，而不是 " + value;
            String notEn = value == null ? "" : ", not " + value;
            return new OptionError(option + " " + zh + not + " (" + option + " " + en + notEn + ")");
        }
    }

    private static final class Builder {
        int brokers = 3;
        int nodes = 3;
        int tenants = 50;
        int seconds = 30;
        int killAt = 10;
        int kills = 1;
        Long seed;
        long payments;
        int warmup;
        int window = 2_000;
        int snapshotEvery = 2_000;
        int sessionMs = 3_000;
        int nodeMilliCpu;
        int brokerMilliCpu;
        String lang = "zh";
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/test";
        String dbUser = "postgres";
        String schema = "cluster_demo";
        String groupProtocol = "consumer";

        void set(String key, String v) {
            switch (key) {
                case "--brokers" -> brokers = num(key, v);
                case "--nodes" -> nodes = num(key, v);
                case "--tenants" -> tenants = num(key, v);
                case "--seconds" -> seconds = num(key, v);
                case "--kill-at" -> killAt = "random".equals(v) ? RANDOM : num(key, v);
                case "--kills" -> kills = num(key, v);
                case "--seed" -> seed = seed(key, v);
                case "--payments" -> payments = num(key, v);
                case "--warmup" -> warmup = num(key, v);
                case "--window" -> window = num(key, v);
                case "--snapshot-every" -> snapshotEvery = num(key, v);
                case "--session-ms" -> sessionMs = num(key, v);
                case "--node-cpu" -> nodeMilliCpu = milliCpu(key, v);
                case "--broker-cpu" -> brokerMilliCpu = milliCpu(key, v);
                case "--lang" -> lang = v;
                case "--db-url" -> jdbcUrl = v;
                case "--db-user" -> dbUser = v;
                case "--schema" -> schema = v;
                case "--group-protocol" -> groupProtocol = protocol(v);
                default -> throw OptionError.of(key, "是未知选项", "is not an option", null);
            }
        }

        DemoOptions build() {
            if (nodes < 1) {
                throw OptionError.of("--nodes", "至少为 1", "needs at least 1", Integer.toString(nodes));
            }
            if (brokers < 1) {
                throw OptionError.of("--brokers", "至少为 1", "needs at least 1", Integer.toString(brokers));
            }
            if (tenants < nodes) {
                throw OptionError.of("--tenants", "不能少于 --nodes", "needs at least --nodes",
                        Integer.toString(tenants));
            }
            if (killAt != 0 && nodes < 2) {
                throw OptionError.of("--nodes", "至少为 2 才能杀死一个节点（或用 --kill-at 0）",
                        "needs at least 2 to kill one (or --kill-at 0)", Integer.toString(nodes));
            }
            if (killAt != 0 && (kills < 1 || kills > nodes - 1)) {
                throw OptionError.of("--kills", "须在 1 到 --nodes − 1 之间（最后一个节点不杀）",
                        "needs 1 … --nodes − 1 (the last survivor is never killed)", Integer.toString(kills));
            }
            if (killAt == RANDOM && (payments > 0 || seconds < 1)) {
                throw OptionError.of("--kill-at", "random 需要 --seconds ≥ 1（不能与 --payments 同用）",
                        "random needs --seconds ≥ 1 (not --payments)", "random");
            }
            return new DemoOptions(brokers, nodes, tenants, seconds, killAt, kills, seed, payments, warmup, window,
                    snapshotEvery, sessionMs, nodeMilliCpu, brokerMilliCpu, lang, jdbcUrl, dbUser, schema,
                    groupProtocol);
        }
    }

    private static String protocol(String v) {
        if (!v.equals("consumer") && !v.equals("classic")) {
            throw OptionError.of("--group-protocol", "只能是 consumer 或 classic", "is consumer or classic", v);
        }
        return v;
    }

    private static int num(String key, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw OptionError.of(key, "需要 ≥ 0 的整数", "needs a whole number ≥ 0", v);
        }
    }

    private static Long seed(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw OptionError.of(key, "需要一个整数", "needs a whole number", v);
        }
    }

    /** A share of one core ("0.5", "1", "1.25") as thousandths; more than 0 and at most 64 cores, 0.001 steps. */
    private static int milliCpu(String key, String v) {
        try {
            BigDecimal cores = new BigDecimal(v);
            BigDecimal milli = cores.movePointRight(3);
            if (cores.signum() <= 0 || cores.compareTo(BigDecimal.valueOf(64)) > 0 || milli.stripTrailingZeros()
                    .scale() > 0) {
                throw new NumberFormatException();
            }
            return milli.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw OptionError.of(key, "需要 0.001 到 64 之间的核数（如 0.5）", "needs a number of cores from 0.001 to 64 "
                    + "(e.g. 0.5)", v);
        }
    }
}
