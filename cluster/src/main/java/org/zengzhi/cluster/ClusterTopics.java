package org.zengzhi.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The cluster's two topics and its tenants. Each tenant owns one partition of the commands topic (tenant i is
 * partition i; the record key is the tenant too), so a tenant's commands have one total order and one owner.
 * Snapshots go to a compacted topic keyed by tenant, where the newest per tenant survives compaction; seals of tenants
 * moved to another cluster to a third ({@link #seals()}).
 */
public record ClusterTopics(String commands, String snapshots, List<String> tenants) {

    public ClusterTopics {
        tenants = List.copyOf(tenants);
    }

    /**
     * The compacted topic of seals (key = tenant; value = target cluster and seal offset): a tenant listed there has
     * moved, or is moving, to another cluster and senders refuse its commands ({@link TenantSeals}).
     */
    public String seals() {
        return commands + "-seals";
    }

    public int partition(String tenant) {
        int index = tenants.indexOf(tenant);
        if (index < 0) {
            throw new IllegalArgumentException("unknown tenant " + tenant);
        }
        return index;
    }

    public String tenant(int partition) {
        return tenants.get(partition);
    }

    /**
     * Creates both topics: {@code replicas} copies of each partition, and {@code minInSync} of them must hold a
     * record before {@code acks=all} acknowledges it (production: 3 and 2; one in-process broker: 1 and 1).
     */
    public void create(Admin admin, short replicas, int minInSync) throws InterruptedException, ExecutionException {
        Map<String, String> durable = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync));
        NewTopic log = new NewTopic(commands, tenants.size(), replicas).configs(durable);
        NewTopic states = new NewTopic(snapshots, 1, replicas).configs(Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(KafkaSettings.SNAPSHOT_BYTES_MAX)));
        NewTopic seals = new NewTopic(seals(), 1, replicas).configs(Map.of(
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        admin.createTopics(List.of(log, states, seals)).all().get();
    }
}
