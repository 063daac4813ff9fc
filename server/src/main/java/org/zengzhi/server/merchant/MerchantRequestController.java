package org.zengzhi.server.merchant;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opening a store (商家入驻): a signed-in user asks, an operator approves — which onboards the merchant in
 * the engine with the user as owner and makes the account the store's login — or rejects with a reason.
 */
@RestController
@RequestMapping("/api/v1")
class MerchantRequestController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USERNAME = "[A-Za-z0-9_.-]{3,64}";

    private final MerchantRequests requests;

    MerchantRequestController(MerchantRequests requests) {
        this.requests = requests;
    }

    record Application(String merchant, String region, String commissionRate, String recruiter) {
    }

    /**
     * The operator's decision; on approval the operator may change what the request named: the commission rate
     * (a fraction, {@code "0.15"}), the recruiter ({@code ""} for none) and the region. Absent fields keep
     * the requested values.
     */
    record Decision(Boolean approve, String reason, String commissionRate, String recruiter, String region) {
    }

    @PostMapping(path = "/merchant-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> apply(@RequestBody Application body,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        if (body.merchant() == null || !body.merchant().matches("[A-Za-z0-9_.-]{3,64}")) {
            return GatewayCalls.done(Problems.badRequest("merchant", "3 to 64 letters, digits, '_', '.' or '-'"));
        }
        if (body.region() == null || !body.region().matches("[0-9]{6}")) {
            return GatewayCalls.done(Problems.badRequest("region", "a six-digit GB/T 2260 code"));
        }
        Long commission = null;
        if (body.commissionRate() != null) {
            try {
                commission = Units.parsePpm(body.commissionRate());
            } catch (IllegalArgumentException e) {
                return GatewayCalls.done(Problems.badRequest("commissionRate", e.getMessage()));
            }
        }
        if (body.recruiter() != null && !body.recruiter().isEmpty() && !body.recruiter().matches(USERNAME)) {
            return GatewayCalls.done(Problems.badRequest("recruiter", "a username: 3 to 64 letters, digits, '_', '.' "
                    + "or '-'"));
        }
        String recruiter = body.recruiter() == null || body.recruiter().isEmpty() ? null : body.recruiter();
        return requests.apply(me.getName(), body.merchant(), body.region(), commission, recruiter, key)
                .thenApply(GatewayCalls::entity);
    }

    @GetMapping("/operator/merchant-requests")
    ResponseEntity<String> pending(@RequestParam(defaultValue = "PENDING") String status) {
        ArrayNode list = JSON.createArrayNode();
        for (Map<String, Object> row : requests.inStatus(status)) {
            ObjectNode request = list.addObject();
            request.put("request", (String) row.get("id"));
            request.put("user", (String) row.get("username"));
            request.put("merchant", (String) row.get("merchant"));
            request.put("region", (String) row.get("region"));
            Object ppm = row.get("commission_ppm");
            request.put("commissionRate", ppm == null ? null : Units.format(((Number) ppm).longValue(), Units.RATE_DECIMALS));
            request.put("recruiter", (String) row.get("recruiter"));
            request.put("status", (String) row.get("status"));
        }
        return GatewayCalls.json(JSON.writeValueAsString(list));
    }

    /** Approve: one journaled OnboardMerchant (the engine checks region and rate); reject: a reason is required. */
    @PostMapping(path = "/operator/merchant-requests/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> decide(@PathVariable String id, @RequestBody Decision body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null || body.approve() == null) {
            return GatewayCalls.done(keyProblem != null ? keyProblem : Problems.badRequest("approve", "true or false"));
        }
        // A decided request still goes to the gateway, which answers a retry under its key with the first
        // answer and any other decision a 409: the request has one decision key.
        Map<String, Object> row = requests.find(id);
        if (row == null) {
            return GatewayCalls.done(Problems.problem(404, "Not found", "id", "no request " + id));
        }
        if (!body.approve()) {
            if (body.reason() == null || body.reason().isBlank()) {
                return GatewayCalls.done(Problems.badRequest("reason", "a rejection says why"));
            }
            if (body.reason().length() > Limits.TEXT_LENGTH_MAX) {
                return GatewayCalls.done(Problems.badRequest("reason", "at most " + Limits.TEXT_LENGTH_MAX + " characters"));
            }
            return requests.reject(id, body.reason(), key).thenApply(GatewayCalls::entity);
        }
        Map<String, Object> amended;
        try {
            Long ppm = body.commissionRate() == null ? null : parseRate(body.commissionRate());
            amended = MerchantRequests.amended(row, ppm, body.recruiter(), body.region());
        } catch (InvalidFieldException e) {
            return GatewayCalls.done(Problems.badRequest(e.field(), e.getMessage()));
        }
        return requests.approve(amended, id, key).thenApply(GatewayCalls::entity);
    }

    private static long parseRate(String text) throws InvalidFieldException {
        try {
            return Units.parsePpm(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("commissionRate", e.getMessage());
        }
    }
}
