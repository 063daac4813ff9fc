package org.zengzhi.server.tenants.owners;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.cluster.GroupExit;
import org.zengzhi.cluster.KafkaSettings;

/**
 * This server as a node of the cluster: a member of the nodes' consumer group, subscribed to the tenants topic
 * (cooperative-sticky assignor, {@link KafkaSettings#consumer}). Its poller thread only polls (which keeps it in
 * the group) and hears assignments; its lifecycle thread settles the tenants every {@link #PASS_MILLIS} or as
 * soon as something changed. Leaving (closing the server) hands its tenants over at once; dying leaves them to
 * the group's session timeout.
 */
final class OwnerNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerNode.class);
    static final long PASS_MILLIS = 2_000;
    /** New partitions (new tenants) reach every member within this, so the group rebalances to place them. */
    private static final int METADATA_MAX_AGE_MS = 1_000;

    private final OwnersSettings settings;
    private final Ownership ownership;
    private final OwnerLifecycle lifecycle;
    private final TenantsTopic topic;
    private final Thread poller;
    private final Thread settler;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean killed;

    OwnerNode(OwnersSettings settings, Ownership ownership, OwnerLifecycle lifecycle, TenantsTopic topic) {
        this.settings = settings;
        this.ownership = ownership;
        this.lifecycle = lifecycle;
        this.topic = topic;
        this.poller = new Thread(this::poll, "owners-poller");
        this.settler = new Thread(this::settle, "owners-lifecycle");
    }

    /** Joins the group once the web server answers (this node's URL is then known). */
    void start() throws Exception {
        topic.ensure(lifecycle.reconcile());
        Properties properties = KafkaSettings.consumer(settings.bootstrapServers(), settings.group(),
                "node-" + ownership.nodeUrl().replaceAll("[^A-Za-z0-9.-]", "_"),
                (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
        consumer = new KafkaConsumer<>(properties);
        poller.start();
        settler.start();
        LOG.info("node {} joined group {} on topic {}", ownership.nodeUrl(), settings.group(), settings.topic());
    }

    private void poll() {
        try {
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            while (running) {
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException e) {
            // close() or kill()
        } catch (RuntimeException e) {
            LOG.error("node {} stopped polling: it leaves the group and stops its tenants", ownership.nodeUrl(), e);
        } finally {
            closeConsumer();
        }
    }

    private void closeConsumer() {
        GroupExit.close(consumer, killed);
    }

    private void settle() {
        while (running) {
            try {
                topic.ensure(lifecycle.reconcile());
                ownership.awaitChange(PASS_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                LOG.warn("node {}: a placement pass failed; the next one tries again", ownership.nodeUrl(), e);
                try {
                    ownership.awaitChange(PASS_MILLIS);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Leaves the group: the poller's last act gives every tenant up (stopped here, rows released). */
    @Override
    public void close() throws InterruptedException {
        if (killed || !running) {
            return;
        }
        running = false;
        ownership.changed();
        settler.join();
        lifecycle.stopStandbys();
        if (consumer != null) {
            consumer.wakeup();
            poller.join();
        }
    }

    /**
     * Dies abruptly, as a crashed process would (tests): stops polling and staying in the group without telling
     * the broker, closes its tenants and writes nothing; the group hands them over after the session timeout.
     */
    void kill() throws InterruptedException {
        LOG.warn("node {} dies without a word to the group", ownership.nodeUrl());
        killed = true;
        running = false;
        ownership.changed();
        consumer.wakeup();
        poller.join();
        settler.join();
        lifecycle.abandon();
    }

    /** Runs on the poller thread inside poll() (and close()). */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            int generation = consumer.groupMetadata().generationId();
            for (TopicPartition partition : partitions) {
                ownership.own(partition.partition(), generation);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!killed) {
                lifecycle.giveUp(partitions.stream().map(TopicPartition::partition).toList());
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another node may serve these already: stop at once.
            lifecycle.giveUp(partitions.stream().map(TopicPartition::partition).toList());
        }
    }
}
