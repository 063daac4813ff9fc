package org.zengzhi.server.wallet;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.console.QrCodes;
import org.zengzhi.server.payment.LocalServer;

/**
 * A consumer's invite link with its QR code (the API's /me/invite view on this server's public address, R-4.1). Mobile first, linked from
 * the wallet.
 */
@Controller
class InvitePages {
    private static final int QR_PIXELS = 360;

    private final LocalServer server;

    InvitePages(LocalServer server) {
        this.server = server;
    }

    @GetMapping("/console/invite")
    String invite(Principal me, Model model) {
        Map<String, Object> invite = ConsoleCalls.map(WalletViews.invite(me.getName()));
        model.addAttribute("invite", invite.get("invite"));
        model.addAttribute("inviteUrl", inviteUrl(me));
        return "invite";
    }

    @GetMapping("/console/invite.png")
    ResponseEntity<byte[]> inviteImage(Principal me) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(QrCodes.png(inviteUrl(me), QR_PIXELS));
    }

    /** The public join URL the QR code carries: the configured base URL when behind a proxy (docs/payments.md). */
    private String inviteUrl(Principal me) {
        return server.baseUrl() + ConsoleCalls.map(WalletViews.invite(me.getName())).get("path");
    }
}
