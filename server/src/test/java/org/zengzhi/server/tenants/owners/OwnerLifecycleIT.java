package org.zengzhi.server.tenants.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.zengzhi.server.tenants.TenantRecord;

/**
 * Issue 21 deliver 2 (server nodes take tenants over): a node given several tenants' partitions starts them
 * {@code start-parallelism} at a time and records itself as each one's server only after that tenant's context
 * started; a take-away arriving during a tenant's start waits for it and then stops it (row released); a take-away
 * of a tenant whose start has not begun stops it at once and it never starts. The owner rows and partitions are the
 * real tables on PostgreSQL; the tenant starts are held by latches (a real context start cannot be paused halfway).
 * Warm standby (docs/cluster.md): the node keeps standbys of the active tenants others serve, up to its cap, and takes
 * standbys over all at once.
 */
class OwnerLifecycleIT {
    private static final String URL = System.getProperty("zengzhi.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String NODE = "http://node-b";
    private static final int GENERATION = 7;

    private JdbcTemplate jdbc;
    private OwnerRows rows;
    private Ownership ownership;
    private Runner runner;

    @BeforeEach
    void migrate() {
        String schema = "lifecycle_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(URL, "postgres", "").schemas(schema)
                .locations("classpath:db/migration", "classpath:db/postgresql").load().migrate();
        jdbc = new JdbcTemplate(new DriverManagerDataSource(URL + "?currentSchema=" + schema, "postgres", ""));
        rows = new OwnerRows(jdbc, Clock.systemUTC());
        ownership = new Ownership(rows, () -> NODE);
        runner = new Runner();
    }

    @Test
    void severalTenantsTakenOverStartTwoAtATimeAndEachRowIsWrittenAfterItsStart() throws Exception {
        List<String> slugs = List.of("alpha", "beta", "gamma", "delta", "epsilon");
        slugs.forEach(this::tenant);
        CountDownLatch twoTogether = new CountDownLatch(2);
        runner.onStart = slug -> {
            twoTogether.countDown();
            // The first two wait for each other: they both get here only if they start at the same time.
            assertThat(twoTogether.await(30, TimeUnit.SECONDS)).isTrue();
        };
        OwnerLifecycle lifecycle = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 2, 0);
        lifecycle.reconcile();
        ownAll(slugs);

        lifecycle.reconcile();

        assertThat(runner.running).containsExactlyInAnyOrderElementsOf(slugs);
        assertThat(runner.most.get()).as("at most start-parallelism at once, and more than one").isEqualTo(2);
        assertThat(runner.rowDuringStart).as("no row names this node while the tenant starts").isEmpty();
        for (String slug : slugs) {
            assertThat(rows.owner(slug)).as(slug + " recorded").isEqualTo(NODE);
        }
        assertThat(runner.starts).as("each started once").hasSize(slugs.size());

        lifecycle.reconcile();
        assertThat(runner.starts).as("a second pass starts nothing again").hasSize(slugs.size());
    }

    @Test
    void aTakeAwayDuringAStartWaitsForItThenStopsItAndReleasesTheRow() throws Exception {
        tenant("alpha");
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runner.onStart = slug -> {
            starting.countDown();
            assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
        };
        OwnerLifecycle lifecycle = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 3, 0);
        lifecycle.reconcile();
        ownAll(List.of("alpha"));
        Thread pass = thread(() -> lifecycle.reconcile());
        assertThat(starting.await(30, TimeUnit.SECONDS)).isTrue();

        Thread revocation = thread(() -> lifecycle.giveUp(List.of(partition("alpha"))));
        awaitBlocked(revocation);
        assertThat(runner.stops).as("the take-away waits for the start under way").isEmpty();
        finish.countDown();
        revocation.join(30_000);
        pass.join(30_000);

