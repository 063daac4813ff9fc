package org.zengzhi.server.account;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the console's front door, which sends each role to its own home page. */
@Controller
class HomePages {
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping({"/", "/console"})
    String home(Authentication me) {
        if (Access.has(me, Role.OPERATOR)) {
            return "redirect:/console/operator";
        }
        if (Access.has(me, Role.MERCHANT)) {
            return "redirect:/console/merchant";
        }
        return "redirect:/console/wallet";
    }
}
