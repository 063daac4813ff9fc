package org.zengzhi.server.income;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A participant's income from the ledger (收入明细, issue 20 item 1), a page at a time: their own, or anyone's for an
 * operator (object-level check, R-8.4).
 */
@RestController
@RequestMapping("/api/v1")
class IncomeController {
    static final int PAGE_SIZE_MAX = 200;

    private final IncomeHistory history;

    IncomeController(IncomeHistory history) {
        this.history = history;
    }

    @GetMapping("/me/income")
    ResponseEntity<String> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return page(me.getName(), page, size);
    }

    @GetMapping("/users/{user}/income")
    ResponseEntity<String> of(@PathVariable String user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!Access.mayActFor(me, user)) {
            return GatewayCalls.entity(Problems.problem(403, "Forbidden", "user", "you may read only your own income"));
        }
        return page(user, page, size);
    }

    private ResponseEntity<String> page(String user, int page, int size) {
        if (page < 0 || size < 1 || size > PAGE_SIZE_MAX) {
            return GatewayCalls.entity(Problems.badRequest(page < 0 ? "page" : "size",
                    "page ≥ 0 and 1 ≤ size ≤ " + PAGE_SIZE_MAX));
        }
        return GatewayCalls.json(history.of(user, IncomeHistory.USER, page, size));
    }
}