        assertThat(runner.events).containsExactly("start alpha", "started alpha", "stop alpha");
        assertThat(runner.running).isEmpty();
        assertThat(rows.owner("alpha")).as("the row claimed after the start is released by the stop").isNull();
    }

    @Test
    void aTakeAwayOfATenantWaitingToStartStopsAtOnceAndItNeverStarts() throws Exception {
        tenant("alpha");
        tenant("beta");
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        runner.onStart = slug -> {
            starting.countDown();
            assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
        };
        // One at a time: while the first holds the only start slot, the other waits for it.
        OwnerLifecycle lifecycle = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 1, 0);
        lifecycle.reconcile();
        ownAll(List.of("alpha", "beta"));
        Thread pass = thread(() -> lifecycle.reconcile());
        assertThat(starting.await(30, TimeUnit.SECONDS)).isTrue();
        String first = runner.events.get(0).substring("start ".length());
        String waiting = first.equals("alpha") ? "beta" : "alpha";

        // Returns while the first tenant is still starting (the latch is still closed).
        lifecycle.giveUp(List.of(partition(waiting)));
        assertThat(finish.getCount()).isEqualTo(1);
        finish.countDown();
        pass.join(30_000);

        assertThat(runner.starts).containsExactly(first);
        assertThat(runner.running).containsExactly(first);
        assertThat(rows.owner(first)).isEqualTo(NODE);
        assertThat(rows.owner(waiting)).isNull();
    }

    @Test
    void standbysAreBuiltForTenantsServedElsewhereUpToTheCapAndTakenOverAllAtOnce() throws Exception {
        List<String> slugs = List.of("alpha", "beta", "gamma", "delta");
        slugs.forEach(this::tenant);
        OwnerLifecycle lifecycle = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 1, 3);
        new TenantPartitions(jdbc).assignMissing();
        ownAll(List.of("alpha"));

        lifecycle.reconcile();
        awaitStandbys(3);
        assertThat(runner.running).containsExactly("alpha");
        assertThat(runner.standby).as("the three served elsewhere, none served here")
                .containsExactlyInAnyOrder("beta", "gamma", "delta");
        lifecycle.reconcile();
        assertThat(runner.standbyBuilds).as("a standby is built once").hasSize(3);

        CountDownLatch allTogether = new CountDownLatch(3);
        runner.onStart = slug -> {
            allTogether.countDown();
            // Each waits for the other two: they all get here only if the three take-overs run at the same time.
            assertThat(allTogether.await(30, TimeUnit.SECONDS)).isTrue();
        };
        ownAll(List.of("beta", "gamma", "delta"));
        lifecycle.reconcile();

        assertThat(runner.running).containsExactlyInAnyOrderElementsOf(slugs);
        assertThat(runner.standby).isEmpty();
        assertThat(runner.most.get()).as("standbys are taken over at once, not start-parallelism (1) at a time")
                .isEqualTo(3);
        for (String slug : slugs) {
            assertThat(rows.owner(slug)).as(slug + " recorded").isEqualTo(NODE);
        }
        lifecycle.stopStandbys();
    }

    @Test
    void noStandbyIsBuiltWhenTheCapIsZeroOrForASuspendedTenant() throws Exception {
        tenant("alpha");
        tenant("beta");
        jdbc.update("UPDATE deployment_tenant SET status = 'SUSPENDED' WHERE slug = 'beta'");
        OwnerLifecycle none = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 1, 0);
        none.reconcile();
        OwnerLifecycle capped = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 1, 5);
        capped.reconcile();
        awaitStandbys(1);
        capped.stopStandbys();
        assertThat(runner.standbyBuilds).as("the active tenant only, by the lifecycle with room").containsExactly("alpha");
    }

    @Test
    void aSuspendedTenantKeepsNoStandby() throws Exception {
        tenant("alpha");
        OwnerLifecycle lifecycle = new OwnerLifecycle(runner, ownership, rows, new TenantPartitions(jdbc), 1, 5);
        lifecycle.reconcile();
        awaitStandbys(1);

        jdbc.update("UPDATE deployment_tenant SET status = 'SUSPENDED' WHERE slug = 'alpha'");
        lifecycle.reconcile();
        assertThat(runner.standby).as("closed by the next pass").isEmpty();
        jdbc.update("UPDATE deployment_tenant SET status = 'ACTIVE' WHERE slug = 'alpha'");
        lifecycle.reconcile();
        awaitStandbys(1);
        lifecycle.stopStandbys();
        assertThat(runner.standbyBuilds).as("built again once resumed").containsExactly("alpha", "alpha");
    }

    private void awaitStandbys(int count) throws InterruptedException {
        for (int i = 0; i < 3_000 && runner.standby.size() < count; i++) {
            Thread.sleep(10);
        }
        assertThat(runner.standby).hasSize(count);
    }

    private void ownAll(List<String> slugs) {
        for (String slug : slugs) {
            ownership.own(partition(slug), GENERATION);
        }
    }

    private int partition(String slug) {
        return new TenantPartitions(jdbc).all().get(slug);
    }

    private final AtomicInteger day = new AtomicInteger();

    private void tenant(String slug) {
        jdbc.update("INSERT INTO deployment_tenant (slug, name, plan_source, plan_yaml, schema_name, status, created_at) "
                + "VALUES (?, ?, 'local-life.yaml', 'x', ?, 'ACTIVE', ?)", slug, slug, "s_" + slug,
                Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * day.incrementAndGet())));
    }

    private static Thread thread(Action action) {
        Thread thread = new Thread(() -> {
            try {
                action.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        return thread;
    }

    /** Waits until the thread waits for a lock (it cannot get further until the start ends). */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            if (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.BLOCKED) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the take-away never waited: " + thread.getState());
    }

    private interface Action {
        void run() throws Exception;
    }

    private interface OnStart {
        void run(String slug) throws Exception;
    }

    /** Stands in for the server's tenants: what started, stopped and when, and whether a row existed meanwhile. */
    private final class Runner implements TenantRunner {
        final Set<String> running = ConcurrentHashMap.newKeySet();
        final Set<String> standby = ConcurrentHashMap.newKeySet();
        final List<String> standbyBuilds = new CopyOnWriteArrayList<>();
        final List<String> starts = new CopyOnWriteArrayList<>();
        final List<String> stops = new CopyOnWriteArrayList<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<String> rowDuringStart = new CopyOnWriteArrayList<>();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        volatile OnStart onStart = slug -> { };

        @Override
        public List<TenantRecord> refresh() {
            return jdbc.query("SELECT slug, status FROM deployment_tenant", (rs, i) -> new TenantRecord(rs.getString(1),
                    rs.getString(1), "local-life.yaml", "x", "s_" + rs.getString(1),
                    TenantRecord.Status.valueOf(rs.getString(2)), Instant.EPOCH));
        }

        @Override
        public boolean runsHere(String slug) {
            return running.contains(slug);
        }

        @Override
        public boolean startHere(String slug) throws Exception {
            events.add("start " + slug);
            starts.add(slug);
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                onStart.run(slug);
                if (rows.owner(slug) != null) {
                    rowDuringStart.add(slug);
                }
            } finally {
                now.decrementAndGet();
            }
            standby.remove(slug);
            running.add(slug);
            events.add("started " + slug);
            return true;
        }

        @Override
        public void stopHere(String slug) {
            standby.remove(slug);
            if (running.remove(slug)) {
                events.add("stop " + slug);
                stops.add(slug);
            }
        }

        @Override
        public boolean standBy(String slug) {
            if (running.contains(slug) || !standby.add(slug)) {
                return false;
            }
            standbyBuilds.add(slug);
            return true;
        }

        @Override
        public boolean standsByHere(String slug) {
            return standby.contains(slug);
        }

        @Override
        public int standbys() {
            return standby.size();
        }
    }
}
