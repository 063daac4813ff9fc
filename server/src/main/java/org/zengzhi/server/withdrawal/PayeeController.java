package org.zengzhi.server.withdrawal;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.Response;

/** The signed-in user's payee accounts (收款账户), always shown masked. Thin: the rules live in {@link Payees}. */
@RestController
class PayeeController {
    private final Payees payees;

    PayeeController(Payees payees) {
        this.payees = payees;
    }

    @PostMapping("/api/v1/me/payees")
    ResponseEntity<String> create(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return entity(payees.create(me.getName(), key, body));
    }

    @GetMapping("/api/v1/me/payees")
    ResponseEntity<String> list(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return entity(payees.list(me.getName()));
    }

    private static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }
}
