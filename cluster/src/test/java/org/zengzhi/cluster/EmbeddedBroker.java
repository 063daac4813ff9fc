package org.zengzhi.cluster;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker and KRaft controller in this JVM (Kafka's own test kit), with the cluster's topics made.
 * One broker in-process is not the production setup (three brokers, replicas 3, min.insync.replicas 2).
 */
final class EmbeddedBroker implements AutoCloseable {
    private final KafkaClusterTestKit kit;

    EmbeddedBroker(ClusterTopics topics) throws Exception {
        kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("group.min.session.timeout.ms", "500")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                // Kafka 4's consumer group protocol: its session and heartbeat are the broker's settings.
                .setConfigProp("group.consumer.min.session.timeout.ms", "500")
                .setConfigProp("group.consumer.session.timeout.ms", "3000")
                .setConfigProp("group.consumer.min.heartbeat.interval.ms", "100")
                .setConfigProp("group.consumer.heartbeat.interval.ms", "500")
                .setConfigProp("group.consumer.min.assignment.interval.ms", "0")
                .setConfigProp("group.consumer.assignment.interval.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
        create(topics);
    }

    /** Makes another pair of cluster topics on this broker (one replica: there is one broker). */
    void create(ClusterTopics topics) throws Exception {
        try (Admin admin = kit.admin(Map.of())) {
            topics.create(admin, (short) 1, 1);
        }
    }

    String bootstrap() {
        return kit.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
