package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.zengzhi.engine.Command;
import org.zengzhi.log.LogLines;

/**
 * Appends a tenant's commands to its partition, one command-log line per record. The returned future completes
 * with the command's offset only once every in-sync replica holds it ({@code acks=all}): that is when a caller
 * may be told "accepted into the log". Applying it is the owning node's work.
 * <p>A tenant sealed on this cluster (moved to another, issue 21 deliver 5) is refused with
 * {@link TenantMovedException}: at once if this sender already knows the seal; otherwise after the acknowledgement,
 * which is confirmed only once the seals topic was read to its end after it. A move writes the seal's intent there
 * before the seal record, so a command acknowledged after the seal always finds the seal and is refused, never told
 * "accepted" (the source's node does not apply it either).
 */
public final class CommandSender implements AutoCloseable {
    private static final long SEAL_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final KafkaProducer<String, byte[]> producer;
    private final ClusterTopics topics;
    private final TenantSeals seals;

    public CommandSender(String bootstrap, ClusterTopics topics, String clientId) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, clientId));
        this.topics = topics;
        this.seals = new TenantSeals(bootstrap, topics, clientId);
    }

    public CompletableFuture<Long> send(String tenant, Command command) {
        Optional<TenantSeals.Seal> seal = seals.seal(tenant);
        if (seal.isPresent()) {
            return CompletableFuture.failedFuture(new TenantMovedException(tenant, seal.get().target(), -1,
                    "refused, nothing sent"));
        }
        CompletableFuture<Long> acked = new CompletableFuture<>();
        byte[] line = LogLines.write(command).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topics.commands(), topics.partition(tenant), tenant, line), (meta, e) -> {
            if (e != null) {
                acked.completeExceptionally(e);
            } else {
                long now = System.nanoTime();
                confirm(tenant, meta.offset(), now, now + SEAL_WAIT_NANOS, acked);
            }
        });
        return acked;
    }

    /** Completes {@code acked} with the offset unless a seal at or before it is known once the seals are current. */
    private void confirm(String tenant, long offset, long since, long deadline, CompletableFuture<Long> acked) {
        seals.currentAfter(since).whenComplete((current, e) -> {
            if (e != null) {
                acked.completeExceptionally(e);
                return;
            }
            Optional<TenantSeals.Seal> seal = seals.seal(tenant);
            if (seal.isEmpty() || seal.get().offsetKnown() && offset < seal.get().offset()) {
                acked.complete(offset);
            } else if (seal.get().offsetKnown()) {
                acked.completeExceptionally(new TenantMovedException(tenant, seal.get().target(), offset,
                        "the command reached the log at offset " + offset + ", after the seal at offset "
                                + seal.get().offset() + ", and is not applied"));
            } else if (System.nanoTime() > deadline) {
                acked.completeExceptionally(new TenantMovedException(tenant, seal.get().target(), offset,
                        "the seal is still being written; whether offset " + offset + " precedes it is not known"));
            } else {
                confirm(tenant, offset, System.nanoTime(), deadline, acked); // the move is writing the seal's offset
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        try {
            seals.currentAfter(System.nanoTime()).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the last acknowledgements are then failed by the view's close
        }
        try {
            seals.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
