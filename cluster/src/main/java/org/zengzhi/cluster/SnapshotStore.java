package org.zengzhi.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

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

    public SnapshotStore(String bootstrap, ClusterTopics topics, String clientId) {
        this.bootstrap = bootstrap;
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

    /** The newest snapshot of each tenant that has one, read to the topic's end. */
    public Map<String, TenantSnapshot> latest() {
        TopicPartition partition = new TopicPartition(topics.snapshots(), 0);
        Map<String, TenantSnapshot> newest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.reader(bootstrap,
                "snapshot-reader"))) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (reader.position(partition, READ_TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the snapshots topic was not read to its end in " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    TenantSnapshot snapshot = TenantSnapshot.decode(record.key(), record.value());
                    newest.merge(snapshot.tenant(), snapshot, (a, b) -> a.offset() >= b.offset() ? a : b);
                }
            }
        }
        return newest;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** Drops unsent snapshots at once (a node's abrupt death in tests). */
    void abandon() {
        producer.close(Duration.ZERO);
    }
}
