package org.zengzhi.server.coinmall;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the coin-mall orders' queries (issue 20 item 1). */
@Configuration(proxyBeanMethods = false)
class CoinMallConfig {

    @Bean
    CoinOrders coinOrders(JdbcTemplate jdbc) {
        return new CoinOrders(jdbc);
    }
}
