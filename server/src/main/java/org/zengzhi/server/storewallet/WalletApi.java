package org.zengzhi.server.storewallet;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.stereotype.Component;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;
import org.zengzhi.server.storewallet.WalletHolder.Known;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.withdrawal.PayeeAccount;
import org.zengzhi.server.withdrawal.Payees;
import org.zengzhi.server.withdrawal.WithdrawalJson;
import org.zengzhi.server.withdrawal.WithdrawalQueries;
import org.zengzhi.server.withdrawal.Withdrawals;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet API of a store and of a supplier alike (issue 19 item 2; the mappings: {@link StoreWalletController},
 * {@link SupplierWalletController}): the wallet's figures, its payee accounts (收款账户) and its withdrawals, made
 * through the engine's journal under the users' review rules with an Idempotency-Key. Those who
 * act for the holder ({@link WalletAccess}) add payees and withdraw; operators read and review.
 */
@Component
class WalletApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> WITHDRAWAL_FIELDS = Set.of("amount", "payee");

    private final EngineGateway gateway;
    private final WalletAccess access;
    private final Withdrawals withdrawals;
    private final Payees payees;
    private final WithdrawalQueries queries;

    WalletApi(EngineGateway gateway, WalletAccess access, Withdrawals withdrawals, Payees payees,
            WithdrawalQueries queries) {
        this.gateway = gateway;
        this.access = access;
        this.withdrawals = withdrawals;
        this.payees = payees;
        this.queries = queries;
    }

    CompletableFuture<ResponseEntity<String>> wallet(WalletHolder holder, String id, OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> holder.view(engine, id)).thenApply(view -> {
            JsonNode owner = view == null ? null : view.get("owner");
            Known known = new Known(view != null, owner == null || owner.isNull() ? null : owner.asString());
            Response refused = access.refusedToRead(me, holder, id, known);
            return refused != null ? GatewayCalls.entity(refused) : GatewayCalls.json(JSON.writeValueAsString(view));
        });
    }

    CompletableFuture<ResponseEntity<String>> addPayee(WalletHolder holder, String id, byte[] body, String key,
            OAuth2AuthenticatedPrincipal me) {
        return access.known(holder, id).thenApply(known -> {
            Response refused = access.refusedToAct(me, holder, id, known);
            return GatewayCalls.entity(refused != null ? refused : payees.create(holder.payeeOwner(id), key, body));
        });
    }

    CompletableFuture<ResponseEntity<String>> listPayees(WalletHolder holder, String id,
            OAuth2AuthenticatedPrincipal me) {
        return access.known(holder, id).thenApply(known -> {
            Response refused = access.refusedToRead(me, holder, id, known);
            return GatewayCalls.entity(refused != null ? refused : payees.list(holder.payeeOwner(id)));
        });
    }

    /** The holder's withdrawals, newest first (the read model's store or supplier column, migration V90). */
    CompletableFuture<ResponseEntity<String>> listWithdrawals(WalletHolder holder, String id,
            OAuth2AuthenticatedPrincipal me) {
        return access.known(holder, id).thenApply(known -> {
            Response refused = access.refusedToRead(me, holder, id, known);
            return refused != null ? GatewayCalls.entity(refused)
                    : GatewayCalls.json(WithdrawalJson.ofUser(withdrawalRows(holder, id)));
        });
    }

    /** The read model's rows of the holder's withdrawals, newest first. */
    List<Map<String, Object>> withdrawalRows(WalletHolder holder, String id) {
        return holder == WalletHolder.STORE ? queries.ofStore(id) : queries.ofSupplier(id);
    }

    CompletableFuture<ResponseEntity<String>> withdraw(WalletHolder holder, String id, byte[] body, String key,
            OAuth2AuthenticatedPrincipal me) {
        return access.known(holder, id).thenCompose(known -> {
            Response refused = access.refusedToAct(me, holder, id, known);
            if (refused != null) {
                return GatewayCalls.done(refused);
            }
            if (known.owner() == null) {
                return GatewayCalls.done(withoutOwner(holder, id));
            }
            try {
                JsonNode fields = JsonBody.object(body == null ? new byte[0] : body, WITHDRAWAL_FIELDS,
                        holder.withdrawalNoun());
                long amountFen = WithdrawalAmount.of(fields);
                PayeeAccount payee = null;
                JsonNode payeeField = fields.get("payee");
                if (payeeField != null && !payeeField.isNull()) {
                    payee = payeeField.isString() ? payees.owned(holder.payeeOwner(id), payeeField.asString()) : null;
                    if (payee == null) {
                        return GatewayCalls.done(Problems.rejected("UNKNOWN_PAYEE", "payee"));
                    }
                }
                return request(holder, known.owner(), id, amountFen, payee, key, body);
            } catch (InvalidFieldException e) {
                return GatewayCalls.done(Problems.badRequest(e.field(), e.getMessage()));
            }
        });
    }

    /**
     * A withdrawal from the holder's cash by its {@code owner} in the engine, to {@code payee} when one is named,
     * the API's key scope and request identity: the API's and the console form's use case alike.
     */
    CompletableFuture<ResponseEntity<String>> request(WalletHolder holder, String owner, String id, long amountFen,
            PayeeAccount payee, String key, byte[] body) {
        if (owner == null) {
            return GatewayCalls.done(withoutOwner(holder, id));
        }
        return holder == WalletHolder.STORE
                ? withdrawals.requestForStore(owner, id, amountFen, payee, key, holder.withdrawalsPath(id), body)
                : withdrawals.requestForSupplier(owner, id, amountFen, payee, key, holder.withdrawalsPath(id), body);
    }

    /** A supplier registered without an owner has nobody to withdraw its cash; a store always has its owner. */
    private static Response withoutOwner(WalletHolder holder, String id) {
        return holder == WalletHolder.SUPPLIER ? Problems.rejected("NOT_SUPPLIER_OWNER", "supplier")
                : holder.unknown(id);
    }
}
