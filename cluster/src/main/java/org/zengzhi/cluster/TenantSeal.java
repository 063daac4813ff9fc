package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The seal of a tenant that moves to another cluster (issue 21 deliver 5): one record in the tenant's partition,
 * marked by the header {@code zengzhi-seal} (its value names the target cluster), with an empty value. Its offset is
 * the one point of the move: every record before it is applied on the source and carried to the target; every record
 * after it is refused by the source's node (not applied, no output) and by seal-aware senders ({@link TenantSeals}).
 */
public final class TenantSeal {
    static final String HEADER = "zengzhi-seal";

    private TenantSeal() {
    }

    public static ProducerRecord<String, byte[]> record(ClusterTopics topics, String tenant, String target) {
        ProducerRecord<String, byte[]> seal = new ProducerRecord<>(topics.commands(), topics.partition(tenant), tenant,
                new byte[0]);
        seal.headers().add(HEADER, target.getBytes(StandardCharsets.UTF_8));
        return seal;
    }

    public static boolean isSeal(ConsumerRecord<?, ?> record) {
        return record.headers().lastHeader(HEADER) != null;
    }

    public static String target(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
