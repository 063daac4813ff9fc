package org.zengzhi.server.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page, the console's front door, which sends each role to its own home page, and the console's own
 * page for a 403 (a signed-in user who opens another role's page).
 */
@Controller
class HomePages {
    private final RoleHomes homes;

    HomePages(RoleHomes homes) {
        this.homes = homes;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /**
     * Reached by forward from the filter chain, which has already set the status to 403; any method, since the
     * forward keeps the refused request's (a form's POST, say).
     */
    @RequestMapping("/console/denied")
    String denied() {
        return "denied";
    }

    @GetMapping({"/", "/console"})
    String home(Authentication me) {
        return "redirect:" + homes.of(homes.landingRole(me));
    }
}
