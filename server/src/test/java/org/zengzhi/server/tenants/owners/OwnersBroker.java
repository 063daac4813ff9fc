package org.zengzhi.server.tenants.owners;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * One real Kafka broker and KRaft controller in this JVM (Kafka's own test kit, as cluster/src/test does), with
 * short group timeouts allowed so that a dead node's tenants move within seconds.
 */
final class OwnersBroker implements AutoCloseable {
    private final KafkaClusterTestKit kit;

    OwnersBroker() throws Exception {
        kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
                .setNumControllerNodes(1).build())
                .setConfigProp("group.min.session.timeout.ms", "500")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("offsets.topic.replication.factor", "1")
                // The tenants journal on this broker too (KafkaJournal's transactional producers).
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .build();
        kit.format();
        kit.startup();
        kit.waitForReadyBrokers();
    }

    String bootstrap() {
        return kit.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        kit.close();
    }
}
