package org.zengzhi.server.team;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A consumer's team, rewards and tier (我的团队, 奖励记录, 会员等级, issue 20 item 1). A user reads
 * their own; an operator reads anyone's (object-level check, R-8.4).
 */
@RestController
@RequestMapping("/api/v1")
class TeamController {
    private static final int PAGE_SIZE_MAX = 200;

    private final Team team;
    private final EngineGateway gateway;

    TeamController(Team team, EngineGateway gateway) {
        this.team = team;
        this.gateway = gateway;
    }

    @GetMapping("/me/team")
    ResponseEntity<String> myTeam(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return GatewayCalls.json(team.of(me.getName()));
    }

    @GetMapping("/users/{user}/team")
    ResponseEntity<String> team(@PathVariable String user, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!me.getName().equals(user) && !Access.isOperator(me)) {
            return GatewayCalls.entity(Problems.problem(403, "Forbidden", "user", "you may read only your own team"));
        }
        return GatewayCalls.json(team.of(user));
    }

    /** Every reward credited to the caller, newest first, a page at a time. */
    @GetMapping("/me/rewards")
    ResponseEntity<String> rewards(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (page < 0 || size < 1 || size > PAGE_SIZE_MAX) {
            return GatewayCalls.entity(Problems.badRequest(page < 0 ? "page" : "size",
                    "page ≥ 0 and 1 ≤ size ≤ " + PAGE_SIZE_MAX));
        }
        return GatewayCalls.json(team.rewards(me.getName(), page, size));
    }

    /** The caller's member tier and what the next one needs. */
    @GetMapping("/me/tier")
    CompletableFuture<ResponseEntity<String>> tier(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        String user = me.getName();
        return gateway.query(engine -> TeamViews.tier(engine, user)).thenApply(body -> body == null
                ? GatewayCalls.entity(Problems.problem(404, "Not found", "user", "no user " + user))
                : GatewayCalls.json(body));
    }
}
