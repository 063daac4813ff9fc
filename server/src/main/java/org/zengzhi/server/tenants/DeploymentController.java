package org.zengzhi.server.tenants;

import static org.zengzhi.server.web.GatewayCalls.entity;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.LoginThrottle;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployment operator's API (docs/tenants.md): sign in, list tenants, create one from a preset or a plan's
 * YAML, suspend, resume, rename and close it. Only the root context has it; the security configuration lets only the
 * deployment operator's tokens reach it (sign-in aside).
 */
@RestController
@ConditionalOnProperty(name = "zengzhi.deployment.enabled", havingValue = "true", matchIfMissing = true)
class DeploymentController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DeploymentOperators operators;
    private final TenantChanges changes;
    private final TenantMoves moves;
    private final LoginThrottle throttle;

    DeploymentController(DeploymentOperators operators, TenantChanges changes, TenantMoves moves, LoginThrottle throttle) {
        this.operators = operators;
        this.changes = changes;
        this.moves = moves;
        this.throttle = throttle;
    }

    /** {@code {"username": "deployment", "password": "…"}} → a bearer token for the calls below. */
    @PostMapping(path = "/api/v1/deployment/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> login(@RequestBody byte[] body, HttpServletRequest request) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (RuntimeException e) {
            return entity(Problems.badRequest(null, "the body is not valid JSON"));
        }
        for (String field : new String[] {"username", "password"}) {
            if (tree == null || !tree.path(field).isString()) {
                return entity(Problems.badRequest(field, "field \"" + field + "\": is required"));
            }
        }
        // Throttled as every sign-in is (issue 19 item 10), under a name no tenant's account can have.
        String name = "deployment:" + tree.get("username").asString();
        if (!throttle.tryAttempt(name, request.getRemoteAddr())) {
            return ResponseEntity.status(429).contentType(GatewayCalls.PROBLEM).header(HttpHeaders.RETRY_AFTER, "60")
                    .body(Problems.problem(429, "Too many requests", "password", "too many failed sign-ins for this "
                            + "account or from this address; wait and try again").body());
        }
        DeploymentOperators.Token token = operators.login(tree.get("username").asString(), tree.get("password").asString());
        if (token == null) {
            return entity(Problems.problem(401, "Unauthorized", "password", "unknown username or wrong password"));
        }
        throttle.succeeded(name, request.getRemoteAddr());
        ObjectNode reply = JSON.createObjectNode();
        reply.put("token", token.value());
        reply.put("tokenType", "Bearer");
        reply.put("expiresAt", token.expiresAt().atZone(TenantChanges.ZONE).toOffsetDateTime().toString());
        return entity(new Response(200, JSON.writeValueAsString(reply)));
    }

    @GetMapping(path = "/api/v1/deployment/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> list() {
        return entity(new Response(200, changes.list()));
    }

    /** {@code {"slug": "shop2", "name": "…", "plan": "green-points.yaml" or YAML, "operatorPassword": "…"}}. */
    @PostMapping(path = "/api/v1/deployment/tenants", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> changes.create(key, body));
    }

    @PostMapping("/api/v1/deployment/tenants/{slug}/suspend")
    ResponseEntity<String> suspend(@PathVariable String slug,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> changes.setStatus(key, slug, TenantRecord.Status.SUSPENDED));
    }

    @PostMapping("/api/v1/deployment/tenants/{slug}/resume")
    ResponseEntity<String> resume(@PathVariable String slug,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> changes.setStatus(key, slug, TenantRecord.Status.ACTIVE));
    }

    /** {@code {"name": "…"}}: a new display name; the slug (its paths, its schema) stays. */
    @PostMapping(path = "/api/v1/deployment/tenants/{slug}/rename", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> rename(@PathVariable String slug, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> changes.rename(key, slug, orEmpty(body)));
    }

    /** {@code {"confirm": "<slug>"}}: closes a suspended tenant for good (410 on its paths; its schema is kept). */
    @PostMapping("/api/v1/deployment/tenants/{slug}/close")
    ResponseEntity<String> close(@PathVariable String slug, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> changes.close(key, slug, orEmpty(body)));
    }

    /**
     * Moves a suspended tenant onto the server's Kafka journal (the import, docs/cluster.md "Moving a tenant of the
     * server nodes"): in place from the SQL journal, or a schema adopted from another cluster, whose seal's
     * {@code {"stateHash": "…"}} it must match. Resumed, the tenant runs on Kafka.
     */
    @PostMapping("/api/v1/deployment/tenants/{slug}/journal/kafka")
    ResponseEntity<String> toKafka(@PathVariable String slug, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> moves.toKafka(key, slug, orEmpty(body)));
    }

    /** {@code {"target": "…"}}: seals a suspended tenant that moves to another cluster; it never resumes here. */
    @PostMapping("/api/v1/deployment/tenants/{slug}/seal")
    ResponseEntity<String> seal(@PathVariable String slug, @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> moves.seal(key, slug, orEmpty(body)));
    }

    /** {@code {"slug": "…", "name": "…", "schema": "…"}}: records a tenant, suspended, on a schema copied here. */
    @PostMapping(path = "/api/v1/deployment/tenants/adopt", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> adopt(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return keyed(key, () -> moves.adopt(key, body));
    }

    /** A change under its Idempotency-Key: a missing or malformed key is refused (400) before the change is asked. */
    private static ResponseEntity<String> keyed(String key, Supplier<Response> change) {
        Response problem = GatewayCalls.keyProblem(key);
        return entity(problem != null ? problem : change.get());
    }

    /** No body reads as an empty object, so that the missing field is named. */
    private static byte[] orEmpty(byte[] body) {
        return body == null || body.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : body;
    }
}
