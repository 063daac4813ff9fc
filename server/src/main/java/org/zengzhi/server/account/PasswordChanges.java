package org.zengzhi.server.account;

import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changing a password (issue 19 item 10): proven by the current password, checked against the password policy,
 * and followed by the revocation of every token of the account. A retry under the same Idempotency-Key, with the
 * same username and new password, gets the first answer even though the "current" password has changed since.
 */
final class PasswordChanges {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountStore accounts;
    private final AccountRequests requests;

    PasswordChanges(AccountStore accounts, AccountRequests requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    /** 200 when changed; 400 naming a missing or weak field; 401 when the current password is wrong; 409 for a reused key. */
    Response change(String key, String username, String currentPassword, String newPassword) {
        Response missing = missing(username, currentPassword, newPassword);
        if (missing != null) {
            return missing;
        }
        String scoped = "password:" + key;
        String hash = GatewayCalls.sha256(GatewayCalls.utf8(username));
        Response first = requests.replay(scoped, hash, newPassword);
        if (first != null) {
            return first;
        }
        if (!accounts.passwordMatches(username, currentPassword)) {
            return Problems.problem(401, "Unauthorized", "currentPassword", "unknown username or wrong password");
        }
        String weak = PasswordPolicy.standard().refusal(username, newPassword);
        if (weak != null) {
            return Problems.badRequest("newPassword", weak);
        }
        if (newPassword.equals(currentPassword)) {
            return Problems.badRequest("newPassword", "must differ from the current password");
        }
        accounts.changePassword(username, newPassword);
        ObjectNode body = JSON.createObjectNode();
        body.put("username", username);
        body.put("tokensRevoked", true);
        Response changed = new Response(200, JSON.writeValueAsString(body));
        requests.remember(scoped, hash, username, changed);
        return changed;
    }

    private static Response missing(String username, String currentPassword, String newPassword) {
        if (username == null) {
            return Problems.badRequest("username", "is required");
        }
        if (currentPassword == null) {
            return Problems.badRequest("currentPassword", "is required");
        }
        return newPassword == null ? Problems.badRequest("newPassword", "is required") : null;
    }
}
