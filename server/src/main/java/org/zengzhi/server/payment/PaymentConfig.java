package org.zengzhi.server.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Serving;

/** Wires the payment providers (the built-in sandbox today), payments, payouts, intent expiry and the provider outbox. */
@Configuration(proxyBeanMethods = false)
class PaymentConfig {

    @Bean
    LocalServer localServer(@Value("${zengzhi.payments.base-url:}") String baseUrl,
            @Value("${server.address:}") String address) {
        return new LocalServer(baseUrl, address);
    }

    /** Fails the start with {@link SandboxGuard}'s reason when the sandbox may not run under these profiles. */
    @Bean
    SandboxProvider sandboxProvider(JdbcTemplate jdbc, @Value("${zengzhi.sandbox.secret:}") String secret,
            @Value("${zengzhi.payments.callback-window}") Duration window, LocalServer server, Environment environment,
            @Value("${zengzhi.development-profiles}") Set<String> developmentProfiles,
            @Value("${zengzhi.sandbox.enabled:false}") boolean enabled) {
        String refusal = SandboxGuard.refusal(environment.getActiveProfiles(), developmentProfiles, enabled);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        return new SandboxProvider(jdbc, secret, window, Clock.systemUTC(), server);
    }

    @Bean
    Payments payments(JdbcTemplate jdbc, List<PaymentProvider> providers,
            @Value("${zengzhi.payments.provider}") String provider, EngineGateway gateway, Pricing pricing) {
        return new Payments(new PaymentIntents(jdbc), providers, provider, gateway, pricing, Clock.systemUTC());
    }

    @Bean
    Payouts payouts(JdbcTemplate jdbc, Payments payments, EngineGateway gateway) {
        return new Payouts(jdbc, payments, gateway, Clock.systemUTC());
    }

    /** Expires payment intents left unpaid, giving their carts back to stock (docs/payments.md). */
    @Bean(destroyMethod = "close")
    IntentExpiry intentExpiry(JdbcTemplate jdbc, Pricing pricing, PlatformTransactionManager transactions,
            @Value("${zengzhi.payments.intent-ttl}") Duration ttl,
            @Value("${zengzhi.payments.intent-sweep}") Duration every) {
        return new IntentExpiry(new PaymentIntents(jdbc), pricing, new TransactionTemplate(transactions), ttl, every,
                Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    ProviderOutbox providerOutbox(EngineGateway gateway, Payouts payouts, Payments payments,
            @Value("${zengzhi.payments.retry-interval}") Duration retryInterval) {
        return new ProviderOutbox(gateway, payouts, payments, retryInterval);
    }

    /** The sweep and the outbox work once the tenant's engine serves here (at once, or for a standby later). */
    @Bean
    Serving paymentsServing(IntentExpiry expiry, ProviderOutbox outbox,
            @Value("${zengzhi.tenant.standby:false}") boolean standby) {
        return new Serving(Serving.WORKERS, standby, () -> {
            expiry.start();
            outbox.start();
        });
    }
}
