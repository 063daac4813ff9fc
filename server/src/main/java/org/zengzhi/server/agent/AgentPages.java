package org.zengzhi.server.agent;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zengzhi.server.console.ConsoleCalls;

/** The agent's home page (区域代理): the API's GET /me/agent, rendered; an agent lands here, not on a wallet. */
@Controller
class AgentPages {
    private final AgentOverview overview;

    AgentPages(AgentOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/console/agent")
    String page(Principal me, Model model) {
        model.addAttribute("agent", ConsoleCalls.map(overview.of(me.getName())));
        return "agent";
    }
}
