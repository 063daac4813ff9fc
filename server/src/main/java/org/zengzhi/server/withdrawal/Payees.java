package org.zengzhi.server.withdrawal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Payee accounts (收款账户, issue 19 item 3): a user adds bank cards, Alipay or WeChat accounts, lists them masked,
 * and names one when asking for a withdrawal. A key is scoped to its owner; a retry gets the first answer.
 */
@Component
public class Payees {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("kind", "account", "verifiedName");
    static final int NAME_LENGTH_MAX = 50;

    private final PayeeAccounts accounts;
    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    Payees(JdbcTemplate jdbc) {
        this.accounts = new PayeeAccounts(jdbc);
    }

    /** Adds an account for {@code owner} (201, masked); the key with another body is 409. */
    public Response create(String owner, String key, byte[] body) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return keyProblem;
        }
        String scopedKey = "payees:" + owner + ":" + key;
        String hash = GatewayCalls.sha256(body == null ? new byte[0] : body);
        Object[] known = accounts.byIdempotencyKey(scopedKey);
        if (known != null) {
            return replay(known, hash);
        }
        PayeeAccount payee;
        try {
            payee = parse(owner, body);
        } catch (BadPayee e) {
            return Problems.badRequest(e.field, "field \"" + e.field + "\": " + e.getMessage());
        }
        try {
            accounts.insert(payee, scopedKey, hash, clock.instant());
        } catch (DuplicateKeyException e) {
            return replay(accounts.byIdempotencyKey(scopedKey), hash);
        }
        return new Response(201, JSON.writeValueAsString(payee.view()));
    }

    private Response replay(Object[] known, String hash) {
        return known[1].equals(hash) ? new Response(201, JSON.writeValueAsString(accounts.byId((String) known[0]).view()))
                : Problems.conflict("Idempotency-Key", "this key was used with a different request body");
    }

    /** The owner's accounts, masked. */
    public Response list(String owner) {
        ArrayNode rows = JSON.createArrayNode();
        accounts.ofOwner(owner).forEach(payee -> rows.add(payee.view()));
        return new Response(200, JSON.writeValueAsString(rows));
    }

    /** The account if {@code owner} holds it, else null: nobody withdraws to another's account. */
    public PayeeAccount owned(String owner, String payee) {
        PayeeAccount found = accounts.byId(payee);
        return found != null && found.owner().equals(owner) ? found : null;
    }

    /** Records the payee of a withdrawal before its command is submitted. */
    void chosen(String withdrawal, PayeeAccount payee) {
        accounts.chosen(withdrawal, payee.payee());
    }

    /** The payee a withdrawal is paid to, or null: for the payout and the withdrawal's view. */
    public PayeeAccount ofWithdrawal(String withdrawal) {
        return accounts.ofWithdrawal(withdrawal);
    }

    private PayeeAccount parse(String owner, byte[] body) throws BadPayee {
        JsonNode tree;
        try {
            tree = JSON.readTree(body == null ? new byte[0] : body);
        } catch (JacksonException e) {
            throw new BadPayee(null, "the body is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new BadPayee(null, "the body must be one JSON object");
        }
        for (Iterator<String> names = tree.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new BadPayee(name, "is not a field of a payee account " + FIELDS);
            }
        }
        PayeeAccount.Kind kind = kind(tree.get("kind"));
        String account = text(tree.get("account"), "account", 64);
        boolean valid = kind == PayeeAccount.Kind.BANK_CARD ? account.matches("[0-9]{12,19}")
                : account.matches("[A-Za-z0-9_.@+-]{5,64}");
        if (!valid) {
            throw new BadPayee("account", kind == PayeeAccount.Kind.BANK_CARD ? "a bank card has 12 to 19 digits"
                    : "must be 5 to 64 letters, digits or _ . @ + -");
        }
        String name = text(tree.get("verifiedName"), "verifiedName", NAME_LENGTH_MAX);
        return new PayeeAccount("pe_" + randomHex(10), owner, kind, account, name);
    }

    private static PayeeAccount.Kind kind(JsonNode value) throws BadPayee {
        if (value != null && value.isString()) {
            for (PayeeAccount.Kind kind : PayeeAccount.Kind.values()) {
                if (kind.name().equals(value.asString())) {
                    return kind;
                }
            }
        }
        throw new BadPayee("kind", "must be BANK_CARD, ALIPAY or WECHAT");
    }

    private static String text(JsonNode value, String field, int lengthMax) throws BadPayee {
        String text = value != null && value.isString() ? value.asString() : "";
        if (text.isBlank() || text.length() > lengthMax || text.chars().anyMatch(
                c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new BadPayee(field, "must be a string of 1 to " + lengthMax
                    + " characters without control or formatting characters");
        }
        return text;
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** A field of the body that fails validation. */
    private static final class BadPayee extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadPayee(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
