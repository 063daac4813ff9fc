package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A sender's view of the tenants sealed on its cluster (the compacted {@link ClusterTopics#seals()} topic, kept
 * read by a {@link TopicTail}). {@link #currentAfter} completes once a read that began after the
 * given moment reached the topic's end: a sender that waits for it after an acknowledgement sees every seal written
 * before that acknowledgement, which is what makes the refusal exact (see {@link CommandSender}).
 */
public final class TenantSeals implements AutoCloseable {

    /** A seal: {@code tenant} moves to {@code target}; {@code offset} is the seal record's, -1 while being written. */
    public record Seal(String tenant, String target, long offset) {
        public boolean offsetKnown() {
            return offset >= 0;
        }

        byte[] encode() {
            return (target + "\n" + offset).getBytes(StandardCharsets.UTF_8);
        }

        static Seal decode(String tenant, byte[] value) {
            String[] f = new String(value, StandardCharsets.UTF_8).split("\n");
            return new Seal(tenant, f[0], Long.parseLong(f[1]));
        }
    }

    private final Map<String, Seal> seals = new ConcurrentHashMap<>();
    private final TopicTail tail;

    public TenantSeals(String bootstrap, ClusterTopics topics, String clientId) {
        this.tail = new TopicTail(bootstrap, topics.seals(), clientId + "-seals", this::take);
    }

    /** Writes {@code seal} to the seals topic; completes once every in-sync replica holds it. */
    public static RecordMetadata write(Producer<String, byte[]> producer, ClusterTopics topics, Seal seal)
            throws Exception {
        return producer.send(new ProducerRecord<>(topics.seals(), 0, seal.tenant(), seal.encode())).get();
    }

    /** The tenant's seal as far as this view has read. */
    public Optional<Seal> seal(String tenant) {
        return Optional.ofNullable(seals.get(tenant));
    }

    /** Completes once a read of the seals topic that began after {@code sinceNanos} (System.nanoTime) is done. */
    public CompletableFuture<Void> currentAfter(long sinceNanos) {
        return tail.currentAfter(sinceNanos);
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        Seal seal = Seal.decode(record.key(), record.value());
        // A known offset is never replaced by "being written" (a re-run of a move writes its intent again).
        seals.merge(seal.tenant(), seal, (old, now) -> old.offsetKnown() && !now.offsetKnown() ? old : now);
    }

    @Override
    public void close() throws InterruptedException {
        tail.close();
    }
}
