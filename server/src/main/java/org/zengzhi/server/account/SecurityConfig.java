package org.zengzhi.server.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.zengzhi.engine.CommandType;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

/**
 * Who may call what: bearer tokens for the API, resolved by {@link TokenIntrospector}; operators
 * reach every operator endpoint and any command; everyone else reaches their own data only (checked per
 * id in the controllers). 401 and 403 answer in problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountStore accountStore(JdbcTemplate jdbc, PasswordEncoder passwords, EngineGateway gateway) {
        AccountStore accounts = new AccountStore(jdbc, passwords);
        // Approving a store request turns the requester's login into the store's in the onboarding's
        // transaction: cached token lookups are dropped before anyone is answered.
        gateway.onCommitted(batch -> {
            if (batch.stream().anyMatch(applied -> applied.command().type() == CommandType.ONBOARD_MERCHANT)) {
                accounts.accountsChanged();
            }
        });
        return accounts;
    }

    @Bean
    AccountRequests accountRequests(JdbcTemplate jdbc, AccountStore accounts) {
        return new AccountRequests(jdbc, accounts);
    }

    @Bean
    Registration registration(AccountStore accounts, AccountRequests requests, EngineGateway gateway) {
        return new Registration(accounts, requests, gateway);
    }

    @Bean
    PasswordChanges passwordChanges(AccountStore accounts, AccountRequests requests) {
        return new PasswordChanges(accounts, requests);
    }

    /** Failed sign-ins allowed per account and per address, refilled over the period (docs/api.md). */
    @Bean
    LoginThrottle loginThrottle(@Value("${zengzhi.login.account-failures}") int accountFailures,
            @Value("${zengzhi.login.account-period}") Duration accountPeriod,
            @Value("${zengzhi.login.address-failures}") int addressFailures,
            @Value("${zengzhi.login.address-period}") Duration addressPeriod) {
        return new LoginThrottle(new LoginThrottle.Limit(accountFailures, accountPeriod),
                new LoginThrottle.Limit(addressFailures, addressPeriod));
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccountStore accounts) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // Signing out reads its own bearer token, and a password change is proven by the current
                        // password: both revoke tokens, and a retry after that must still get the first answer.
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login",
                                "/api/v1/auth/logout", "/api/v1/auth/password").permitAll()
                        // Providers' callbacks carry their own signature, checked before anything is read.
                        // The sandbox's pay action is not among them: only the payer may pay (issue 19).
                        .requestMatchers("/api/v1/payments/callback/**", "/api/v1/payouts/callback/*").permitAll()
                        // A payout settled by hand (paid outside a provider) is the operator's; so is playing the
                        // sandbox's bank. Nobody else may mark a withdrawal paid or failed.
                        .requestMatchers("/api/v1/operator/**", "/api/v1/commands", "/api/v1/economy",
                                "/api/v1/payouts/callback", "/api/v1/payouts/sandbox/**", "/api/v1/orders/batch")
                        .hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(bearerTokens())
                        .opaqueToken(token -> token.introspector(new TokenIntrospector(accounts)))
                        .authenticationEntryPoint((request, response, failure) -> problem(response,
                                Problems.problem(401, "Unauthorized", "Authorization",
                                        "sign in (POST /api/v1/auth/login) and send 'Authorization: Bearer <token>'")))
                        .accessDeniedHandler((request, response, denied) -> problem(response,
                                Problems.problem(403, "Forbidden", null, "your role may not do this"))))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) -> problem(response,
                                Problems.problem(401, "Unauthorized", "Authorization",
                                        "sign in (POST /api/v1/auth/login) and send 'Authorization: Bearer <token>'")))
                        .accessDeniedHandler((request, response, denied) -> problem(response,
                                Problems.problem(403, "Forbidden", null, "your role may not do this"))));
        return http.build();
    }

    /**
     * The bearer token of a request, except on the sign-in calls under /api/v1/auth: they never need one, and a
     * revoked token sent along (a retried sign-out, a stale one in a client) must not turn them into a 401.
     */
    private static BearerTokenResolver bearerTokens() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/auth/") ? null
                : resolver.resolve(request);
    }

    /**
     * The first start creates the operator account: with {@code zengzhi.operator-password} if set, else
     * with a random password printed once to the log (change it before going live).
     */
    @Bean
    ApplicationRunner operatorBootstrap(AccountStore accounts, @Value("${zengzhi.operator-password:}") String configured) {
        return args -> {
            if (accounts.exists(Role.OPERATOR)) {
                return;
            }
            String password = configured;
            if (password.isEmpty()) {
                byte[] bytes = new byte[18];
                new SecureRandom().nextBytes(bytes);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                LOG.warn("created the operator account 'operator' with password {} (shown once; set "
                        + "zengzhi.operator-password to choose it)", password);
            }
            accounts.create("operator", password, Role.OPERATOR, null);
        };
    }

    private static void problem(HttpServletResponse response, Response problem) throws IOException {
        response.setStatus(problem.status());
        // The charset is named: a client must not guess how the field names and details are encoded.
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8");
        response.getWriter().write(problem.body());
    }
}
