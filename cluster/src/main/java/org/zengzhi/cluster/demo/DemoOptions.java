package org.zengzhi.cluster.demo;

/**
 * The demo's options ({@code bin/zengzhi cluster-demo --help}). {@code killAt} 0 runs without a kill (throughput
 * figures); {@code payments} > 0 sends that many per tenant instead of running for {@code seconds}.
 */
record DemoOptions(int brokers, int nodes, int tenants, int seconds, int killAt, long payments, int window,
        int snapshotEvery, int sessionMs, String lang, String jdbcUrl, String dbUser, String schema, String groupProtocol) {

    static DemoOptions parse(String[] args) {
        DemoOptions o = new DemoOptions(3, 3, 50, 30, 10, 0, 2_000, 2_000, 3_000, "zh",
                "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "cluster_demo", "consumer");
        for (int i = 0; i < args.length; i++) {
            String key = args[i];
            String value = key.contains("=") ? key.substring(key.indexOf('=') + 1) : null;
            key = key.contains("=") ? key.substring(0, key.indexOf('=')) : key;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(key + " needs a value");
                }
                value = args[++i];
            }
            o = o.with(key, value);
        }
        if (o.nodes < 1 || o.tenants < o.nodes || o.brokers < 1 || (o.killAt > 0 && o.nodes < 2)) {
            throw new IllegalArgumentException("need --nodes ≥ 1 (≥ 2 to kill one), --tenants ≥ --nodes, --brokers ≥ 1");
        }
        return o;
    }

    private DemoOptions with(String key, String v) {
        return switch (key) {
            case "--brokers" -> new DemoOptions(num(key, v), nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--nodes" -> new DemoOptions(brokers, num(key, v), tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--tenants" -> new DemoOptions(brokers, nodes, num(key, v), seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--seconds" -> new DemoOptions(brokers, nodes, tenants, num(key, v), killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--kill-at" -> new DemoOptions(brokers, nodes, tenants, seconds, num(key, v), payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--payments" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, num(key, v), window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--window" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, num(key, v),
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--snapshot-every" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    num(key, v), sessionMs, lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--session-ms" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, num(key, v), lang, jdbcUrl, dbUser, schema, groupProtocol);
            case "--lang" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, v, jdbcUrl, dbUser, schema, groupProtocol);
            case "--db-url" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, v, dbUser, schema, groupProtocol);
            case "--db-user" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, v, schema, groupProtocol);
            case "--schema" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, v, groupProtocol);
            case "--group-protocol" -> new DemoOptions(brokers, nodes, tenants, seconds, killAt, payments, window,
                    snapshotEvery, sessionMs, lang, jdbcUrl, dbUser, schema, protocol(v));
            default -> throw new IllegalArgumentException("unknown option " + key);
        };
    }

    private static String protocol(String v) {
        if (!v.equals("consumer") && !v.equals("classic")) {
            throw new IllegalArgumentException("--group-protocol is consumer or classic, not " + v);
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
            throw new IllegalArgumentException(key + " needs a whole number ≥ 0, not " + v);
        }
    }
}
