package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.zengzhi.engine.Command;
import org.zengzhi.log.LogLines;

/**
 * Appends a tenant's commands to its partition, one command-log line per record. The returned future completes
 * with the command's offset only once every in-sync replica holds it ({@code acks=all}): that is when a caller
 * may be told "accepted into the log". Applying it is the owning node's work.
 */
public final class CommandSender implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final ClusterTopics topics;

    public CommandSender(String bootstrap, ClusterTopics topics, String clientId) {
        this.producer = new KafkaProducer<>(KafkaSettings.producer(bootstrap, clientId));
        this.topics = topics;
    }

    public CompletableFuture<Long> send(String tenant, Command command) {
        CompletableFuture<Long> acked = new CompletableFuture<>();
        byte[] line = LogLines.write(command).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topics.commands(), topics.partition(tenant), tenant, line), (meta, e) -> {
            if (e != null) {
                acked.completeExceptionally(e);
            } else {
                acked.complete(meta.offset());
            }
        });
        return acked;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
