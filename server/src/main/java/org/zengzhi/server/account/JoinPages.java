package org.zengzhi.server.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.Response;

/**
 * Where an invite link or QR code leads (the API's /me/invite path): a sign-up form carrying the inviter, who becomes
 * the new user's referrer. It registers exactly as POST /api/v1/auth/register does, then sends the new user
 * to sign in. Open to everyone, like the sign-in page.
 */
@Controller
class JoinPages {
    private final Registration registration;

    JoinPages(Registration registration) {
        this.registration = registration;
    }

    @GetMapping("/join")
    String form(@RequestParam(defaultValue = "") String invite, Model model) {
        model.addAttribute("invite", invite.strip());
        return "join";
    }

    /** A username, a mobile number or both (issue 20 item 2); a display name if the person gives one. */
    @PostMapping("/join")
    String join(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String displayName, @RequestParam String password,
            @RequestParam(defaultValue = "") String invite, Model model) {
        Response answer = ConsoleCalls.await(registration.register(null,
                Registration.Signup.of(username, phone, displayName, password, invite)));
        if (answer.status() == 201) {
            return "redirect:/login?joined";
        }
        model.addAttribute("invite", invite.strip());
        model.addAttribute("username", username);
        model.addAttribute("phone", phone);
        model.addAttribute("displayName", displayName);
        model.addAttribute("error", ConsoleCalls.detail(answer.body()));
        return "join";
    }
}
