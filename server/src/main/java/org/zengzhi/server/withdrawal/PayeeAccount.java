package org.zengzhi.server.withdrawal;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A payee account (收款账户, issue 19 item 3): a bank card, an Alipay or a WeChat account with the name its
 * owner verified. Views show only the masked number and name; the whole number is for the payout provider.
 */
public record PayeeAccount(String payee, String owner, Kind kind, String account, String verifiedName) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public enum Kind {
        BANK_CARD, ALIPAY, WECHAT
    }

    /** The account as every view shows it: number and name masked. */
    ObjectNode view() {
        ObjectNode view = JSON.createObjectNode();
        view.put("payee", payee);
        view.put("kind", kind.name());
        view.put("account", maskedAccount());
        view.put("verifiedName", maskedName());
        return view;
    }

    /** A card keeps its first and last four digits (6222 **** **** 1234); other accounts their ends. */
    String maskedAccount() {
        if (kind == Kind.BANK_CARD) {
            return account.substring(0, 4) + " **** **** " + account.substring(account.length() - 4);
        }
        return account.substring(0, 2) + "****" + account.substring(account.length() - 2);
    }

    /** Only the first character of the name stays (张**). */
    String maskedName() {
        int first = verifiedName.offsetByCodePoints(0, 1);
        return verifiedName.substring(0, first) + "*".repeat(Math.max(1, verifiedName.codePointCount(first,
                verifiedName.length())));
    }
}
