package org.zengzhi.server.tenants;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.ServletException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.zengzhi.server.payment.LocalServer;

/**
 * The deployment's running tenants: one {@link TenantRuntime} per active tenant, started when the server is
 * ready (each recovers its journal as the default tenant does), started when created or resumed, closed when
 * suspended and when the server stops. The deployment operator's changes are serialised; each tenant's start and
 * stop also hold that tenant's own guard, so that two tenants start at once (a cluster node taking several over)
 * while one tenant never starts twice or stops during its start. Routing reads the set without a lock.
 */
public final class Tenants implements DisposableBean {
    private static final Logger LOG = LoggerFactory.getLogger(Tenants.class);

    private final TenantDirectory directory;
    private final TenantContexts contexts;
    private final LocalServer server;
    private final int parallelism;
    private final TenantPlacement placement;
    private final Map<String, TenantRuntime> running = new ConcurrentHashMap<>();
    /** Cluster mode: contexts built here for tenants another node serves, ready to take over (docs/cluster.md). */
    private final Map<String, Standby> standby = new ConcurrentHashMap<>();

    /** A standby context and the tenant row it was built from. */
    private record Standby(TenantRecord built, TenantRuntime runtime) {
        /** Whether the tenant is still what the context was built for: its schema, plan and journal. */
        boolean fits(TenantRecord now) {
            return Objects.equals(built.schema(), now.schema()) && Objects.equals(built.planYaml(), now.planYaml())
                    && built.journal() == now.journal();
        }
    }
    private final Map<String, TenantRecord.Status> known = new ConcurrentHashMap<>();
    private final Map<String, Object> guards = new ConcurrentHashMap<>();

    Tenants(TenantDirectory directory, TenantContexts contexts, LocalServer server, int parallelism,
            TenantPlacement placement) {
        this.directory = directory;
        this.contexts = contexts;
        this.server = server;
        this.parallelism = parallelism;
        this.placement = placement;
    }

    /** The journal a new tenant gets (Kafka when the server has brokers for its tenants, else SQL). */
    TenantRecord.JournalKind newJournal() {
        return contexts.newJournal();
    }

    /** The root's configuration, for the tools that work on a tenant's schema from the root (TenantMoves). */
    TenantContexts contexts() {
        return contexts;
    }

    /** The running context of an active tenant, or null (unknown, suspended or not started). */
    TenantRuntime running(String slug) {
        return running.get(slug);
    }

    /** The tenant's status as routing sees it, or null for a slug no tenant has (in cluster mode see {@link #lookUp}). */
    TenantRecord.Status status(String slug) {
        return known.get(slug);
    }

    /**
     * Cluster mode: the status of a slug this node has not seen, read from the directory — a tenant another node
     * created since this node's last pass (docs/cluster.md); null if no tenant has it.
     */
    TenantRecord.Status lookUp(String slug) {
        TenantRecord tenant = directory.bySlug(slug);
        if (tenant == null) {
            return null;
        }
        known.putIfAbsent(slug, tenant.status());
        return tenant.status();
    }

    /** The tenant's application context while it runs, or null: for tests and tools that look behind the API. */
    public org.springframework.context.ApplicationContext context(String slug) {
        TenantRuntime runtime = running.get(slug);
        return runtime == null ? null : runtime.context();
    }

