package org.zengzhi.server.merchant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.journal.ReadModelWrite;
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
public class MerchantRequestController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final EngineGateway gateway;

    MerchantRequestController(JdbcTemplate jdbc, EngineGateway gateway) {
        this.jdbc = jdbc;
        this.gateway = gateway;
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
    ResponseEntity<String> apply(@RequestBody Application body, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (body.merchant() == null || !body.merchant().matches("[A-Za-z0-9_.-]{3,64}")) {
            return GatewayCalls.entity(Problems.badRequest("merchant", "3 to 64 letters, digits, '_', '.' or '-'"));
        }
        if (body.region() == null || !body.region().matches("[0-9]{6}")) {
            return GatewayCalls.entity(Problems.badRequest("region", "a six-digit GB/T 2260 code"));
        }
        Long commission = null;
        if (body.commissionRate() != null) {
            try {
                commission = Units.parsePpm(body.commissionRate());
            } catch (IllegalArgumentException e) {
                return GatewayCalls.entity(Problems.badRequest("commissionRate", e.getMessage()));
            }
        }
        String id = "mr-" + UUID.randomUUID();
        jdbc.update("INSERT INTO merchant_requests (id, username, merchant, region, commission_ppm, recruiter, status, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)", id, me.getName(), body.merchant(), body.region(),
                commission, body.recruiter(), Timestamp.from(Instant.now()));
        return GatewayCalls.entity(new Response(201, "{\"request\":\"" + id + "\",\"status\":\"PENDING\"}"));
    }

    @GetMapping("/operator/merchant-requests")
    ResponseEntity<String> pending(@RequestParam(defaultValue = "PENDING") String status) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, username, merchant, region, commission_ppm, "
                + "recruiter, status, decision_reason FROM merchant_requests WHERE status = ? ORDER BY created_at", status);
        ArrayNode requests = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode request = requests.addObject();
            request.put("request", (String) row.get("id"));
            request.put("user", (String) row.get("username"));
            request.put("merchant", (String) row.get("merchant"));
            request.put("region", (String) row.get("region"));
            Object ppm = row.get("commission_ppm");
            request.put("commissionRate", ppm == null ? null : Units.format(((Number) ppm).longValue(), Units.RATE_DECIMALS));
            request.put("recruiter", (String) row.get("recruiter"));
            request.put("status", (String) row.get("status"));
        }
        return GatewayCalls.json(JSON.writeValueAsString(requests));
    }

    /** Approve: one journaled OnboardMerchant (the engine checks region and rate); reject: a reason is required. */
    @PostMapping(path = "/operator/merchant-requests/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> decide(@PathVariable String id, @RequestBody Decision body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null || body.approve() == null) {
            return GatewayCalls.done(keyProblem != null ? keyProblem : Problems.badRequest("approve", "true or false"));
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT username, merchant, region, commission_ppm, recruiter, "
                + "status FROM merchant_requests WHERE id = ?", id);
        // An approved request still goes to the gateway, which answers a retry under its key with the first
        // answer and refuses a second onboarding under a new one.
        String status = rows.isEmpty() ? null : (String) rows.get(0).get("status");
        if (!"PENDING".equals(status) && !("APPROVED".equals(status) && body.approve())) {
            return GatewayCalls.done(Problems.problem(404, "Not found", "id", "no pending request " + id));
        }
        if (!body.approve()) {
            if (body.reason() == null || body.reason().isBlank()) {
                return GatewayCalls.done(Problems.badRequest("reason", "a rejection says why"));
            }
            if (body.reason().length() > Limits.TEXT_LENGTH_MAX) {
                return GatewayCalls.done(Problems.badRequest("reason", "at most " + Limits.TEXT_LENGTH_MAX + " characters"));
            }
            close(id, "REJECTED", body.reason());
            return GatewayCalls.done(new Response(200, "{\"request\":\"" + id + "\",\"status\":\"REJECTED\"}"));
        }
        Map<String, Object> amended;
        try {
            Long ppm = body.commissionRate() == null ? null : parseRate(body.commissionRate());
            amended = amended(rows.get(0), ppm, body.recruiter(), body.region());
        } catch (InvalidFieldException e) {
            return GatewayCalls.done(Problems.badRequest(e.field(), e.getMessage()));
        }
        return approve(gateway, amended, id, key).thenApply(GatewayCalls::entity);
    }

    private static long parseRate(String text) throws InvalidFieldException {
        try {
            return Units.parsePpm(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("commissionRate", e.getMessage());
        }
    }

    /**
     * A pending request's row with the operator's changes: a rate in ppm, a recruiter ({@code ""} for none) and
     * a region; null keeps what the request named. Whether they are acceptable is the engine's call.
     */
    public static Map<String, Object> amended(Map<String, Object> row, Long commissionPpm, String recruiter,
            String region) throws InvalidFieldException {
        Map<String, Object> amended = new HashMap<>(row);
        if (commissionPpm != null) {
            amended.put("commission_ppm", commissionPpm);
        }
        if (recruiter != null) {
            amended.put("recruiter", recruiter.isBlank() ? null : recruiter.trim());
        }
        if (region != null) {
            if (!region.trim().matches("[0-9]{6}")) {
                throw new InvalidFieldException("region", "a six-digit GB/T 2260 code");
            }
            amended.put("region", region.trim());
        }
        return amended;
    }

    /**
     * Approves a pending request (the row of merchant_requests, perhaps {@link #amended}): one journaled
     * OnboardMerchant, with the request and the owner's account updated in its transaction. Shared by the API
     * and the console. A retry with the same key must carry the same terms.
     */
    public static CompletableFuture<Response> approve(EngineGateway gateway, Map<String, Object> row, String id, String key) {
        String owner = (String) row.get("username");
        String merchant = (String) row.get("merchant");
        Object ppm = row.get("commission_ppm");
        String terms = String.join("|", id, String.valueOf(ppm), String.valueOf(row.get("recruiter")),
                String.valueOf(row.get("region")));
        CommandRequest request = new CommandRequest(now -> new Command.OnboardMerchant("onboard:" + id, now, merchant, owner,
                (String) row.get("recruiter"), (String) row.get("region"), ppm == null ? -1 : ((Number) ppm).longValue()),
                events -> approved(id, merchant, events), "merchant-request:" + key, terms,
                (command, events) -> Rejections.of(events) != null ? List.of() : approval(id, owner, merchant));
        return gateway.submit(request);
    }

    private static Response approved(String id, String merchant, List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        return new Response(200, "{\"request\":\"" + id + "\",\"status\":\"APPROVED\",\"merchant\":\"" + merchant + "\"}");
    }

    /**
     * Written in the journal row's transaction: the request is approved and the owner's account becomes the
     * store's login exactly when the merchant exists in the engine.
     */
    private static List<ReadModelWrite> approval(String id, String owner, String merchant) {
        return List.of(
                new ReadModelWrite("UPDATE merchant_requests SET status = 'APPROVED', decided_at = ? WHERE id = ?",
                        List.of(Timestamp.from(Instant.now()), id)),
                new ReadModelWrite("UPDATE accounts SET role = 'MERCHANT', merchant = ? WHERE username = ? "
                        + "AND role = 'CONSUMER'", List.of(merchant, owner)));
    }

    private void close(String id, String status, String reason) {
        jdbc.update("UPDATE merchant_requests SET status = ?, decision_reason = ?, decided_at = ? WHERE id = ?", status,
                reason, Timestamp.from(Instant.now()), id);
    }
}
