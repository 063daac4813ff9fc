package org.zengzhi.server.tenants.owners;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

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

    private final TenantRunner tenants;
    private final Ownership ownership;
    private final OwnerRows rows;
    private final TenantPartitions partitions;
    private final int parallelism;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** The generation each running tenant's row was claimed in. */
    private final Map<String, Integer> claimed = new ConcurrentHashMap<>();

    OwnerLifecycle(TenantRunner tenants, Ownership ownership, OwnerRows rows, TenantPartitions partitions,
            int parallelism) {
        this.tenants = tenants;
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
        BoundedStarts.run(starts, parallelism, slug -> slug, slug -> settle(slug, true));
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
    void abandon() {
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

    private ReentrantLock lock(String slug) {
        return locks.computeIfAbsent(slug, any -> new ReentrantLock());
    }
}
