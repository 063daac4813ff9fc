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
 * A supplier's wallet (供应商钱包, issue 19 item 2, four-party plans): its cash (prepayments and settlements of its
 * orders), the cash frozen for its withdrawals, what it owes and its deposit; its payee accounts (收款账户);
 * withdrawals to them by its owner or its bound login ({@link SupplierLogins}, R-8.1, R-8.3); and its daily
 * statements (供应商结算单, JSON and CSV). The mappings only: the use cases are the store wallet's too
 * ({@link WalletApi}, {@link WalletStatements}).
 */
@RestController
@RequestMapping("/api/v1/suppliers/{supplier}")
class SupplierWalletController {
    private static final WalletHolder SUPPLIER = WalletHolder.SUPPLIER;

    private final WalletApi api;
    private final WalletStatements statements;

    SupplierWalletController(WalletApi api, WalletStatements statements) {
        this.api = api;
        this.statements = statements;
    }

    @GetMapping("/wallet")
    CompletableFuture<ResponseEntity<String>> wallet(@PathVariable String supplier,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.wallet(SUPPLIER, supplier, me);
    }

    @PostMapping("/payees")
    CompletableFuture<ResponseEntity<String>> addPayee(@PathVariable String supplier,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.addPayee(SUPPLIER, supplier, body, key, me);
    }

    @GetMapping("/payees")
    CompletableFuture<ResponseEntity<String>> listPayees(@PathVariable String supplier,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.listPayees(SUPPLIER, supplier, me);
    }

    @GetMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> listWithdrawals(@PathVariable String supplier,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.listWithdrawals(SUPPLIER, supplier, me);
    }

    @PostMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> withdraw(@PathVariable String supplier,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return api.withdraw(SUPPLIER, supplier, body, key, me);
    }

    @GetMapping("/statements")
    CompletableFuture<ResponseEntity<String>> statements(@PathVariable String supplier,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return statements.read(SUPPLIER, supplier, days, me, false);
    }

    @GetMapping("/statements.csv")
    CompletableFuture<ResponseEntity<String>> csv(@PathVariable String supplier,
            @RequestParam(defaultValue = "30") int days, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return statements.read(SUPPLIER, supplier, days, me, true);
    }
}
