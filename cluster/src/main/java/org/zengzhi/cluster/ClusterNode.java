package org.zengzhi.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.engine.Engine;

/**
 * A Zengzhi node of the cluster: a member of the nodes' consumer group. For each partition the group gives it, it
 * restores the tenant's newest snapshot, seeks just past it and applies the tail and everything after on the
 * tenant's own thread ({@link TenantWorker}). When the group takes a partition away (another node joined) it
 * finishes what it holds and lets go; when a node dies, the group notices its silence after the session timeout
 * and hands its partitions to the others, which restore and replay the same way.
 */
public final class ClusterNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private final String name;
    private final ClusterTopics topics;
    private final Supplier<Engine> freshEngine;
    private final long snapshotEvery;
    private final OutputSink outputs;
    private final SnapshotStore snapshots;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Integer, TenantWorker> workers = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile boolean killed;
    private boolean closed;

    /**
     * Joins {@code group} and starts polling. {@code freshEngine} makes a tenant's engine when it has no snapshot
     * yet; {@code sessionTimeoutMs} bounds how long the group waits for this node if it dies.
     */
    public ClusterNode(String bootstrap, ClusterTopics topics, String group, String name, Supplier<Engine> freshEngine,
            long snapshotEvery, int sessionTimeoutMs, OutputSink outputs) {
        this(bootstrap, topics, group, name, freshEngine, snapshotEvery,
                KafkaSettings.consumer(bootstrap, group, name, sessionTimeoutMs), outputs);
    }

    /**
     * As above, with the consumer's settings given ({@link KafkaSettings#consumer} for the classic group protocol,
     * {@link KafkaSettings#consumerProtocol} for Kafka 4's consumer group protocol, KIP-848).
     */
    public ClusterNode(String bootstrap, ClusterTopics topics, String group, String name, Supplier<Engine> freshEngine,
            long snapshotEvery, Properties consumerSettings, OutputSink outputs) {
        this.name = name;
        this.topics = topics;
        this.freshEngine = freshEngine;
        this.snapshotEvery = snapshotEvery;
        this.outputs = outputs;
        this.snapshots = new SnapshotStore(bootstrap, topics, name);
        this.consumer = new KafkaConsumer<>(consumerSettings);
        this.poller = new Thread(this::run, "cluster-node-" + name);
        this.poller.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topics.commands()), new Rebalance());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                for (TopicPartition partition : records.partitions()) {
                    TenantWorker worker = workers.get(partition.partition());
                    if (worker != null && !killed) {
                        worker.submit(records.records(partition));
                    }
                }
            }
        } catch (WakeupException e) {
            // close() or kill(): fall through to the close below
        } catch (RuntimeException e) {
            LOG.error("node {} stopped polling", name, e);
        } finally {
            closeConsumer();
        }
    }

    private void closeConsumer() {
        GroupExit.close(consumer, killed);
    }

    /** The tenants this node applies now. */
    public Set<String> tenants() {
        Set<String> owned = new TreeSet<>();
        workers.keySet().forEach(partition -> owned.add(topics.tenant(partition)));
        return owned;
    }

    /** The last offset of {@code tenant}'s partition applied here, or -2 if this node does not hold the tenant. */
    public long applied(String tenant) {
        TenantWorker worker = workers.get(topics.partition(tenant));
        return worker == null ? -2 : worker.applied();
    }

    /** The snapshot offset this node restored {@code tenant} from (-1: from the start), or -2 if not held. */
    public long restoredFrom(String tenant) {
        TenantWorker worker = workers.get(topics.partition(tenant));
        return worker == null ? -2 : worker.restoredFrom();
    }

    /** Snapshots of {@code tenant} this node has stored, or 0 if not held. */
    public long snapshotsStored(String tenant) {
        TenantWorker worker = workers.get(topics.partition(tenant));
        return worker == null ? 0 : worker.snapshotsStored();
    }

    /** The seal's offset if {@code tenant} was sealed (moved away) on this node, -1 if not, -2 if not held. */
    public long sealedAt(String tenant) {
        TenantWorker worker = workers.get(topics.partition(tenant));
        return worker == null ? -2 : worker.sealedAt();
    }

    /** The take-over times of every tenant this node holds now (when each was assigned, restored, served). */
    public List<Takeover> takeovers() {
        return workers.values().stream().map(TenantWorker::takeover).toList();
    }

    /** Runs {@code query} on the tenant's thread; fails if the tenant is not here or is still catching up. */
    public <T> CompletableFuture<T> query(String tenant, Function<Engine, T> query) {
        TenantWorker worker = workers.get(topics.partition(tenant));
        if (worker == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(tenant + " is not on node " + name));
        }
        return worker.query(query);
    }

    /** Dies abruptly: stops polling and applying at once, tells the group nothing, drops unsent snapshots. */
    public void kill() throws InterruptedException {
        killed = true;
        running = false;
        workers.values().forEach(TenantWorker::kill);
        consumer.wakeup();
        poller.join();
        snapshots.abandon();
    }

    /** Leaves the group gracefully: its tenants move to the other nodes at once. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (killed || closed) {
            return;
        }
        closed = true;
        running = false;
        consumer.wakeup();
        poller.join();
        for (TenantWorker worker : workers.values()) {
            worker.stop();
        }
        workers.clear();
        snapshots.close();
    }

    /** Runs on the poller thread, inside poll(): the consumer may be used here. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || killed) {
                return;
            }
            long assignedAtMs = System.currentTimeMillis();
            Map<String, TenantSnapshot> newest = snapshots.latest();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                String tenant = topics.tenant(partition.partition());
                TenantSnapshot snapshot = newest.get(tenant);
                // The snapshot is decoded on the tenant's own thread: many tenants restore in parallel.
                TenantWorker worker = new TenantWorker(tenant, snapshot, freshEngine, ends.get(partition) - 1, outputs,
                        snapshots, snapshotEvery, name, assignedAtMs);
                workers.put(partition.partition(), worker);
                consumer.seek(partition, worker.restoredFrom() + 1);
                LOG.info("node {} takes {}: restored at offset {}, replays to {}", name, tenant, worker.restoredFrom(),
                        ends.get(partition) - 1);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (killed) {
                return;
            }
            for (TopicPartition partition : partitions) {
                TenantWorker worker = workers.remove(partition.partition());
                if (worker != null) {
                    try {
                        worker.stop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another node may already apply these: stop at once, write nothing more.
            for (TopicPartition partition : partitions) {
                TenantWorker worker = workers.remove(partition.partition());
                if (worker != null) {
                    worker.kill();
                }
            }
        }
    }
}
