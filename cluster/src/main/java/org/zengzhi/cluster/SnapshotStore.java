package org.zengzhi.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Tenants' snapshots in the compacted snapshots topic (key = tenant). Any node may write a tenant's snapshot:
 * the engine is deterministic, so the state at offset n is the same whoever computed it; a reader keeps, per
 * tenant, the snapshot with the highest offset (not merely the last written, since a node that lost a tenant
 * may still write an older one).
 */
public final class SnapshotStore implements AutoCloseable {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private final String bootstrap;
    private final ClusterTopics topics;
    private final KafkaProducer<String, byte[]> producer;
    private final String clientId;
    /** Per tenant the snapshot with the highest offset read so far (from the first {@link #latest()} on). */
    private final Map<String, TenantSnapshot> newest = new ConcurrentHashMap<>();
    private TopicTail tail;

    public SnapshotStore(String bootstrap, ClusterTopics topics, String clientId) {
        this.bootstrap = bootstrap;
        this.clientId = clientId;
        this.topics = topics;
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, clientId + "-snapshots"));
    }

    /** Completes once the snapshot is held by every in-sync replica. */
    public CompletableFuture<TenantSnapshot> save(TenantSnapshot snapshot) {
        CompletableFuture<TenantSnapshot> stored = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topics.snapshots(), 0, snapshot.tenant(), snapshot.encode()), (meta, e) -> {
            if (e != null) {
                stored.completeExceptionally(e);
            } else {
                stored.complete(snapshot);
            }
        });
        return stored;
    }

    /**
     * The newest snapshot of each tenant that has one, as of now: the snapshots topic is kept read in the background
     * from the first call on (a node asks at every assignment, and a failover should not wait for a new consumer to
     * connect and read the topic from its start), and this waits until that reader has reached the end.
     */
    public Map<String, TenantSnapshot> latest() {
        try {
            tail().currentAfter(System.nanoTime()).get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the snapshots topic was not read to its end in " + READ_TIMEOUT, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the snapshots topic cannot be read", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the snapshots topic", e);
        }
        return Map.copyOf(newest);
    }

    private synchronized TopicTail tail() {
        if (tail == null) {
            tail = new TopicTail(bootstrap, topics.snapshots(), clientId + "-snapshot-reader", record -> {
                TenantSnapshot snapshot = TenantSnapshot.decode(record.key(), record.value());
                newest.merge(snapshot.tenant(), snapshot, (a, b) -> a.offset() >= b.offset() ? a : b);
            });
        }
        return tail;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        stopReading();
    }

    /** Drops unsent snapshots at once (a node's abrupt death in tests). */
    void abandon() {
        producer.close(Duration.ZERO);
        stopReading();
    }

    private synchronized void stopReading() {
        if (tail != null) {
            try {
                tail.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
