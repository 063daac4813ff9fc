package org.zengzhi.server.tenants;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.LocalServer;

/**
 * The deployment layer of the root context (issue 21 item 1, docs/tenants.md): the directory of tenants, their
 * contexts, the routing of {@code /t/{slug}/…}, the deployment operator and its API. A tenant's own context is
 * built with {@code zengzhi.deployment.enabled=false}, so there is no deployment inside a tenant.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "zengzhi.deployment.enabled", havingValue = "true", matchIfMissing = true)
class DeploymentConfig {
    private static final Logger LOG = LoggerFactory.getLogger(DeploymentConfig.class);
    static final String ROLE = "DEPLOYMENT";

    @Bean
    TenantDirectory tenantDirectory(JdbcTemplate jdbc) {
        return new TenantDirectory(jdbc);
    }

    @Bean
    Tenants tenants(TenantDirectory directory, ConfigurableEnvironment environment, ServletContext servletContext,
            LocalServer server, @Value("${zengzhi.tenants.pool-size}") int poolSize,
            @Value("${zengzhi.tenants.start-parallelism}") int parallelism,
            ObjectProvider<TenantPlacement> placement) {
        return new Tenants(directory, new TenantContexts(environment, servletContext, poolSize), server, parallelism,
                placement.getIfAvailable(() -> TenantPlacement.ONE_SERVER));
    }

    @Bean
    TenantChanges tenantChanges(JdbcTemplate jdbc, PlatformTransactionManager transactions, TenantDirectory directory,
            Tenants tenants) {
        return new TenantChanges(jdbc, new TransactionTemplate(transactions), directory, tenants, Clock.systemUTC());
    }

    @Bean
    TenantMoves tenantMoves(TenantChanges changes, TenantDirectory directory, Tenants tenants) {
        return new TenantMoves(changes, directory, tenants, Clock.systemUTC());
    }

    @Bean
    DeploymentOperators deploymentOperators(JdbcTemplate jdbc, PasswordEncoder passwords) {
        return new DeploymentOperators(jdbc, passwords, Clock.systemUTC());
    }

    /**
     * Every active tenant starts once the server answers (its callbacks' base URL is then known); then, with
     * {@code serve --demo}, the demo's second tenant is created if it is not there yet.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> tenantsStart(Tenants tenants, ObjectProvider<DemoTenant> demo) {
        return event -> {
            tenants.startAll();
            demo.ifAvailable(DemoTenant::ensure);
        };
    }

    /** {@code serve --demo}: a second tenant in another model beside the default tenant's demo (DemoTenant). */
    @Bean
    @ConditionalOnExpression("${zengzhi.demo:false} and '${zengzhi.demo.second-tenant:}' != ''")
    DemoTenant demoTenant(@Value("${zengzhi.demo.second-tenant}") String slug,
            @Value("${zengzhi.demo-password:}") String demoPassword, TenantDirectory directory, TenantChanges changes,
            EngineGateway gateway, LocalServer server) {
        return new DemoTenant(slug, demoPassword, directory, changes, gateway, server);
    }

    /** Before everything else: a tenant's request runs through the tenant's filters only, never the root's. */
    @Bean
    FilterRegistrationBean<TenantRouting> tenantRouting(Tenants tenants, MessageSource messages,
            ObjectProvider<TenantPlacement> placement) {
        FilterRegistrationBean<TenantRouting> registration = new FilterRegistrationBean<>(new TenantRouting(tenants,
                messages, placement.getIfAvailable(() -> TenantPlacement.ONE_SERVER)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR,
                DispatcherType.FORWARD, DispatcherType.INCLUDE));
        registration.setAsyncSupported(true);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * The first start creates the deployment operator {@code deployment}: with {@code zengzhi.deployment-password}
     * if set, else with a random password printed once to the log, as the default tenant's operator is.
     */
    @Bean
    ApplicationRunner deploymentBootstrap(DeploymentOperators operators,
            @Value("${zengzhi.deployment-password:}") String configured) {
        return args -> {
            if (operators.exists()) {
                return;
            }
            String password = configured;
            if (password.isEmpty()) {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                LOG.warn("created the deployment operator '{}' with password {} (shown once; set "
                        + "zengzhi.deployment-password to choose it)", DeploymentOperators.USERNAME, password);
            }
            operators.create(password);
        };
    }

    /** The deployment API: bearer tokens of the deployment operator only; a tenant's operator gets 401 here. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain deployment(HttpSecurity http, DeploymentOperators operators) throws Exception {
        http.securityMatcher("/api/v1/deployment/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/deployment/login").permitAll()
                        .anyRequest().hasRole(ROLE))
                .oauth2ResourceServer(server -> server
                        .opaqueToken(token -> token.introspector(introspector(operators)))
                        .authenticationEntryPoint((request, response, failure) -> problem(response, unauthorized()))
                        .accessDeniedHandler((request, response, denied) -> problem(response, forbidden())))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> problem(response, unauthorized()))
                        .accessDeniedHandler((request, response, denied) -> problem(response, forbidden())));
        return http.build();
    }

    private static OpaqueTokenIntrospector introspector(DeploymentOperators operators) {
        return token -> {
            String username = operators.byToken(token);
            if (username == null) {
                throw new BadOpaqueTokenException("the token is unknown or expired");
            }
            Map<String, Object> attributes = new HashMap<>();
            attributes.put("sub", username);
            attributes.put("role", ROLE);
            return new DefaultOAuth2AuthenticatedPrincipal(username, attributes,
                    List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        };
    }

    private static Response unauthorized() {
        return Problems.problem(401, "Unauthorized", "Authorization",
                "sign in as the deployment operator (POST /api/v1/deployment/login) and send 'Authorization: Bearer <token>'");
    }

    private static Response forbidden() {
        return Problems.problem(403, "Forbidden", null, "your role may not do this");
    }

    private static void problem(HttpServletResponse response, Response problem) throws IOException {
        response.setStatus(problem.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
        response.getWriter().write(problem.body());
    }
}
