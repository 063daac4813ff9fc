package org.zengzhi.server.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** Object-level checks shared by the controllers: a caller sees only their own data, operators all. */
public final class Access {
    private Access() {
    }

    public static boolean isOperator(OAuth2AuthenticatedPrincipal principal) {
        return principal.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.OPERATOR.authority()));
    }

    /** True when a console session has the role (the console signs in with a session, not a bearer token). */
    public static boolean has(Authentication session, Role role) {
        return session.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(role.authority()));
    }

    /** True when the caller is {@code user} or an operator. */
    public static boolean mayActFor(OAuth2AuthenticatedPrincipal principal, String user) {
        return principal.getName().equals(user) || isOperator(principal);
    }
}
