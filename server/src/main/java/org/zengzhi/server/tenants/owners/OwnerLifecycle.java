package org.zengzhi.server.tenants.owners;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.server.tenants.BoundedStarts;
import org.zengzhi.server.tenants.TenantRecord;

/**
 * Makes the tenants running here match what the group gave this node: starts the active tenants whose partitions it
 * holds ({@code zengzhi.tenants.start-parallelism} at a time; each journal recovers before it serves) and then records
 * the node as each one's server; stops a tenant the group took away, or that was suspended, before anything else may
 * start it. Each tenant has its own lock ordering these, so a take-away waits for that tenant's start under way and
 * stops what it started, while a take-away of a tenant not starting stops it at once.
 */
final class OwnerLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerLifecycle.class);
    /** Standbys taken over at once at most. */
    static final int TAKE_OVERS_MAX = 16;

    private final TenantRunner tenants;
    private final Ownership ownership;
    private final OwnerRows rows;
    private final TenantPartitions partitions;
    private final int parallelism;
    /** Standby contexts kept at most (docs/cluster.md, "Warm standby"); 0: none. */
    private final int standbyMax;
    /** Builds standby contexts one at a time, behind the starts of the tenants this node serves. */
    private final ExecutorService standbyBuilder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "tenant-standby");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> standbyQueued = ConcurrentHashMap.newKeySet();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** The generation each running tenant's row was claimed in. */
    private final Map<String, Integer> claimed = new ConcurrentHashMap<>();

    OwnerLifecycle(TenantRunner tenants, Ownership ownership, OwnerRows rows, TenantPartitions partitions,
            int parallelism, int standbyMax) {
        this.tenants = tenants;
        this.standbyMax = standbyMax;
        this.ownership = ownership;
        this.rows = rows;
        this.partitions = partitions;
        this.parallelism = parallelism;
    }

    /**
     * One pass: reads the directory (tenants created or suspended on any node), gives new tenants a partition,
     * grows the topic to match, and settles each tenant: stops first, then the starts, several at once. Returns the
     * partition count the topic needs.
     */
    int reconcile() throws InterruptedException {
        List<TenantRecord> all = tenants.refresh();
        partitions.assignMissing();
        Map<String, Integer> bySlug = partitions.all();
        ownership.partitions(bySlug);
        List<String> starts = new ArrayList<>();
        for (TenantRecord tenant : all) {
            boolean active = tenant.status() == TenantRecord.Status.ACTIVE;
            if (active && ownership.generationOf(tenant.slug()) != null && !tenants.runsHere(tenant.slug())) {
                starts.add(tenant.slug());
            } else {
                settle(tenant.slug(), active);
            }
        }
        // settle() logs its own failures: a tenant that cannot start answers 503 and the next pass tries again.
        // Standbys first, all at once (up to TAKE_OVERS_MAX): each only recovers its journal, mostly waiting on Kafka
        // and SQL, and fencing every one of them early keeps a dead node's open transaction on a shared partition
        // from holding up the others' catch-up reads. Then the tenants that must build a context, a few at a time.
        Map<Boolean, List<String>> standingBy = starts.stream()
                .collect(Collectors.partitioningBy(tenants::standsByHere));
        List<String> warm = standingBy.get(true);
        BoundedStarts.run(warm, Math.max(parallelism, Math.min(warm.size(), TAKE_OVERS_MAX)), slug -> slug,
                slug -> settle(slug, true));
        BoundedStarts.run(standingBy.get(false), parallelism, slug -> slug, slug -> settle(slug, true));
        standBy(all);
        return bySlug.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private void settle(String slug, boolean active) {
        ReentrantLock lock = lock(slug);
        lock.lock();
        try {
            Integer generation = ownership.generationOf(slug);
            if (generation != null && active) {
                boolean running = tenants.runsHere(slug) || tenants.startHere(slug);
                // Only after the context started: a row names a node that serves the tenant.
                if (running && !generation.equals(claimed.get(slug))) {
                    rows.claim(slug, ownership.nodeUrl(), generation);
                    claimed.put(slug, generation);
                    LOG.info("node {} serves tenant {} (group generation {})", ownership.nodeUrl(), slug, generation);
                }
            } else if (tenants.runsHere(slug)) {
                stop(slug, generation);
            } else if (!active && tenants.standsByHere(slug)) {
                // A suspended (or closed) tenant keeps no standby: it is built again once the tenant is resumed.
                tenants.stopHere(slug);
            }
        } catch (Exception e) {
            // A tenant that cannot start here answers 503; the next pass tries again.
            LOG.error("node {}: tenant {} did not start", ownership.nodeUrl(), slug, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The group took these partitions away (or this node lost them): stops their tenants before returning. A tenant
     * starting now is stopped once its start ends; one whose start has not begun will not begin.
     */
    void giveUp(Collection<Integer> taken) {
        for (int partition : taken) {
            String slug = ownership.slugOf(partition);
            if (slug == null) {
                ownership.drop(partition);
                continue;
            }
            ReentrantLock lock = lock(slug);
            lock.lock();
            try {
                stop(slug, ownership.drop(partition));
            } finally {
                lock.unlock();
            }
        }
    }

    private void stop(String slug, Integer generation) {
        tenants.stopHere(slug);
        claimed.remove(slug);
        if (generation != null) {
            rows.release(slug, ownership.nodeUrl(), generation);
        }
        LOG.info("node {} no longer serves tenant {}", ownership.nodeUrl(), slug);
    }

    /** A sudden death (tests): closes every tenant here and tells no one — the rows stay as they were. */
    void abandon() throws InterruptedException {
        stopStandbys();
        ownership.dropAll();
        for (TenantRecord tenant : tenants.refresh()) {
            ReentrantLock lock = lock(tenant.slug());
            lock.lock();
            try {
                tenants.stopHere(tenant.slug());
                claimed.remove(tenant.slug());
            } finally {
                lock.unlock();
            }
        }
    }

    /** Queues a standby build for each active tenant this node does not serve, while under {@link #standbyMax}. */
    private void standBy(List<TenantRecord> all) {
        if (standbyBuilder.isShutdown()) {
            return; // the node leaves
        }
        for (TenantRecord tenant : all) {
            if (tenants.standbys() + standbyQueued.size() >= standbyMax) {
                return;
            }
            String slug = tenant.slug();
            if (tenant.status() == TenantRecord.Status.ACTIVE && ownership.generationOf(slug) == null
                    && !tenants.runsHere(slug) && !tenants.standsByHere(slug) && standbyQueued.add(slug)) {
                standbyBuilder.execute(() -> buildStandby(slug));
            }
        }
    }

    /** Under the tenant's lock: a take-over of it waits for the build and then serves from it. */
    private void buildStandby(String slug) {
        ReentrantLock lock = lock(slug);
        lock.lock();
        try {
            if (ownership.generationOf(slug) == null) {
                tenants.standBy(slug);
            }
        } catch (Exception e) {
            LOG.warn("node {}: no standby for tenant {}; the next pass tries again", ownership.nodeUrl(), slug, e);
        } finally {
            lock.unlock();
            standbyQueued.remove(slug);
        }
    }

    /** Stops building standbys (the node leaves or dies); the ones built are closed with the tenants. */
    void stopStandbys() throws InterruptedException {
        standbyBuilder.shutdownNow();
        standbyBuilder.awaitTermination(1, TimeUnit.MINUTES);
    }

    private ReentrantLock lock(String slug) {
        return locks.computeIfAbsent(slug, any -> new ReentrantLock());
    }
}