    /**
     * Starts every active tenant (after the web server, so that its own base URL is known), {@code parallelism} at a
     * time; one that cannot start (its schema gone, its journal unreadable) is logged, answers 503, and does not stop
     * the others.
     */
    synchronized void startAll() {
        List<TenantRecord> all = directory.all();
        // Known first: while they start, the others answer 503, not 404.
        all.forEach(tenant -> known.put(tenant.slug(), tenant.status()));
        List<TenantRecord> active = all.stream().filter(tenant -> tenant.status() == TenantRecord.Status.ACTIVE
                && !running.containsKey(tenant.slug()) && placement.runsHere(tenant.slug())).toList();
        if (active.isEmpty()) {
            return;
        }
        Instant begun = Instant.now();
        try {
            Map<String, Throwable> failed = BoundedStarts.run(active, parallelism, TenantRecord::slug,
                    tenant -> start(tenant, null));
            failed.forEach((slug, cause) -> LOG.error("tenant {} did not start; its paths answer 503 until it does",
                    slug, cause));
            LOG.info("{} of {} active tenants started in {} ms, {} at a time{}", active.size() - failed.size(),
                    active.size(), Duration.between(begun, Instant.now()).toMillis(), parallelism,
                    failed.isEmpty() ? "" : "; not started: " + String.join(", ", new TreeSet<>(failed.keySet())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a new tenant's context on its fresh schema (Flyway migrates it); the caller records it after. */
    synchronized void startNew(TenantRecord tenant, String operatorPassword) throws ServletException {
        directory.createSchema(tenant.schema());
        start(tenant, operatorPassword);
    }

    /** The tenant was recorded (its row committed): it is now routed by its status. */
    void recorded(TenantRecord tenant) {
        known.put(tenant.slug(), tenant.status());
        if (!placement.runsHere(tenant.slug())) {
            // Cluster mode: it was started here only to migrate its schema; the node the group picks runs it.
            stop(tenant.slug());
        }
        placement.changed();
    }

    /**
     * Stops the tenant's context, if it runs or stands by here (a failed creation, a suspension, the group took it
     * away); waits for its start under way.
     */
    void stop(String slug) {
        synchronized (guard(slug)) {
            TenantRuntime runtime = running.remove(slug);
            if (runtime != null) {
                runtime.close();
            }
            Standby warm = standby.remove(slug);
            if (warm != null) {
                warm.runtime().close();
            }
        }
    }

    synchronized void setStatus(String slug, TenantRecord.Status status) throws ServletException {
        known.put(slug, status);
        if (status != TenantRecord.Status.ACTIVE) {
            stop(slug);
        } else if (!running.containsKey(slug) && placement.runsHere(slug)) {
            start(directory.bySlug(slug), null);
        }
        placement.changed();
    }

    /**
     * Cluster mode: starts an active tenant the group gave this node (its journal recovers first); false if not.
     * Holds only this tenant's guard, so that a node starts several tenants at once.
     */
    public boolean startHere(String slug) throws ServletException {
        TenantRecord tenant = directory.bySlug(slug);
        if (tenant == null || tenant.status() != TenantRecord.Status.ACTIVE) {
            return false;
        }
        start(tenant, null);
        return true;
    }

    /** Cluster mode: stops the tenant here (the group took it away, or it was suspended elsewhere). */
    public void stopHere(String slug) {
        stop(slug);
    }

    /** Whether the tenant's context runs on this node. */
    public boolean runsHere(String slug) {
        return running.containsKey(slug);
    }

    /**
     * Cluster mode: builds a standby context for an active tenant another node serves (docs/cluster.md, "Warm
     * standby"), so that taking it over here only recovers its journal; false if it runs or stands by here already,
     * or is not active. Holds only this tenant's guard.
     */
    public boolean standBy(String slug) throws ServletException {
        TenantRecord tenant = directory.bySlug(slug);
        // serve --demo's second tenant fills itself with the demo when it starts, which needs its engine: no standby.
        if (tenant == null || tenant.status() != TenantRecord.Status.ACTIVE || contexts.isDemo(slug)) {
            return false;
        }
        synchronized (guard(slug)) {
            if (running.containsKey(slug) || standby.containsKey(slug)) {
                return false;
            }
            Instant begun = Instant.now();
            standby.put(slug, new Standby(tenant, contexts.standby(tenant, server.baseUrl())));
            LOG.info("tenant {} stands by here, built in {} ms", slug, Duration.between(begun, Instant.now()).toMillis());
            return true;
        }
    }

    /** The tenant's standby context here, or null: for tests and tools that look behind the API. */
    public org.springframework.context.ApplicationContext standbyContext(String slug) {
        Standby warm = standby.get(slug);
        return warm == null ? null : warm.runtime().context();
    }

    /** Whether a standby context of the tenant is ready here. */
    public boolean standsByHere(String slug) {
        return standby.containsKey(slug);
    }

    /** How many standby contexts this node holds. */
    public int standbys() {
        return standby.size();
    }

    /** Cluster mode: reads the directory again (tenants created or suspended on other nodes) and returns it. */
    public List<TenantRecord> refresh() {
        List<TenantRecord> all = directory.all();
        all.forEach(tenant -> known.put(tenant.slug(), tenant.status()));
        return all;
    }

    List<TenantRecord> all() {
        return directory.all();
    }

    /** Starts the tenant's context unless it runs already; under the tenant's guard. */
    private void start(TenantRecord tenant, String operatorPassword) throws ServletException {
        synchronized (guard(tenant.slug())) {
            if (running.containsKey(tenant.slug())) {
                return;
            }
            Instant begun = Instant.now();
            if (startStandby(tenant, begun)) {
                return;
            }
            TenantRuntime runtime = contexts.start(tenant, server.baseUrl(), operatorPassword);
            running.put(tenant.slug(), runtime);
            LOG.info("tenant {} started in {} ms (schema {})", tenant.slug(),
                    Duration.between(begun, Instant.now()).toMillis(), tenant.schema());
        }
    }

    /**
     * Serves the tenant from its standby context, if it has one: recovers its journal there; false if it has none. A
     * standby built for another schema, plan or journal than the tenant's now, or whose recovery fails, is closed,
     * and the tenant starts afresh (a failure is logged).
     */
    private boolean startStandby(TenantRecord tenant, Instant begun) {
        String slug = tenant.slug();
        Standby warm = standby.remove(slug);
        if (warm == null) {
            return false;
        }
        if (!warm.fits(tenant)) {
            LOG.info("tenant {} changed since its standby was built; starting a new context", slug);
            warm.runtime().close();
            return false;
        }
        try {
            warm.runtime().startServing();
        } catch (RuntimeException e) {
            LOG.warn("tenant {}: its standby context did not take over; starting a new one", slug, e);
            warm.runtime().close();
            return false;
        }
        running.put(slug, warm.runtime());
        LOG.info("tenant {} served from its standby after {} ms", slug, Duration.between(begun, Instant.now())
                .toMillis());
        return true;
    }

    private Object guard(String slug) {
        return guards.computeIfAbsent(slug, any -> new Object());
    }

    @Override
    public synchronized void destroy() {
        Set<String> slugs = new TreeSet<>(running.keySet());
        slugs.addAll(standby.keySet());
        for (String slug : slugs) {
            try {
                stop(slug);
            } catch (RuntimeException e) {
                LOG.warn("tenant {} did not stop cleanly", slug, e);
            }
        }
    }
}
