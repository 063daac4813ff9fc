package org.zengzhi.server.tenants.owners;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The tenants topic: no record is ever written to it; its partitions exist so that the nodes' consumer group
 * gives each one (each tenant) to exactly one node. A new tenant grows it; two nodes growing it at once is fine,
 * since the count only ever rises to the same figure. Replication is the brokers' default.
 */
final class TenantsTopic {
    private final Admin admin;
    private final String name;
    private int known;

    TenantsTopic(Admin admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    /** Makes sure the topic has at least {@code partitions} partitions. */
    synchronized void ensure(int partitions) throws InterruptedException, ExecutionException {
        if (known >= partitions) {
            return;
        }
        int now = count();
        if (now == 0) {
            try {
                admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()))).all().get();
                now = partitions;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                now = count();
            }
        }
        if (now < partitions) {
            try {
                admin.createPartitions(Map.of(name, NewPartitions.increaseTo(partitions))).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof InvalidPartitionsException)) {
                    throw e;
                }
            }
            now = count();
        }
        known = now;
    }

    /** The topic's partition count, 0 if it does not exist. */
    private int count() throws InterruptedException, ExecutionException {
        try {
            return admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return 0;
            }
            throw e;
        }
    }
}
