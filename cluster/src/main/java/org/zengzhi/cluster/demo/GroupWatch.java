package org.zengzhi.cluster.demo;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * Watches the nodes' consumer group from the brokers' side after a kill: the moment the group no longer lists all
 * members is when Kafka noticed the death (the session timeout ran out), the first phase of a failover.
 */
final class GroupWatch implements AutoCloseable {
    private final Admin admin;
    private final String group;
    private final Thread thread;
    private volatile long noticedAtMs;
    private volatile boolean stop;

    GroupWatch(String bootstrap, String group, int members) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        this.group = group;
        this.thread = new Thread(() -> watch(members), "demo-group-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(int members) {
        while (!stop && noticedAtMs == 0) {
            try {
                ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                        .get(5, TimeUnit.SECONDS);
                if (d.members().size() < members) {
                    noticedAtMs = System.currentTimeMillis();
                    return;
                }
                Thread.sleep(25);
            } catch (ExecutionException | TimeoutException e) {
                // the brokers are busy: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** When the group first listed fewer members (epoch ms), 0 if not yet. */
    long noticedAtMs() {
        return noticedAtMs;
    }

    @Override
    public void close() {
        stop = true;
        admin.close();
    }
}
