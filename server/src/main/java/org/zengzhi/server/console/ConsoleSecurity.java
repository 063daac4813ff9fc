package org.zengzhi.server.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.zengzhi.server.account.AccountStore;

/**
 * The web console's filter chain: session login with a form against the same accounts as the API, CSRF on.
 * It matches only the console's own paths, so the API's bearer chain keeps /api/** whatever the order; the
 * explicit order after it makes that plain.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {
    static final String[] PATHS = {"/", "/login", "/logout", "/join", "/console/**", "/pay/**", "/assets/**", "/webjars/**"};

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 100)
    SecurityFilterChain console(HttpSecurity http, AccountStore accounts, PasswordEncoder passwords) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(accounts));
        provider.setPasswordEncoder(passwords);
        http.securityMatcher(PATHS)
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/join", "/assets/**", "/webjars/**").permitAll()
                        .requestMatchers("/console/operator/**").hasRole("OPERATOR")
                        .requestMatchers("/console/merchant/**").hasAnyRole("MERCHANT", "OPERATOR")
                        .anyRequest().authenticated())
                // A saved request (a scanned pay code, say) wins over the role's home page after signing in.
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false).permitAll())
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
