package org.zengzhi.server.demo;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zengzhi.server.account.AccountStore;

/**
 * The demo logins the sign-in page lists (issue 20: whom a visitor of the demo signs in as): those of
 * {@link DemoLogins} that exist, by role, without the password. Only the account package's pages get them.
 */
@ControllerAdvice(basePackageClasses = AccountStore.class)
public final class DemoLoginBoard {
    private volatile List<DemoLogins.Login> logins = List.of();

    /** Keeps those of {@code candidates} that have an account (with the role the demo gives them). */
    void show(List<DemoLogins.Login> candidates, AccountStore accounts) {
        logins = candidates.stream().filter(login -> login.role().name().equals(accounts.roleOf(login.username())))
                .toList();
    }

    /** The demo logins the sign-in page lists, by role. */
    public List<DemoLogins.Login> logins() {
        return logins;
    }

    @ModelAttribute("demoLogins")
    List<DemoLogins.Login> demoLogins() {
        return logins;
    }
}
