package org.zengzhi.server.tenants.owners;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.zengzhi.server.tenants.TenantPlacement;

/**
 * What this node knows of the tenants' placement: the partitions the consumer group gave it (with the group's
 * generation at that moment), each tenant's partition, and where the others' tenants are served. It changes only
 * through the group; it starts and stops nothing itself ({@link OwnerLifecycle} does).
 */
final class Ownership implements TenantPlacement {
    private final OwnerRows rows;
    private final Supplier<String> nodeUrl;
    private final Map<Integer, Integer> owned = new ConcurrentHashMap<>();
    private volatile Map<String, Integer> partitions = Map.of();
    private final Semaphore wake = new Semaphore(0);

    Ownership(OwnerRows rows, Supplier<String> nodeUrl) {
        this.rows = rows;
        this.nodeUrl = nodeUrl;
    }

    String nodeUrl() {
        return nodeUrl.get();
    }

    @Override
    public boolean runsHere(String slug) {
        return generationOf(slug) != null;
    }

    /**
     * Another node's URL if the table names one; null while this node holds the partition (it is starting or
     * catching up the tenant) and while no node is recorded, so that routing answers 503 then.
     */
    @Override
    public String ownerUrl(String slug) {
        if (runsHere(slug)) {
            return null;
        }
        String owner = rows.owner(slug);
        return owner == null || owner.equals(nodeUrl()) ? null : owner;
    }

    @Override
    public boolean servesDefaultTenant() {
        return false;
    }

    @Override
    public void changed() {
        wake.release();
    }

    /** Waits until something changed or {@code millis} passed. */
    void awaitChange(long millis) throws InterruptedException {
        wake.tryAcquire(millis, TimeUnit.MILLISECONDS);
        wake.drainPermits();
    }

    /** The group's generation in which this node got the tenant's partition, or null if it does not hold it. */
    Integer generationOf(String slug) {
        Integer partition = partitions.get(slug);
        return partition == null ? null : owned.get(partition);
    }

    void own(int partition, int generation) {
        owned.put(partition, generation);
        changed();
    }

    /** Forgets the partition; returns the generation it was held in, or null. */
    Integer drop(int partition) {
        return owned.remove(partition);
    }

    void dropAll() {
        owned.clear();
    }

    /** The tenant of a partition, or null (partition 0, or a tenant this node has not read yet). */
    String slugOf(int partition) {
        for (Map.Entry<String, Integer> entry : partitions.entrySet()) {
            if (entry.getValue() == partition) {
                return entry.getKey();
            }
        }
        return null;
    }

    void partitions(Map<String, Integer> bySlug) {
        partitions = Map.copyOf(bySlug);
    }
}
