package org.zengzhi.server.catalogue;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.gateway.EngineGateway;

/** Wires the product catalogue, which also prices the mall's carts for payments. */
@Configuration(proxyBeanMethods = false)
class CatalogueConfig {

    @Bean
    Catalogue catalogue(JdbcTemplate jdbc, EngineGateway gateway) {
        return new Catalogue(new Products(jdbc), gateway, Clock.systemUTC());
    }

    @Bean
    ProductChanges productChanges(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        return new ProductChanges(jdbc, new org.springframework.transaction.support.TransactionTemplate(transactions),
                new Products(jdbc), Clock.systemUTC());
    }
}
