package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's view of the tenants sealed on its cluster (the compacted {@link ClusterTopics#seals()} topic, read to
 * its end over and over on a thread of its own). {@link #currentAfter} completes once a read that began after the
 * given moment reached the topic's end: a sender that waits for it after an acknowledgement sees every seal written
 * before that acknowledgement, which is what makes the refusal exact (see {@link CommandSender}).
 */
public final class TenantSeals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TenantSeals.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

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

    private record Waiter(long sinceNanos, CompletableFuture<Void> done) {
    }

    private final Map<String, Seal> seals = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Waiter> waiting = new ConcurrentLinkedQueue<>();
    private final KafkaConsumer<String, byte[]> reader;
    private final TopicPartition partition;
    private final Thread thread;
    private volatile boolean running = true;

    public TenantSeals(String bootstrap, ClusterTopics topics, String clientId) {
        this.reader = new KafkaConsumer<>(KafkaSettings.reader(bootstrap, clientId + "-seals"));
        this.partition = new TopicPartition(topics.seals(), 0);
        this.thread = new Thread(this::run, "seals-" + clientId);
        thread.setDaemon(true);
        thread.start();
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the seals view is closed"));
            return done;
        }
        waiting.add(new Waiter(sinceNanos, done));
        return done;
    }

    private void run() {
        try {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            while (running) {
                long began = System.nanoTime();
                long end = reader.endOffsets(List.of(partition), TIMEOUT).get(partition);
                while (reader.position(partition, TIMEOUT) < end) {
                    reader.poll(Duration.ofMillis(100)).forEach(this::take);
                }
                waiting.removeIf(w -> w.sinceNanos() < began && w.done().complete(null));
                if (waiting.isEmpty()) {
                    reader.poll(Duration.ofMillis(20)).forEach(this::take);
                }
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            LOG.error("the seals view stopped reading", e);
        } finally {
            running = false;
            reader.close(Duration.ZERO);
            waiting.forEach(w -> w.done().completeExceptionally(new IllegalStateException("the seals view closed")));
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        Seal seal = Seal.decode(record.key(), record.value());
        // A known offset is never replaced by "being written" (a re-run of a move writes its intent again).
        seals.merge(seal.tenant(), seal, (old, now) -> old.offsetKnown() && !now.offsetKnown() ? old : now);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        try {
            reader.wakeup();
        } catch (IllegalStateException e) {
            // already closed by its thread
        }
        thread.join(10_000);
    }
}
