package org.zengzhi.cluster;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The client settings the cluster's guarantees rest on, in one place (docs/cluster.md explains each). */
public final class KafkaSettings {
    /** The largest snapshot a tenant may write to the snapshots topic (and the topic's max.message.bytes). */
    public static final int SNAPSHOT_BYTES_MAX = 16 * 1024 * 1024;

    private KafkaSettings() {
    }

    /**
     * A producer whose acknowledgement means "held by every in-sync replica" ({@code acks=all}) and that never
     * writes a record twice when it retries (idempotent producer: the broker drops a resent batch).
     */
    public static Properties producer(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, SNAPSHOT_BYTES_MAX);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    /**
     * A node's consumer: in the nodes' group, no auto-commit (a node's start position comes from the tenant's
     * snapshot, not from committed offsets), and {@code sessionTimeoutMs} is how long a dead node keeps its
     * partitions before the group gives them to the others.
     */
    public static Properties consumer(String bootstrap, String group, String clientId, int sessionTimeoutMs) {
        Properties p = reader(bootstrap, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, sessionTimeoutMs);
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Math.max(100, sessionTimeoutMs / 6));
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                org.apache.kafka.clients.consumer.CooperativeStickyAssignor.class.getName());
        return p;
    }

    /**
     * A node's consumer on Kafka 4's consumer group protocol ({@code group.protocol=consumer}, KIP-848): the brokers
     * compute the assignment and hand it out in heartbeats, one member at a time, with no stop-the-world rebalance.
     * Session timeout and heartbeat interval are then the group's, set on the brokers
     * ({@code group.consumer.session.timeout.ms}, {@code group.consumer.heartbeat.interval.ms} and their
     * {@code min} bounds), not here; the client may not set them.
     */
    public static Properties consumerProtocol(String bootstrap, String group, String clientId) {
        Properties p = reader(bootstrap, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        return p;
    }

    /** A consumer outside any group (assign and seek only): snapshot reads, replays, checks. */
    public static Properties reader(String bootstrap, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, SNAPSHOT_BYTES_MAX);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }
}
