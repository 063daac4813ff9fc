package org.zengzhi.bench.serverdemo;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * The checks at the end of the demo, for every tenant: sampled acknowledged payments retried under their keys get
 * their first answers; then the node's state hash, invariants and pool cash; then a replay of the tenant's journal
 * ({@link TenantReplay}); together a {@link Verdict}. Each check is printed with ✔ or ✘; a ✘ counts one failure.
 */
final class DemoChecks {
    private static final long DEADLINE_NANOS = 120_000_000_000L;
    private final DemoOptions options;
    private final ResourceBundle text;
    private final String bootstrap;

    DemoChecks(DemoOptions options, ResourceBundle text, String bootstrap) {
        this.options = options;
        this.text = text;
        this.bootstrap = bootstrap;
    }

    private void say(String key, Object... args) {
        System.out.println(MessageFormat.format(text.getString(key), args));
    }

    void run(List<TenantClient> tenants, AckBook book, Runnable failure) throws Exception {
        AtomicLong retried = new AtomicLong();
        AtomicLong retryDiffers = new AtomicLong();
        List<Verdict> verdicts = Collections.synchronizedList(new ArrayList<>());
        List<TenantReplay.Replayed> replays = Collections.synchronizedList(new ArrayList<>());
        Parallel.forEach(tenants.size() > 4 ? chunks(tenants, 4) : List.of(tenants), chunk -> {
            for (TenantClient tenant : chunk) {
                long deadline = System.nanoTime() + DEADLINE_NANOS;
                for (Map.Entry<Long, String> first : book.firstAnswers(tenant.slug()).entrySet()) {
                    NodeHttp.Answer again = tenant.pay(new Payment(tenant.slug(), first.getKey()), deadline);
                    retried.incrementAndGet();
                    if (!again.ok() || !again.body().equals(first.getValue())) {
                        retryDiffers.incrementAndGet();
                    }
                }
                NodeHttp.Answer check = tenant.check(deadline, false);
                JsonNode state = TenantClient.json(check.body());
                long poolCash = tenant.poolCashFen(deadline);
                TenantReplay.Replayed replay = TenantReplay.replay(options.jdbcUrl(), options.dbUser(),
                        options.schema() + "_t_" + tenant.slug(), tenant.slug(), bootstrap,
                        ServerNodes.replicas(options.brokers()), ServerNodes.minInSync(options.brokers()));
                replays.add(replay);
                verdicts.add(Verdict.of(tenant.slug(), book.ackedNumbers(tenant.slug()),
                        book.failedNumbers(tenant.slug()), replay.appliedPayments(), poolCash,
                        check.status() == 200 && state.path("invariantsHold").asBoolean(false),
                        state.path("stateHash").asString(null), replay.stateHash()));
            }
        });
        report(verdicts, replays, retried.get(), retryDiffers.get(), book, failure);
    }

    private void report(List<Verdict> verdicts, List<TenantReplay.Replayed> replays, long retried, long retryDiffers,
            AckBook book, Runnable failure) {
        int n = verdicts.size();
        int once = (int) verdicts.stream().filter(Verdict::exactlyOnce).count();
        int pool = (int) verdicts.stream().filter(Verdict::poolHolds).count();
        int hash = (int) verdicts.stream().filter(Verdict::hashEqual).count();
        int sqlMatches = (int) replays.stream().filter(TenantReplay.Replayed::sqlMatchesKafka).count();
        if (once == n) {
            say("checkOnce", once, n);
        } else {
            failure.run();
            say("checkOnceFailed", once, n, verdicts.stream().mapToInt(Verdict::missing).sum(),
                    verdicts.stream().mapToInt(Verdict::doubled).sum(), verdicts.stream().mapToInt(Verdict::strays).sum());
            verdicts.stream().filter(v -> !v.exactlyOnce()).limit(10).forEach(v -> System.out.println("  " + v));
        }
        if (pool == n) {
            say("checkPool", pool, n);
        } else {
            failure.run();
            say("checkPoolFailed", pool, n);
            verdicts.stream().filter(v -> !v.poolHolds()).limit(10).forEach(v -> System.out.println("  " + v));
        }
        if (hash == n && sqlMatches == n) {
            say("checkHash", hash, n, sqlMatches);
        } else {
            failure.run();
            say("checkHashFailed", hash, n, sqlMatches);
        }
        if (retryDiffers == 0) {
            say("checkRetry", retried);
        } else {
            failure.run();
            say("checkRetryFailed", retried, retryDiffers);
        }
        if (book.failedCount() > 0) {
            failure.run();
            say("sendsFailed", book.failedCount(), verdicts.stream().mapToInt(Verdict::unansweredApplied).sum(),
                    book.someFailures());
        }
    }

    private static <T> List<List<T>> chunks(List<T> items, int count) {
        List<List<T>> chunks = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            chunks.add(new ArrayList<>());
        }
        for (int i = 0; i < items.size(); i++) {
            chunks.get(i % count).add(items.get(i));
        }
        return chunks;
    }
}
