package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.log.LogLines;

/**
 * A tenant's partition replayed into an engine, outside any group: from its first record into a fresh engine, the
 * reference a node's state is checked against ("each tenant's state hash equals a replay of its partition"), or from
 * a snapshot on (a move, {@code move.TenantMove}). A replay stops at a seal ({@link TenantSeal}), as a node does:
 * nothing after it is applied on this cluster.
 */
public final class PartitionReplay {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PartitionReplay() {
    }

    /**
     * The engine after every record of the partition up to its end now (or its seal), how many records that was, the
     * last applied offset and the seal's offset (-1: none).
     */
    public record Replayed(Engine engine, long records, long lastOffset, long sealOffset) {
    }

    public static Replayed replay(String bootstrap, ClusterTopics topics, String tenant, Engine fresh) {
        return replay(bootstrap, topics, tenant, fresh, 0);
    }

    /** Replays into {@code engine} (its state as of offset {@code from} − 1) from offset {@code from} on. */
    public static Replayed replay(String bootstrap, ClusterTopics topics, String tenant, Engine engine, long from) {
        TopicPartition partition = new TopicPartition(topics.commands(), topics.partition(tenant));
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        long records = 0;
        long last = from - 1;
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.reader(bootstrap,
                "replay-" + tenant))) {
            reader.assign(List.of(partition));
            reader.seek(partition, from);
            long end = reader.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (reader.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(tenant + "'s partition was not read to its end in " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (TenantSeal.isSeal(record)) {
                        return new Replayed(engine, records, last, record.offset());
                    }
                    out.clear();
                    engine.execute(lines.parse(record.offset(), new String(record.value(), StandardCharsets.UTF_8)),
                            out);
                    records++;
                    last = record.offset();
                }
            }
        }
        return new Replayed(engine, records, last, -1);
    }
}
