package org.zengzhi.server.tenants.owners;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.server.tenants.TenantRecord;
import org.zengzhi.server.tenants.Tenants;

/**
 * Makes the tenants running here match what the group gave this node: starts an active tenant whose partition it
 * holds (its journal recovers before it serves) and then records itself as its server; stops a tenant the group
 * took away, or that was suspended, before anything else may start it. One lock orders these, so a take-away
 * waits for a start under way and stops what it started.
 */
final class OwnerLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerLifecycle.class);

    private final Tenants tenants;
    private final Ownership ownership;
    private final OwnerRows rows;
    private final TenantPartitions partitions;
    private final ReentrantLock lock = new ReentrantLock();
    /** The generation each running tenant's row was claimed in. */
    private final Map<String, Integer> claimed = new ConcurrentHashMap<>();

    OwnerLifecycle(Tenants tenants, Ownership ownership, OwnerRows rows, TenantPartitions partitions) {
        this.tenants = tenants;
        this.ownership = ownership;
        this.rows = rows;
        this.partitions = partitions;
    }

    /**
     * One pass: reads the directory (tenants created or suspended on any node), gives new tenants a partition,
     * grows the topic to match, and settles each tenant. Returns the partition count the topic needs.
     */
    int reconcile() {
        List<TenantRecord> all = tenants.refresh();
        partitions.assignMissing();
        Map<String, Integer> bySlug = partitions.all();
        ownership.partitions(bySlug);
        for (TenantRecord tenant : all) {
            settle(tenant.slug(), tenant.status() == TenantRecord.Status.ACTIVE);
        }
        return bySlug.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    private void settle(String slug, boolean active) {
        lock.lock();
        try {
            Integer generation = ownership.generationOf(slug);
            if (generation != null && active) {
                boolean running = tenants.runsHere(slug) || tenants.startHere(slug);
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

    /** The group took these partitions away (or this node lost them): stop their tenants before returning. */
    void giveUp(Collection<Integer> taken) {
        lock.lock();
        try {
            for (int partition : taken) {
                Integer generation = ownership.drop(partition);
                String slug = ownership.slugOf(partition);
                if (slug != null) {
                    stop(slug, generation);
                }
            }
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            ownership.dropAll();
            for (TenantRecord tenant : tenants.refresh()) {
                tenants.stopHere(tenant.slug());
            }
            claimed.clear();
        } finally {
            lock.unlock();
        }
    }
}
