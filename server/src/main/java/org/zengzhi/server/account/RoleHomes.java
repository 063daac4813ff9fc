package org.zengzhi.server.account;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Where each role lands after signing in (issue 20: every role at home), and the homes a signed-in person may switch
 * between. A store owner, an agent and a promoter are participants too, so they also have the consumer's wallet;
 * an operator and a supplier (a company) have their own page only. The promoter's home depends on the plan's model:
 * the features contribute it as {@link RoleHome}s, and without one (the appreciation pool) it is the team page.
 * Every console page's bar asks {@link #switcher()} for its role switcher ({@code ${@roleHomes.switcher()}}).
 */
@Component("roleHomes")
public class RoleHomes {
    private static final Map<Role, String> DEFAULTS = new EnumMap<>(Map.of(
            Role.CONSUMER, "/console/wallet",
            Role.MERCHANT, "/console/merchant",
            Role.PROMOTER, "/console/team",
            Role.AGENT, "/console/agent",
            Role.OPERATOR, "/console/operator",
            Role.SUPPLIER, "/console/supplier"));

    /** A link of the role switcher: the role (for its label) and its home page's path. */
    public record Home(Role role, String path) {
    }

    private final List<RoleHome> contributed;

    RoleHomes(List<RoleHome> contributed) {
        this.contributed = List.copyOf(contributed);
    }

    /** The home page of {@code role} under the plan in force. */
    public String of(Role role) {
        for (RoleHome home : contributed) {
            if (home.role() == role) {
                String path = home.path();
                if (path != null) {
                    return path;
                }
            }
        }
        return DEFAULTS.get(role);
    }

    /** The login's role, the one it lands on, first. */
    public Role landingRole(Authentication me) {
        for (Role role : List.of(Role.OPERATOR, Role.MERCHANT, Role.SUPPLIER, Role.AGENT, Role.PROMOTER)) {
            if (Access.has(me, role)) {
                return role;
            }
        }
        return Role.CONSUMER;
    }

    /** The homes {@code me} may switch between, the landing role's first; one home needs no switcher. */
    public List<Home> homesOf(Authentication me) {
        Role landing = landingRole(me);
        List<Home> homes = new ArrayList<>();
        homes.add(new Home(landing, of(landing)));
        if (landing == Role.MERCHANT || landing == Role.AGENT || landing == Role.PROMOTER) {
            homes.add(new Home(Role.CONSUMER, of(Role.CONSUMER)));
        }
        return homes;
    }

    /**
     * The role switcher of the signed-in person of this request: a link to each of their homes when they have
     * several, else nothing (nor before signing in). Asked by the templates only, so an API call pays nothing.
     */
    public List<Home> switcher() {
        Authentication me = SecurityContextHolder.getContext().getAuthentication();
        if (me == null || !me.isAuthenticated() || me instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        List<Home> homes = homesOf(me);
        return homes.size() > 1 ? homes : List.of();
    }
}
