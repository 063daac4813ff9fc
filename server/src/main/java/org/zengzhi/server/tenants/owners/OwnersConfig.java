package org.zengzhi.server.tenants.owners;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.payment.LocalServer;
import org.zengzhi.server.tenants.Tenants;

/**
 * Cluster mode, on when {@code zengzhi.cluster.bootstrap-servers} is set (and only in the root context, where the
 * deployment layer lives): the placement that routing and {@link Tenants} consult, and the node in the group.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${zengzhi.cluster.bootstrap-servers:}'.trim() != '' "
        + "and '${zengzhi.deployment.enabled:true}' == 'true'")
class OwnersConfig {
    @Bean
    OwnersSettings ownersSettings(@Value("${zengzhi.cluster.bootstrap-servers}") String bootstrapServers,
            @Value("${zengzhi.cluster.node-url:}") String nodeUrl, @Value("${zengzhi.cluster.group}") String group,
            @Value("${zengzhi.cluster.tenants-topic}") String topic,
            @Value("${zengzhi.cluster.session-timeout}") Duration sessionTimeout) {
        return new OwnersSettings(bootstrapServers.trim(), nodeUrl.trim().replaceAll("/+$", ""), group, topic,
                sessionTimeout);
    }

    @Bean
    Ownership ownership(JdbcTemplate jdbc, LocalServer server, OwnersSettings settings) {
        return new Ownership(new OwnerRows(jdbc, Clock.systemUTC()),
                () -> settings.nodeUrl().isEmpty() ? server.baseUrl() : settings.nodeUrl());
    }

    @Bean(destroyMethod = "close")
    Admin ownersAdmin(OwnersSettings settings) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()));
    }

    @Bean(destroyMethod = "close")
    OwnerNode ownerNode(OwnersSettings settings, Ownership ownership, Tenants tenants, JdbcTemplate jdbc, Admin admin,
            @Value("${zengzhi.tenants.start-parallelism}") int parallelism,
            @Value("${zengzhi.cluster.standby-tenants}") int standbyMax) {
        if (standbyMax < 0) {
            throw new IllegalStateException("zengzhi.cluster.standby-tenants 不能为负数 / must not be negative: "
                    + standbyMax);
        }
        OwnerLifecycle lifecycle = new OwnerLifecycle(TenantRunner.of(tenants), ownership,
                new OwnerRows(jdbc, Clock.systemUTC()), new TenantPartitions(jdbc), parallelism, standbyMax);
        return new OwnerNode(settings, ownership, lifecycle, new TenantsTopic(admin, settings.topic()));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> ownerNodeStart(OwnerNode node) {
        return event -> {
            try {
                node.start();
            } catch (Exception e) {
                throw new IllegalStateException("cluster mode: this node could not join the group", e);
            }
        };
    }
}
