package org.zengzhi.bench.serverdemo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of {@code bin/zengzhi server-cluster-demo} ({@code --help} lists them). {@code killAt} 0 runs without a
 * kill; {@code window} is how many payments each tenant has open at once. A bad value is refused naming the option,
 * in Chinese and English ({@link BadOption}). {@code standby} is each node's {@code zengzhi.cluster.standby-tenants}
 * (docs/cluster.md, "Warm standby"; 0 = every take-over starts the tenant's context afresh). {@code --kill-at random}
 * draws each of the {@code kills} moments within the load and its victim among the nodes alive, from {@code seed}
 * (drawn and printed if not given), as {@code bin/zengzhi cluster-demo} does; {@code --kill-at S} kills the last node
 * alive at S, 2·S, … seconds.
 */
record DemoOptions(int brokers, int nodes, int tenants, int seconds, int killAt, int window, int sessionMs,
        int firstPort, String heap, String lang, String jdbcUrl, String dbUser, String schema, int standby, int kills,
        Long seed) {

    /** {@code killAt} for {@code --kill-at random}: the moments are drawn within the load ({@code KillPlan}). */
    static final int RANDOM = -1;

    /** The lowest and highest port the servers may take (this machine's range for the demo). */
    static final int PORT_MIN = 1_024;
    static final int PORT_MAX = 65_535 - 16;

    static DemoOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>(Map.of("--brokers", "3", "--nodes", "3", "--tenants", "20",
                "--seconds", "40", "--kill-at", "15", "--window", "2", "--session-ms", "3000", "--port", "19400",
                "--heap", "1200m", "--lang", "zh"));
        given.putAll(Map.of("--db-url", "jdbc:postgresql://127.0.0.1:5432/test", "--db-user", "postgres",
                "--schema", "server_demo", "--standby", "100", "--kills", "1", "--seed", ""));
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            String value = null;
            if (key.contains("=")) {
                value = key.substring(key.indexOf('=') + 1);
                key = key.substring(0, key.indexOf('='));
            }
            if (!given.containsKey(key)) {
                throw new BadOption(key, "未知选项", "unknown option");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new BadOption(key, "缺少取值", "needs a value");
                }
                value = args[++i];
            }
            given.put(key, value);
        }
        return of(given);
    }

    private static DemoOptions of(Map<String, String> v) {
        int killAt = "random".equals(v.get("--kill-at")) ? RANDOM : num(v, "--kill-at", 0, 3_600);
        DemoOptions o = new DemoOptions(num(v, "--brokers", 1, 9), num(v, "--nodes", 1, 9), num(v, "--tenants", 1, 500),
                num(v, "--seconds", 1, 3_600), killAt, num(v, "--window", 1, 64),
                num(v, "--session-ms", 500, 300_000), num(v, "--port", PORT_MIN, PORT_MAX), heap(v.get("--heap")),
                lang(v.get("--lang")), text(v, "--db-url"), text(v, "--db-user"), schema(v.get("--schema")),
                num(v, "--standby", 0, 10_000), num(v, "--kills", 1, 8), seed(v.get("--seed")));
        if (o.killAt != 0 && o.nodes < 2) {
            throw new BadOption("--kill-at", "只有 1 个节点时必须为 0（杀死唯一节点后无人接管）",
                    "must be 0 with one node (nobody would take its tenants over)");
        }
        if (o.killAt != 0 && o.kills > o.nodes - 1) {
            throw new BadOption("--kills", "须在 1 到 --nodes − 1 之间（最后一个节点不杀），而不是 " + o.kills,
                    "needs 1 … --nodes − 1 (the last node alive is never killed), not " + o.kills);
        }
        if (o.killAt > 0 && (long) o.killAt * o.kills >= o.seconds) {
            String last = o.kills == 1 ? "" : "（乘以 --kills " + o.kills + "）";
            throw new BadOption("--kill-at", last + "必须小于 --seconds " + o.seconds, (o.kills == 1 ? ""
                    : "times --kills " + o.kills + " ") + "must be below --seconds " + o.seconds);
        }
        return o;
    }

    /** Whether the run kills nodes (at fixed moments or drawn ones). */
    boolean killing() {
        return killAt != 0;
    }

    private static Long seed(String v) {
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadOption("--seed", "须为整数，而不是 " + v, "needs a whole number, not " + v);
        }
    }

    private static int num(Map<String, String> v, String key, int min, int max) {
        String text = v.get(key);
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BadOption(key, "须为 " + min + " 到 " + max + " 的整数，而不是 " + text,
                "needs a whole number from " + min + " to " + max + ", not " + text);
    }

    private static String text(Map<String, String> v, String key) {
        String text = v.get(key);
        if (text.isBlank()) {
            throw new BadOption(key, "不能为空", "must not be empty");
        }
        return text;
    }

    private static String lang(String v) {
        if (!v.equals("zh") && !v.equals("en")) {
            throw new BadOption("--lang", "须为 zh 或 en，而不是 " + v, "is zh or en, not " + v);
        }
        return v;
    }

    /** The root schema; the tenants' schemas are named after it ({@code SCHEMA_t_slug}), so it must be a plain name. */
    private static String schema(String v) {
        if (!v.matches("[a-z][a-z0-9_]{0,30}") || v.equals("public")) {
            throw new BadOption("--schema", "须为小写字母开头的小写字母、数字或下划线（不可为 public），而不是 " + v,
                    "must be lower-case letters, digits or _ starting with a letter (not public), not " + v);
        }
        return v;
    }

    private static String heap(String v) {
        if (!v.matches("[1-9][0-9]{0,5}[mg]")) {
            throw new BadOption("--heap", "须形如 1200m 或 2g，而不是 " + v, "must look like 1200m or 2g, not " + v);
        }
        return v;
    }

    /** The servers' ports: {@code firstPort}, {@code firstPort + 1}, … */
    int port(int node) {
        return firstPort + node;
    }

    /** Tenant {@code i}'s slug (t01, t02, …): short, since it names a schema and a Kafka transactional id. */
    static String slug(int i) {
        return String.format("t%02d", i + 1);
    }

    /** A refused option: which one, why in Chinese, why in English. */
    static final class BadOption extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String option;
        private final String chinese;

        BadOption(String option, String chinese, String english) {
            super(option + ": " + english);
            this.option = option;
            this.chinese = chinese;
        }

        String option() {
            return option;
        }

        /** 参数错误 … / bad option …, in the language asked for. */
        String say(boolean english) {
            return english ? "bad option " + getMessage() : "参数错误 " + option + "：" + chinese;
        }
    }
}
