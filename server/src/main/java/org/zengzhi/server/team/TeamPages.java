package org.zengzhi.server.team;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zengzhi.server.console.ConsoleCalls;

/**
 * The console's whole reward history (奖励记录), a page at a time (the wallet shows its first rows), and the team
 * page (我的团队), the promoter's home under a plan without a promoter ladder (issue 20 item 3).
 */
@Controller
class TeamPages {
    private static final int PAGE_SIZE = 20;

    private final Team team;
    private final TeamSections sections;

    TeamPages(Team team, TeamSections sections) {
        this.team = team;
        this.sections = sections;
    }

    @GetMapping("/console/team")
    String team(Principal me, Model model) {
        sections.addTo(model, me.getName());
        return "my-team";
    }

    @GetMapping("/console/rewards")
    String rewards(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        int shown = Math.max(0, page);
        model.addAttribute("history", ConsoleCalls.map(team.rewards(me.getName(), shown, PAGE_SIZE)));
        model.addAttribute("page", shown);
        model.addAttribute("pageSize", PAGE_SIZE);
        return "rewards";
    }
}
