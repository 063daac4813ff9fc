package org.zengzhi.server.agent;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.web.GatewayCalls;

/** An agent's region, its stores' GMV and the agent's income by level and month (R-4.5, issue 20 item 4). */
@RestController
class AgentController {
    private final AgentOverview overview;

    AgentController(AgentOverview overview) {
        this.overview = overview;
    }

    /** The caller's own: {@code regions} is empty for someone no region has as its agent. */
    @GetMapping("/api/v1/me/agent")
    ResponseEntity<String> mine(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return GatewayCalls.json(overview.of(me.getName()));
    }
}
