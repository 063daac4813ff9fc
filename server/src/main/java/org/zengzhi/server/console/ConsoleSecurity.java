package org.zengzhi.server.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.LoginThrottle;

/**
 * The web console's filter chain: session login with a form against the same accounts as the API, CSRF on,
 * sign-ins throttled as the API's are. It matches only the console's own paths, so the API's bearer chain keeps
 * /api/** whatever the order; the explicit order after it makes that plain.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {
    static final String[] PATHS = {"/", "/login", "/logout", "/join", "/console/**", "/pay/**", "/assets/**", "/webjars/**"};
    /**
     * Scripts, images and frames from this server only (the console has no inline script; the pay code's print
     * button is a script file for that reason). Inline styles stay allowed: ECharts sets element styles as it
     * draws, and a style cannot run code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** A year, the value browsers' preload lists expect; sent on plain HTTP too, where browsers ignore it. */
    static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    SecurityFilterChain console(HttpSecurity http, AccountStore accounts, PasswordEncoder passwords,
            LoginThrottle throttle) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(accounts));
        provider.setPasswordEncoder(passwords);
        http.securityMatcher(PATHS)
                .authenticationManager(new ThrottledAuthentication(new ProviderManager(provider), throttle, accounts::canonical))
                .authorizeHttpRequests(requests -> requests
                        // The 403 page is reached by forward, also for a form post refused for its CSRF token before sign-in.
                        .requestMatchers("/login", "/join", "/console/denied", "/assets/**", "/webjars/**").permitAll()
                        .requestMatchers("/console/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/console/merchant/**").hasAnyRole("MERCHANT", "OPERATOR")
                        .requestMatchers("/console/supplier/**").hasAnyRole("SUPPLIER", "OPERATOR")
                        .requestMatchers("/console/agent", "/console/agent/**").hasRole("AGENT")
                        .anyRequest().authenticated())
                // A saved request (a scanned pay code, say) wins over the role's home page after signing in.
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false)
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/login?throttled" : "/login?error")))
                        .permitAll())
                .exceptionHandling(errors -> errors.accessDeniedPage("/console/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true)))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** The accounts table as Spring Security's user directory; the hash is checked by the password encoder. */
    static UserDetailsService users(AccountStore accounts) {
        return username -> {
            AccountStore.Login login = accounts.login(username);
            if (login == null) {
                throw new UsernameNotFoundException("no account " + username);
            }
            return User.withUsername(login.account().username()).password(login.passwordHash())
                    .authorities(login.account().role().authority()).build();
        };
    }
}
