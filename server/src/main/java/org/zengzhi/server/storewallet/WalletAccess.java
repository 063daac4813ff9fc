package org.zengzhi.server.storewallet;

import java.util.concurrent.CompletableFuture;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.storewallet.WalletHolder.Known;

/**
 * Who may read and act for a store's or a supplier's wallet and statements (issue 19 item 2): the holder's owner
 * in the engine and the login bound to it (a store's own account, {@code merchant} attribute; a supplier's login,
 * {@link SupplierLogins}) act; operators read too (and review withdrawals in the common queue) but never act for
 * a holder's cash.
 */
@Component
class WalletAccess {
    private final EngineGateway gateway;
    private final SupplierLogins logins;

    WalletAccess(EngineGateway gateway, SupplierLogins logins) {
        this.gateway = gateway;
        this.logins = logins;
    }

    CompletableFuture<Known> known(WalletHolder holder, String id) {
        return gateway.query(engine -> holder.known(engine, id));
    }

    /** Null when the caller may act for the holder: its owner or its bound login. Operators review, not withdraw. */
    Response refusedToAct(OAuth2AuthenticatedPrincipal me, WalletHolder holder, String id, Known known) {
        if (!known.exists()) {
            return holder.unknown(id);
        }
        return actsFor(me, holder, id, known.owner()) ? null : holder.forbidden();
    }

    /** Null when the caller may read the holder's wallet: those who act for it, and operators. */
    Response refusedToRead(OAuth2AuthenticatedPrincipal me, WalletHolder holder, String id, Known known) {
        if (!known.exists()) {
            return holder.unknown(id);
        }
        return Access.isOperator(me) || actsFor(me, holder, id, known.owner()) ? null : holder.forbidden();
    }

    private boolean actsFor(OAuth2AuthenticatedPrincipal me, WalletHolder holder, String id, String owner) {
        boolean bound = holder == WalletHolder.STORE ? id.equals(me.getAttribute("merchant")) : logins.boundTo(me, id);
        return bound || (me.getName().equals(owner) && !Access.isOperator(me));
    }
}
