package org.zengzhi.server.account;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which store a console page shows: a merchant account's own, or the one an operator names with {@code ?merchant=}.
 * A merchant naming another store is refused (R-8.4: nobody else's), not silently shown its own.
 */
public final class StorePageAccess {
    private StorePageAccess() {
    }

    public static String store(AccountStore accounts, String requested, Principal me) {
        AccountStore.Login login = accounts.login(me.getName());
        Role role = login == null ? null : login.account().role();
        boolean named = requested != null && !requested.isBlank();
        if (role == Role.OPERATOR && named) {
            return requested;
        }
        if (role == Role.MERCHANT) {
            String own = login.account().merchant();
            if (named && !requested.equals(own)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "you may open only your own store");
            }
            return own;
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name the store: ?merchant=");
    }
}
