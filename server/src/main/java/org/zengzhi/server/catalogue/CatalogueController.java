package org.zengzhi.server.catalogue;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

/**
 * The product catalogue over HTTP (docs/api.md): an operator adds products; anyone signed in reads what is on
 * the shelf. Thin: the rules live in {@link Catalogue}.
 */
@RestController
class CatalogueController {
    private static final int IDEMPOTENCY_KEY_LENGTH_MAX = 200;

    private final Catalogue catalogue;
    private final ProductChanges changes;

    CatalogueController(Catalogue catalogue, ProductChanges changes) {
        this.catalogue = catalogue;
        this.changes = changes;
    }

    /** Adds a product; the security configuration lets only an operator reach /api/v1/operator/**. */
    @PostMapping(path = "/api/v1/operator/products", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key == null || key.isBlank() || key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            return entity(Problems.badRequest("Idempotency-Key", "every state-changing call needs an Idempotency-Key "
                    + "header of 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters"));
        }
        return entity(catalogue.create("products:" + key, body));
    }

    /**
     * Changes a listed product (operator only): {@code {"addStock": 20, "onShelf": false}} — restock or write off by
     * a delta, put on or take off the shelf (issue 19 item 1).
     */
    @PostMapping(path = "/api/v1/operator/products/{product}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> change(@PathVariable String product, @RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key == null || key.isBlank() || key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            return entity(Problems.badRequest("Idempotency-Key", "every state-changing call needs an Idempotency-Key "
                    + "header of 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters"));
        }
        return entity(changes.change("product-changes:" + key, product, body));
    }

    /** The products on the shelf; an operator sees every product. */
    @GetMapping("/api/v1/products")
    ResponseEntity<String> list(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return entity(catalogue.list(Access.isOperator(me)));
    }

    @GetMapping("/api/v1/products/{product}")
    ResponseEntity<String> find(@PathVariable String product) {
        return entity(catalogue.find(product));
    }

    private static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }
}
