package org.zengzhi.server.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/** Resolves the API's opaque bearer tokens against the token table (Spring Security's resource server). */
final class TokenIntrospector implements OpaqueTokenIntrospector {
    private final AccountStore accounts;

    TokenIntrospector(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        AccountStore.Account account = accounts.byToken(token);
        if (account == null) {
            throw new BadOpaqueTokenException("the token is unknown or expired");
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("sub", account.username());
        attributes.put("role", account.role().name());
        if (account.merchant() != null) {
            attributes.put("merchant", account.merchant());
        }
        return new DefaultOAuth2AuthenticatedPrincipal(account.username(), attributes,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
    }
}
