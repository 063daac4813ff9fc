package org.zengzhi.server.operator;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.web.GatewayCalls;

/**
 * What the economy paid out (operator only, like everything under /operator): distribution rewards per kind and
 * forced exits per day, read from the read models the journal's transaction writes.
 */
@RestController
@RequestMapping("/api/v1/operator")
class RewardsAndExitsController {
    private final RewardQueries queries;

    RewardsAndExitsController(RewardQueries queries) {
        this.queries = queries;
    }

    /** Rewards per kind (直推, 间推, 首单, 招商, 代理, 商家返点): paid, pending, cut by the budget. */
    @GetMapping("/rewards")
    ResponseEntity<String> rewards() {
        return GatewayCalls.json(queries.byKind());
    }

    /** Forced exits (出局) per day: count, points sold, gross value, payout. */
    @GetMapping("/exits")
    ResponseEntity<String> exits(@RequestParam(defaultValue = "30") int days) {
        return GatewayCalls.json(queries.perDay(days));
    }
}
