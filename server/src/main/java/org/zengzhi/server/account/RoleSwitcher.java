package org.zengzhi.server.account;

import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The role switcher every console page's bar shows (issue 20): a link to each home of a person with several, as
 * {@link RoleHomes} lists them; nothing for one home or before signing in.
 */
@ControllerAdvice
class RoleSwitcher {
    private final RoleHomes homes;

    RoleSwitcher(RoleHomes homes) {
        this.homes = homes;
    }

    @ModelAttribute("roleHomes")
    List<RoleHomes.Home> roleHomes() {
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        if (me == null || !me.isAuthenticated() || me instanceof AnonymousAuthenticationToken
                || me.getAuthorities().isEmpty()) {
            return List.of();
        }
        List<RoleHomes.Home> all = homes.homesOf(me);
        return all.size() > 1 ? all : List.of();
    }
}
