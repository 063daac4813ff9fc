package org.zengzhi.server.merchant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The store settings table behind the API's and the console's store pages. */
@Configuration(proxyBeanMethods = false)
class MerchantConfig {
    @Bean
    StoreSettings storeSettings(JdbcTemplate jdbc) {
        return new StoreSettings(jdbc);
    }
}
