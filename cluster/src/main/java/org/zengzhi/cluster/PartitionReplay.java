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
 * A tenant's partition replayed from its first record into a fresh engine, outside any group: the reference a
 * node's state is checked against ("each tenant's state hash equals a replay of its partition").
 */
public final class PartitionReplay {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private PartitionReplay() {
    }

    /** The engine after every record of the partition up to its end now, and how many records that was. */
    public record Replayed(Engine engine, long records, long lastOffset) {
    }

    public static Replayed replay(String bootstrap, ClusterTopics topics, String tenant, Engine fresh) {
        TopicPartition partition = new TopicPartition(topics.commands(), topics.partition(tenant));
        LogLines lines = new LogLines(fresh::clock);
        EngineOutput out = new EngineOutput();
        long records = 0;
        long last = -1;
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.reader(bootstrap,
                "replay-" + tenant))) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition), TIMEOUT).get(partition);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (reader.position(partition, TIMEOUT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(tenant + "'s partition was not read to its end in " + TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    out.clear();
                    fresh.execute(lines.parse(record.offset(), new String(record.value(), StandardCharsets.UTF_8)), out);
                    records++;
                    last = record.offset();
                }
            }
        }
        return new Replayed(fresh, records, last);
    }
}
