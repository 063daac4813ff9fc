package org.zengzhi.server.storewallet;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A store's wallet (门店钱包, issue 19 item 2): its settled cash (门店实收, A − C), the cash frozen for its
 * withdrawals, the takings not yet settled and its debt; its payee accounts (收款账户); withdrawals from its cash
 * by its owner or its own account; and its daily statements (结算单, JSON and CSV). The mappings
 * only: the use cases are the supplier wallet's too ({@link WalletApi}, {@link WalletStatements}).
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchant}")
class StoreWalletController {
    private static final WalletHolder STORE = WalletHolder.STORE;

    private final WalletApi api;
    private final WalletStatements statements;

    StoreWalletController(WalletApi api, WalletStatements statements) {
        this.api = api;
        this.statements = statements;
    }

    @GetMapping("/wallet")
    CompletableFuture<ResponseEntity<String>> wallet(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.wallet(STORE, merchant, me);
    }

    @PostMapping("/payees")
    CompletableFuture<ResponseEntity<String>> addPayee(@PathVariable String merchant,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.addPayee(STORE, merchant, body, key, me);
    }

    @GetMapping("/payees")
    CompletableFuture<ResponseEntity<String>> listPayees(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.listPayees(STORE, merchant, me);
    }

    @GetMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> listWithdrawals(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.listWithdrawals(STORE, merchant, me);
    }

    @PostMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> withdraw(@PathVariable String merchant,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.withdraw(STORE, merchant, body, key, me);
    }

    @GetMapping("/statements")
    CompletableFuture<ResponseEntity<String>> statements(@PathVariable String merchant,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return statements.read(STORE, merchant, days, me, false);
    }

    @GetMapping("/statements.csv")
    CompletableFuture<ResponseEntity<String>> csv(@PathVariable String merchant,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return statements.read(STORE, merchant, days, me, true);
    }
}
