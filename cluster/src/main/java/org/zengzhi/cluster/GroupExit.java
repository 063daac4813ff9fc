package org.zengzhi.cluster;

import java.time.Duration;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * How a member of a consumer group closes its consumer: a node that leaves hands its partitions over at once; a node
 * that is killed (in tests and the demo, a stand-in for {@code kill -9}) stays in the group as far as the broker
 * knows, so the group must notice the silence after the session timeout, as it would for a dead machine.
 */
public final class GroupExit {
    private GroupExit() {
    }

    public static void close(Consumer<?, ?> consumer, boolean killed) {
        if (killed) {
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP)
                    .withTimeout(Duration.ZERO));
        } else {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
        }
    }
}
