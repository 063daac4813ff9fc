package org.zengzhi.server.console;

import java.util.function.UnaryOperator;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.zengzhi.server.account.LoginThrottle;

/**
 * The console's sign-in form under the same throttle as the API's sign-in (issue 19 item 10): an account or an
 * address with too many recent failures is refused before its password is checked.
 */
final class ThrottledAuthentication implements AuthenticationManager {
    private final AuthenticationManager delegate;
    private final LoginThrottle throttle;
    /** The account's username for a sign-in name (a phone, say): one count per account, whichever name is typed. */
    private final UnaryOperator<String> account;

    ThrottledAuthentication(AuthenticationManager delegate, LoginThrottle throttle, UnaryOperator<String> account) {
        this.delegate = delegate;
        this.throttle = throttle;
        this.account = account;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName() == null ? "" : account.apply(attempt.getName());
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : "";
        if (!throttle.tryAttempt(username, address)) {
            throw new LockedException("too many failed sign-ins for this account or from this address");
        }
        Authentication signedIn = delegate.authenticate(attempt);
        throttle.succeeded(username, address);
        return signedIn;
    }
}
