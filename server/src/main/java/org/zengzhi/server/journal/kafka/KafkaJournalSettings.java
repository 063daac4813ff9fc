package org.zengzhi.server.journal.kafka;

/**
 * Where a tenant's journal lives in Kafka (docs/cluster.md, "The server on the Kafka log"): the brokers, the journal
 * topic (made on first use with {@code partitions} partitions, {@code replicas} copies each and
 * {@code minInSyncReplicas} of them holding a record before it is acknowledged — production 3 and 2), and the
 * tenant, which is the record key, picks the partition and names the transactional producer.
 */
public record KafkaJournalSettings(String bootstrapServers, String topic, int partitions, short replicas,
        int minInSyncReplicas, String tenant) {

    public KafkaJournalSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("zengzhi.cluster.journal-servers is empty");
        }
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("the tenant of a Kafka journal is empty");
        }
    }

    /** One producer per tenant, cluster-wide: a new owner's {@code initTransactions()} fences the old one. */
    public String transactionalId() {
        return "zengzhi-journal-" + tenant;
    }
}
