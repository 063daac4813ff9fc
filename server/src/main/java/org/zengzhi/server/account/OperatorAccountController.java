package org.zengzhi.server.account;


import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator creates a login of any role, e.g. a merchant's login for its store. It lives with the
 * accounts rather than with the operator's other actions because it shares their password policy and their
 * idempotency records (issue 19 item 6): a retry with the same Idempotency-Key gets the first answer, not 409.
 */
@RestController
class OperatorAccountController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountStore accounts;
    private final AccountRequests requests;

    OperatorAccountController(AccountStore accounts, AccountRequests requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    record NewAccount(String username, String password, String role, String merchant) {
    }

    @PostMapping(path = "/api/v1/operator/accounts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@RequestBody NewAccount body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (key != null && GatewayCalls.keyProblem(key) != null) {
            return GatewayCalls.entity(GatewayCalls.keyProblem(key));
        }
        Response problem = problem(body);
        if (problem != null) {
            return GatewayCalls.entity(problem);
        }
        Role role = Role.valueOf(body.role());
        String merchant = role == Role.MERCHANT ? body.merchant() : null;
        String scoped = "accounts:" + key;
        String hash = GatewayCalls.sha256(GatewayCalls.utf8(body.username()), GatewayCalls.utf8(role.name()),
                GatewayCalls.utf8(String.valueOf(merchant)));
        Response first = key == null ? null : requests.replay(scoped, hash, body.password());
        if (first != null) {
            return GatewayCalls.entity(first);
        }
        if (!accounts.create(body.username(), body.password(), role, merchant)) {
            return GatewayCalls.entity(Problems.conflict("username", "this username is taken"));
        }
        ObjectNode created = JSON.createObjectNode();
        created.put("username", body.username());
        created.put("role", role.name());
        Response answer = new Response(201, JSON.writeValueAsString(created));
        if (key != null) {
            requests.remember(scoped, hash, body.username(), answer);
        }
        return GatewayCalls.entity(answer);
    }

    private static Response problem(NewAccount body) {
        try {
            Role.valueOf(String.valueOf(body.role()));
        } catch (IllegalArgumentException e) {
            return Problems.badRequest("role", "one of CONSUMER, MERCHANT, PROMOTER, AGENT, OPERATOR");
        }
        String wrong = Identifiers.usernameProblem(body.username());
        if (wrong != null) {
            return Problems.badRequest("username", wrong);
        }
        String weak = PasswordPolicy.standard().refusal(body.username(), body.password());
        if (weak != null) {
            return Problems.badRequest("password", weak);
        }
        if (Role.valueOf(body.role()) == Role.MERCHANT && (body.merchant() == null || body.merchant().isBlank())) {
            return Problems.badRequest("merchant", "a merchant account names its store");
        }
        return null;
    }
}
