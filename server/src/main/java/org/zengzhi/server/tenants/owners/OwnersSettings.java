package org.zengzhi.server.tenants.owners;

import java.time.Duration;

/**
 * The {@code zengzhi.cluster.*} properties: the Kafka servers, this node's advertised base URL (empty: the URL the
 * web server bound), the nodes' consumer group, the tenants topic and how long the group waits for a silent node.
 */
record OwnersSettings(String bootstrapServers, String nodeUrl, String group, String topic, Duration sessionTimeout) {
}
