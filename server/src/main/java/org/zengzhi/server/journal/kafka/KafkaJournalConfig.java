package org.zengzhi.server.journal.kafka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.journal.Journal;

/**
 * The Kafka journal, when {@code zengzhi.cluster.journal-servers} is set (in cluster mode every tenant's context gets
 * the cluster's brokers there, see {@code TenantContexts}; on its own it runs the root tenant on Kafka, the last
 * server started fencing the one before) (empty, the default: the single-node SQL
 * journal). The tenant is the context's slug ({@code default} for the root tenant).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${zengzhi.cluster.journal-servers:}'.isBlank()")
public class KafkaJournalConfig {

    @Bean(destroyMethod = "close")
    KafkaJournal kafkaJournal(Journal journal, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${zengzhi.cluster.journal-servers}") String bootstrap,
            @Value("${zengzhi.cluster.journal-topic:zengzhi-journal}") String topic,
            @Value("${zengzhi.cluster.journal-partitions:12}") int partitions,
            @Value("${zengzhi.cluster.replicas:3}") short replicas,
            @Value("${zengzhi.cluster.min-insync-replicas:2}") int minInSync,
            @Value("${zengzhi.tenant.slug:default}") String tenant) {
        return new KafkaJournal(journal, jdbc, new TransactionTemplate(transactions),
                new KafkaJournalSettings(bootstrap, topic, partitions, replicas, minInSync, tenant));
    }
}
