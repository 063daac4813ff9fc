package org.zengzhi.server.journal.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.ObjLongConsumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.Utils;
import org.zengzhi.cluster.KafkaSettings;
import org.zengzhi.server.journal.LogFencedException;

/**
 * One tenant's records in the Kafka journal topic: written with a transactional producer whose
 * {@code transactional.id} is the tenant's ({@code acks=all}, idempotence on, {@link KafkaSettings#producer}), read
 * with {@code isolation.level=read_committed} so an aborted batch is never seen. Tenants share the topic's
 * partitions (the tenant's is the murmur2 hash of its name, as Kafka's own partitioner picks it for the key); a
 * reader skips the other tenants' records.
 */
final class TenantLog implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    /** How long a reader waits for the partition's committed records up to an offset (brokers down: it fails). */
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    /**
     * How long the broker lets a journal transaction stay open before it aborts it (Kafka's default is 60 s). Tenants
     * share the journal topic's partitions, and a read_committed reader stops at the first open transaction: a node
     * killed mid-batch leaves its tenants' transactions open, and every other tenant on those partitions cannot be
     * taken over (its catch-up read cannot pass them) until each is fenced by its own tenant's new owner or times out.
     * The server-node demo measured 50–63 s take-overs from that with the default; a batch's transaction lasts
     * milliseconds, so 10 s only aborts the transactions of a dead or stalled writer (whose batch is then not
     * acknowledged). The broker applies it on its abort sweep (transaction.abort.timed.out.transaction.cleanup.interval.ms,
     * 10 s by default), so such a wait is at most about 20 s.
     */
    static final int TRANSACTION_TIMEOUT_MS = 10_000;
    private final KafkaJournalSettings settings;
    private final TopicPartition partition;
    private final String clusterId;
    private KafkaProducer<String, byte[]> producer;

    TenantLog(KafkaJournalSettings settings) {
        this.settings = settings;
        String[] cluster = new String[1];
        this.partition = new TopicPartition(settings.topic(), partitionOf(settings.tenant(), createTopic(settings, cluster)));
        this.clusterId = cluster[0];
    }

    /** The Kafka log this tenant's records go to: the cluster's id, the topic and the tenant's partition. */
    LogPosition.Log where() {
        return new LogPosition.Log(clusterId, partition.topic(), partition.partition());
    }

    String tenant() {
        return settings.tenant();
    }

    /** The tenant's partition's end offset now: the offset its next record will get. */
    long endOffset() {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.reader(
                settings.bootstrapServers(), "journal-reader-" + settings.tenant()))) {
            return reader.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
        }
    }

    static int partitionOf(String tenant, int partitions) {
        return Utils.toPositive(Utils.murmur2(tenant.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * Makes the journal topic if it is missing; returns its partition count (the topic's, if it existed) and puts
     * the cluster's id in {@code cluster[0]}.
     */
    private static int createTopic(KafkaJournalSettings settings, String[] cluster) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            NewTopic topic = new NewTopic(settings.topic(), settings.partitions(), settings.replicas()).configs(Map.of(
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInSyncReplicas())));
            try {
                admin.createTopics(List.of(topic)).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("the journal topic " + settings.topic() + " cannot be made", e);
                }
            }
            cluster[0] = admin.describeCluster().clusterId().get();
            return partitionCount(admin, settings.topic());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making the journal topic", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the journal topic " + settings.topic() + " cannot be described", e);
        }
    }

    /** The topic's partition count; a topic just made may take a moment to be known to every broker. */
    private static int partitionCount(Admin admin, String topic) throws InterruptedException, ExecutionException {
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() - deadline > 0) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * Takes the tenant's log over: a new producer under the tenant's transactional id ({@code initTransactions()}
     * fences every older one and settles its open transaction, committed or aborted), then a marker record in a
     * transaction of its own. Returns the marker's offset: once a read_committed reader passes it, it has seen
     * every record committed before the take-over.
     */
    synchronized long fence() {
        closeProducer();
        Properties properties = KafkaSettings.producer(settings.bootstrapServers(), settings.transactionalId());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.transactionalId());
        properties.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        producer = new KafkaProducer<>(properties);
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            closeProducer();
            throw e;
        }
        return commit(List.of(LogEntry.MARKER));
    }

    /**
     * Writes the entries in one Kafka transaction and returns the offset of the last one once the transaction is
     * committed. A fenced producer throws {@link LogFencedException}; any other failure aborts the transaction
     * (when it can) and throws: then the batch may or may not be in the log, and only a reader can tell.
     */
    synchronized long commit(List<LogEntry> entries) {
        List<byte[]> values = new ArrayList<>(entries.size());
        for (LogEntry entry : entries) {
            values.add(LogEntryCodec.write(entry)); // a value it cannot encode fails here, before Kafka
        }
        if (producer == null) {
            throw new IllegalStateException("the tenant's log is not taken over yet");
        }
        try {
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>(values.size());
            for (byte[] value : values) {
                sent.add(producer.send(new ProducerRecord<>(partition.topic(), partition.partition(), settings.tenant(),
                        value)));
            }
            producer.commitTransaction();
            return sent.get(sent.size() - 1).get().offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing to the journal topic", e);
        } catch (ExecutionException | RuntimeException e) {
            if (fenced(e)) {
                closeProducer();
                throw new LogFencedException("another node took tenant " + settings.tenant() + "'s log over", e);
            }
            abortQuietly();
            throw new IllegalStateException("the Kafka journal did not take the batch", e);
        }
    }

    private static boolean fenced(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProducerFencedException || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }

    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException ignored) {
            // A producer that cannot abort is closed: the next take-over starts a new one.
            closeProducer();
        }
    }

    /**
     * Reads the tenant's committed entries from {@code fromOffset} on, in order, until it has passed
     * {@code untilOffset} (inclusive), or, when that is negative, the partition's end as of the call.
     */
    void read(long fromOffset, long untilOffset, ObjLongConsumer<LogEntry> consumer) {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(KafkaSettings.reader(
                settings.bootstrapServers(), "journal-reader-" + settings.tenant()))) {
            reader.assign(List.of(partition));
            reader.seek(partition, Math.max(0, fromOffset));
            long until = untilOffset >= 0 ? untilOffset : reader.endOffsets(List.of(partition)).get(partition) - 1;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (reader.position(partition) <= until) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("tenant " + settings.tenant() + "'s journal partition did not reach "
                            + "offset " + until + " within " + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() <= until && settings.tenant().equals(record.key())) {
                        consumer.accept(LogEntryCodec.read(record.value()), record.offset());
                    }
                }
            }
        }
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        closeProducer();
    }
}
