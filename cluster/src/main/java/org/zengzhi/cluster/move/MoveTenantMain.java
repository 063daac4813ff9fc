package org.zengzhi.cluster.move;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.IntStream;

import org.zengzhi.cluster.ClusterTopics;
import org.zengzhi.cluster.demo.DemoPayments;

/**
 * {@code bin/zengzhi cluster-move-tenant --from BOOTSTRAP --to BOOTSTRAP --tenant NAME} (issue 21 deliver 5): runs
 * {@link TenantMove} between two clusters laid out as the demo lays them out (topics {@code zengzhi-commands} and
 * {@code zengzhi-snapshots}, tenants {@code tenant-00} … in partition order), prints each step in Chinese (or English
 * with {@code --lang en}) and, with {@code --check-port}, asks a target node ({@code GET /tenant/NAME}) until it
 * serves the tenant with the moved state hash. Exit code 0 if moved (and checked), 1 if not, 2 for bad options.
 */
public final class MoveTenantMain {
    private static final Set<String> KEYS = Set.of("--from", "--to", "--tenant", "--tenants", "--target-tenants",
            "--target-cluster", "--check-port", "--lang");

    private MoveTenantMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the move the arguments ask for, printing to {@code out} (bad options to {@code err}); the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> o = new HashMap<>(Map.of("--tenants", "50", "--target-cluster", "target", "--lang", "zh"));
        ResourceBundle text = messages(args);
        try {
            parse(args, o);
        } catch (IllegalArgumentException e) {
            err.println(say(text, "badOption", e.getMessage()));
            return 2;
        }
        return run(o, text, out);
    }

    static ResourceBundle messages(String[] args) {
        boolean english = List.of(args).contains("--lang=en") || String.join(" ", args).contains("--lang en");
        return ResourceBundle.getBundle("org.zengzhi.cluster.move.messages", english ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static void parse(String[] args, Map<String, String> o) {
        for (int i = 0; i < args.length; i++) {
            String key = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown option " + key);
            }
            String value = args[i].contains("=") ? args[i].substring(args[i].indexOf('=') + 1)
                    : i + 1 < args.length ? args[++i] : null;
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " needs a value");
            }
            o.put(key, value);
        }
        for (String needed : List.of("--from", "--to", "--tenant")) {
            if (!o.containsKey(needed)) {
                throw new IllegalArgumentException(needed + " is required");
            }
        }
        int tenants = number(o, "--tenants");
        o.putIfAbsent("--target-tenants", Integer.toString(tenants));
        if (!names(tenants).contains(o.get("--tenant")) || !names(number(o, "--target-tenants")).contains(
                o.get("--tenant"))) {
            throw new IllegalArgumentException("--tenant " + o.get("--tenant") + " is not a tenant of both clusters");
        }
    }

    private static int number(Map<String, String> o, String key) {
        try {
            int n = Integer.parseInt(o.get(key));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " needs a whole number ≥ 1, not " + o.get(key));
        }
    }

    private static List<String> names(int tenants) {
        return IntStream.range(0, tenants).mapToObj(i -> String.format("tenant-%02d", i)).toList();
    }

    private static int run(Map<String, String> o, ResourceBundle text, PrintStream out) {
        String tenant = o.get("--tenant");
        TenantMove.Side from = new TenantMove.Side(o.get("--from"), topics(number(o, "--tenants")));
        TenantMove.Side to = new TenantMove.Side(o.get("--to"), topics(number(o, "--target-tenants")));
        out.println(say(text, "moving", tenant, o.get("--from"), o.get("--target-cluster"), o.get("--to")));
        try {
            TenantMove.Result r = TenantMove.move(from, to, o.get("--target-cluster"), tenant,
                    DemoPayments::freshEngine);
            out.println(say(text, "sealed", r.sealOffset()));
            out.println(say(text, "state", r.sourceSnapshotOffset(), r.replayed(), r.stateHash()));
            out.println(say(text, r.copiedBefore() ? "copiedBefore" : "copied", r.targetOffset()));
            if (o.containsKey("--check-port") && !check(text, out, number(o, "--check-port"), tenant,
                    r.stateHash())) {
                return 1;
            }
            out.println(say(text, "done"));
            return 0;
        } catch (Exception e) {
            out.println(say(text, "failed", e.getMessage()));
            return 1;
        }
    }

    /** Asks the target node until it answers for the tenant; true if its state hash is the moved one. */
    private static boolean check(ResourceBundle text, PrintStream out, int port, String tenant, String hash)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/tenant/" + tenant)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    String served = r.body().split(" ")[3];
                    out.println(say(text, served.equals(hash) ? "nodeServes" : "nodeDiffers", port, served, hash));
                    return served.equals(hash);
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        out.println(say(text, "nodeSilent", port, 60));
        return false;
    }

    private static ClusterTopics topics(int tenants) {
        return new ClusterTopics("zengzhi-commands", "zengzhi-snapshots", names(tenants));
    }

    private static String say(ResourceBundle text, String key, Object... args) {
        return MessageFormat.format(text.getString(key), args);
    }
}
