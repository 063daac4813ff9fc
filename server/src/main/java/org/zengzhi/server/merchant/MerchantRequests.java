package org.zengzhi.server.merchant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.network.Regions;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.payment.InvalidFieldException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Opening a store (商家入驻): the requests in {@code merchant_requests} — every SELECT and UPDATE of that table — and
 * the approval, which is one journaled OnboardMerchant whose id, idempotency scope and request hash are built here
 * for the API ({@link MerchantRequestController}) and the console's merchants page alike.
 */
@Component
public class MerchantRequests {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final EngineGateway gateway;
    private final Journal journal;

    MerchantRequests(JdbcTemplate jdbc, EngineGateway gateway, Journal journal) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.journal = journal;
    }

    /**
     * Files a request whose terms the engine would accept as things stand ({@link #termsProblem}). A key this user
     * has already used skips that check and goes straight to the gateway, which answers the first result (or a
     * 409 for another body): the first filing itself makes the store id "already asked for".
     */
    CompletableFuture<Response> apply(String user, String merchant, String region, Long commissionPpm, String recruiter,
            String key) {
        if (journal.idempotencyRecord(filingKey(user, key)) != null) {
            return file(user, merchant, region, commissionPpm, recruiter, key);
        }
        return termsProblem(merchant, region, commissionPpm).thenCompose(problem -> problem != null
                ? CompletableFuture.completedFuture(problem)
                : file(user, merchant, region, commissionPpm, recruiter, key));
    }

    private static String filingKey(String user, String key) {
        return "merchant-request-filing:" + user + ":" + key;
    }

    /**
     * Files a pending request through the journal (a Tick named after the request carries it) under the user's
     * key, so a retry answers the first request's id instead of filing a second one (R-8.3). The fields are
     * checked by the caller.
     */
    private CompletableFuture<Response> file(String user, String merchant, String region, Long commissionPpm, String recruiter,
            String key) {
        String id = "mr-" + UUID.randomUUID();
        List<Object> row = new ArrayList<>(Arrays.asList(id, user, merchant, region, commissionPpm, recruiter));
        return gateway.submit(new CommandRequest(now -> new Command.Tick("merchant-request-filed:" + id, now),
                events -> new Response(201, statusJson(id, "PENDING")), filingKey(user, key),
                String.join("|", merchant, region, String.valueOf(commissionPpm), String.valueOf(recruiter)),
                (command, events) -> List.of(new ReadModelWrite("INSERT INTO merchant_requests (id, username, merchant, "
                        + "region, commission_ppm, recruiter, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)",
                        withTime(row, command.at())))));
    }

    private static List<Object> withTime(List<Object> row, Instant at) {
        List<Object> values = new ArrayList<>(row);
        values.add(Timestamp.from(at));
        return values;
    }

    /**
     * A 400 naming the field when the engine would refuse these terms at approval as things stand, else null
     * (R-8.5, issue 19 item 7): an unknown region, a store id that exists or is already asked for, a rate
     * outside the plan's allowed range. They used to be accepted and fail only at approval, or open the store
     * at the plan's default rate. The engine stays the judge at approval, when the plan may have changed.
     */
    private CompletableFuture<Response> termsProblem(String merchant, String region, Long commissionPpm) {
        if (Regions.standard().find(region) == null) {
            return CompletableFuture.completedFuture(Problems.badRequest("region", "no region has the GB/T 2260 code "
                    + region));
        }
        Integer asked = jdbc.queryForObject("SELECT COUNT(*) FROM merchant_requests WHERE merchant = ? AND status IN "
                + "('PENDING', 'APPROVED')", Integer.class, merchant);
        if (asked != null && asked > 0) {
            return CompletableFuture.completedFuture(Problems.badRequest("merchant", "a store with this id is already "
                    + "asked for: choose another"));
        }
        return gateway.query(engine -> {
            if (engine.merchantIds().contains(merchant)) {
                return Problems.badRequest("merchant", "a store with this id exists: choose another");
            }
            Plan.StoreSplit store = engine.plan().store();
            if (commissionPpm != null && (commissionPpm < store.minCommissionPpm()
                    || commissionPpm > store.maxCommissionPpm())) {
                return Problems.badRequest("commissionRate", "the plan allows "
                        + Units.format(store.minCommissionPpm(), Units.RATE_DECIMALS) + " to "
                        + Units.format(store.maxCommissionPpm(), Units.RATE_DECIMALS));
            }
            return null;
        });
    }

    /** The requests in a status, oldest first. */
    public List<Map<String, Object>> inStatus(String status) {
        return jdbc.queryForList("SELECT id, username, merchant, region, commission_ppm, recruiter, status, "
                + "decision_reason FROM merchant_requests WHERE status = ? ORDER BY created_at", status);
    }

    /** A user's own requests, newest first: the wallet shows their status and a rejection's reason. */
    public List<Map<String, Object>> ofUser(String user) {
        return jdbc.queryForList("SELECT id, merchant, status, decision_reason FROM merchant_requests WHERE username = ? "
                + "ORDER BY created_at DESC", user);
    }

    /** One request (with its status), or null. */
    Map<String, Object> find(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT username, merchant, region, commission_ppm, recruiter, "
                + "status FROM merchant_requests WHERE id = ?", id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** One pending request, or null when there is none of that id still pending. */
    public Map<String, Object> findPending(String id) {
        Map<String, Object> row = find(id);
        return row == null || !"PENDING".equals(row.get("status")) ? null : row;
    }

    /**
     * Rejects a request with the operator's reason, once: journaled as a Tick named after the request, under the
     * request's one decision key (see {@link #approve}); nothing else reaches the engine.
     */
    public CompletableFuture<Response> reject(String id, String reason, String key) {
        return decided(id, new CommandRequest(now -> new Command.Tick("merchant-request-rejected:" + id, now),
                events -> new Response(200, statusJson(id, "REJECTED")), decisionKey(id), String.join("|", key, "reject",
                        reason), (command, events) -> List.of(new ReadModelWrite("UPDATE merchant_requests SET status = "
                                + "'REJECTED', decision_reason = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'",
                                List.of(reason, Timestamp.from(command.at()), id)))));
    }

    /**
     * A request has one idempotency key for its next decision, checked on the gateway's writer thread and
     * committed with the journal row: of any number of concurrent decisions exactly one takes effect. The caller's
     * key is part of the request hash, so its retry answers the first result and any other key a 409. An approval
     * the engine rejects changes nothing and counts in {@code rejected_decisions}, so the next decision gets a
     * fresh key ({@code "merchant-request-decision:<id>#<n>"}).
     */
    private String decisionKey(String id) {
        Integer rejected = jdbc.queryForObject("SELECT rejected_decisions FROM merchant_requests WHERE id = ?",
                Integer.class, id);
        return "merchant-request-decision:" + id + "#" + rejected;
    }

    private CompletableFuture<Response> decided(String id, CommandRequest request) {
        return gateway.submit(request).thenApply(answer -> answer.status() == 409
                ? Problems.conflict("id", "request " + id + " is already decided (or this key was used with another body)")
                : answer);
    }

    /**
     * A request's row with the operator's changes: a rate in ppm, a recruiter ({@code ""} for none) and a region;
     * null keeps what the request named. Whether they are acceptable is the engine's call.
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
     * Approves a request (its row, perhaps {@link #amended}), once: one journaled OnboardMerchant named after the
     * request, under the request's one decision key and hashed over the caller's key and the terms, so a retry
     * with the same key must carry the same terms; the request and the owner's account are updated in its
     * transaction.
     */
    public CompletableFuture<Response> approve(Map<String, Object> row, String id, String key) {
        String owner = (String) row.get("username");
        String merchant = (String) row.get("merchant");
        Object ppm = row.get("commission_ppm");
        String terms = String.join("|", key, "approve", String.valueOf(ppm), String.valueOf(row.get("recruiter")),
                String.valueOf(row.get("region")));
        CommandRequest request = new CommandRequest(now -> new Command.OnboardMerchant("onboard:" + id, now, merchant, owner,
                (String) row.get("recruiter"), (String) row.get("region"), ppm == null ? -1 : ((Number) ppm).longValue()),
                events -> approved(id, merchant, events), decisionKey(id), terms,
                (command, events) -> Rejections.rejected(events) ? List.of(new ReadModelWrite("UPDATE merchant_requests "
                        + "SET rejected_decisions = rejected_decisions + 1 WHERE id = ? AND status = 'PENDING'",
                        List.of(id))) : approval(id, owner, merchant));
        return decided(id, request);
    }

    private static Response approved(String id, String merchant, List<Event> events) {
        Event.CommandRejected rejected = Rejections.of(events);
        if (rejected != null) {
            return Problems.rejected(rejected.code().name(), rejected.field());
        }
        ObjectNode body = status(id, "APPROVED");
        body.put("merchant", merchant);
        return new Response(200, JSON.writeValueAsString(body));
    }

    /** {@code {"request":…,"status":…}}, the answer to a request's filing and decision. */
    static ObjectNode status(String id, String status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("request", id);
        body.put("status", status);
        return body;
    }

    static String statusJson(String id, String status) {
        return JSON.writeValueAsString(status(id, status));
    }

    /**
     * Written in the journal row's transaction: the request is approved and the owner's account becomes the
     * store's login exactly when the merchant exists in the engine.
     */
    private static List<ReadModelWrite> approval(String id, String owner, String merchant) {
        return List.of(
                new ReadModelWrite("UPDATE merchant_requests SET status = 'APPROVED', decided_at = ? WHERE id = ? "
                        + "AND status = 'PENDING'",
                        List.of(Timestamp.from(Instant.now()), id)),
                new ReadModelWrite("UPDATE accounts SET role = 'MERCHANT', merchant = ? WHERE username = ? "
                        + "AND role = 'CONSUMER'", List.of(merchant, owner)));
    }
}
