package org.zengzhi.server.console.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.console.QrCodes;
import org.zengzhi.server.payment.LocalServer;

/**
 * A merchant's pay code to print (a QR image of the store's /pay URL) and its orders of today. A merchant
 * account sees its own store; an operator may open any store with {@code ?merchant=}.
 */
@Controller
class MerchantPages {
    private static final int QR_PIXELS = 360;

    private final AccountStore accounts;
    private final JdbcTemplate jdbc;
    private final LocalServer server;

    MerchantPages(AccountStore accounts, JdbcTemplate jdbc, LocalServer server) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.server = server;
    }

    @GetMapping("/console/merchant")
    String payCode(@RequestParam(required = false) String merchant, Authentication me, Model model) {
        String store = store(merchant, me);
        model.addAttribute("merchant", store);
        model.addAttribute("payUrl", payUrl(store));
        model.addAttribute("orders", jdbc.queryForList("SELECT order_id, username, amount, status, paid_at FROM orders "
                + "WHERE merchant = ? AND paid_at >= CURRENT_DATE ORDER BY command_seq DESC LIMIT 200", store).stream()
                .map(row -> Map.of("order", row.get("order_id"), "user", row.get("username"),
                        "amount", Units.formatFen(((Number) row.get("amount")).longValue()), "status", row.get("status"),
                        "paidAt", ConsoleCalls.time(row.get("paid_at"))))
                .toList());
        return "merchant";
    }

    @GetMapping("/console/merchant/pay-code.png")
    ResponseEntity<byte[]> payCodeImage(@RequestParam(required = false) String merchant, Authentication me) {
        byte[] png = QrCodes.png(payUrl(store(merchant, me)), QR_PIXELS);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(png);
    }

    /** The public pay URL the QR code carries; the configured base URL when behind a proxy (docs/payments.md). */
    private String payUrl(String store) {
        return server.baseUrl() + "/pay/" + UriUtils.encodePathSegment(store, StandardCharsets.UTF_8);
    }

    /** The store of a merchant account, or the one an operator asks for (R-8.4: nobody else's). */
    private String store(String requested, Principal me) {
        AccountStore.Login login = accounts.login(me.getName());
        Role role = login == null ? null : login.account().role();
        if (role == Role.OPERATOR && requested != null && !requested.isBlank()) {
            return requested;
        }
        if (role == Role.MERCHANT) {
            return login.account().merchant();
        }
        throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "name the store: ?merchant=");
    }
}
