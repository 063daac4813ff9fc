package org.zengzhi.server.tenants;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployment operator's changes to tenants: create, suspend, resume, rename, close. Each answer is kept under its
 * Idempotency-Key ({@code deployment_requests}) in the same transaction as the change, so a retry gets the first
 * answer, another request under the same key is 409, and nothing is done twice. Changes are serialised: creating a
 * tenant starts its context (seconds), which is rare enough for one at a time.
 */
final class TenantChanges {
    private static final Logger LOG = LoggerFactory.getLogger(TenantChanges.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The deployment's times are shown in China's time zone, as the default plan's are. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TenantDirectory directory;
    private final Tenants tenants;
    private final Clock clock;

    TenantChanges(JdbcTemplate jdbc, TransactionTemplate transaction, TenantDirectory directory, Tenants tenants,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.directory = directory;
        this.tenants = tenants;
        this.clock = clock;
    }

    synchronized Response create(String key, byte[] body) {
        TenantRequestBody request;
        try {
            request = TenantRequestBody.parse(body);
        } catch (InvalidFieldException e) {
            return invalid(e);
        }
        String hash = DeploymentOperators.sha256("create\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        String recordKey = "create:" + key;
        Response known = replay(recordKey, hash);
        if (known != null) {
            return known;
        }
        if (directory.bySlug(request.slug()) != null) {
            return once(recordKey, hash, () -> Problems.conflict("slug", "field \"slug\": is taken by another tenant"),
                    answer -> { });
        }
        TenantRecord tenant = new TenantRecord(request.slug(), request.name(), request.planSource(), request.planYaml(),
                schemaFor(request.slug()), TenantRecord.Status.ACTIVE, clock.instant(), tenants.newJournal(), null);
        // Started before it is recorded, outside any transaction (PostgreSQL's DDL is transactional: a schema created
        // in an open transaction is invisible to the tenant's own connections). A start that fails records nothing;
        // a crash between start and record leaves a migrated schema that the retry starts again.
        try {
            tenants.startNew(tenant, request.operatorPassword());
        } catch (ServletException | RuntimeException e) {
            LOG.error("tenant {} could not start", tenant.slug(), e);
            tenants.stop(tenant.slug());
            return Problems.problem(500, "Internal Server Error", null, "the tenant could not start; nothing was "
                    + "recorded (the server's log says why)");
        }
        return once(recordKey, hash, () -> {
            directory.insert(tenant);
            return new Response(201, JSON.writeValueAsString(view(tenant)));
        }, created -> {
            if (created.status() == 201) {
                tenants.recorded(tenant);
            } else {
                tenants.stop(tenant.slug());
            }
        }, tenant.slug());
    }

    synchronized Response setStatus(String key, String slug, TenantRecord.Status status) {
        String hash = DeploymentOperators.sha256(status + "\n" + slug);
        return once(status.name().toLowerCase(java.util.Locale.ROOT) + ":" + key, hash, () -> {
            Response missing = missingOrClosed(slug);
            if (missing != null) {
                return missing;
            }
            String movedTo = directory.bySlug(slug).movedTo();
            if (movedTo != null && status == TenantRecord.Status.ACTIVE) {
                return moved(slug, movedTo);
            }
            // Conditional: a tenant closed (or moved out) meanwhile stays so (never started again).
            return directory.setStatus(slug, status) ? new Response(200, JSON.writeValueAsString(view(directory.bySlug(slug))))
                    : closed(slug);
        }, changed -> apply(changed, slug, status));
    }

    /** A new display name ({@code {"name": "…"}}); the slug, its paths and its schema stay. */
    synchronized Response rename(String key, String slug, byte[] body) {
        String name;
        try {
            name = TenantEditBody.name(body);
        } catch (InvalidFieldException e) {
            return invalid(e);
        }
        String hash = DeploymentOperators.sha256("rename\n" + slug + "\n" + name);
        return once("rename:" + key, hash, () -> {
            Response missing = missingOrClosed(slug);
            if (missing != null) {
                return missing;
            }
            return directory.rename(slug, name) ? new Response(200, JSON.writeValueAsString(view(directory.bySlug(slug))))
                    : closed(slug);
        }, renamed -> { });
    }

    /**
     * Closes a suspended tenant for good ({@code {"confirm": "<slug>"}}): it never starts again, its paths answer
     * 410, its schema and its money records are kept for a deliberate export or drop (docs/tenants.md).
     */
    synchronized Response close(String key, String slug, byte[] body) {
        try {
            TenantEditBody.confirmClosing(body, slug);
        } catch (InvalidFieldException e) {
            return invalid(e);
        }
        String hash = DeploymentOperators.sha256("close\n" + slug);
        return once("close:" + key, hash, () -> {
            Response missing = missingOrClosed(slug);
            if (missing != null) {
                return missing;
            }
            // One conditional write: only a tenant that is suspended at this instant is closed.
            if (!directory.close(slug)) {
                return Problems.conflict("status", "only a suspended tenant can be closed; suspend " + slug + " first");
            }
            return new Response(200, JSON.writeValueAsString(view(directory.bySlug(slug))));
        }, done -> apply(done, slug, TenantRecord.Status.CLOSED));
    }

    private void apply(Response changed, String slug, TenantRecord.Status status) {
        if (changed.status() == 200) {
            try {
                tenants.setStatus(slug, status);
            } catch (ServletException | RuntimeException e) {
                LOG.error("tenant {} could not be {}", slug, status, e);
            }
        }
    }

    private Response missingOrClosed(String slug) {
        TenantRecord tenant = directory.bySlug(slug);
        if (tenant == null) {
            return Problems.problem(404, "Not found", "slug", "no tenant " + slug);
        }
        return tenant.status() == TenantRecord.Status.CLOSED ? closed(slug) : null;
    }

    static Response moved(String slug, String target) {
        return Problems.conflict("status", "the tenant " + slug + " was moved to " + target + "; it is not resumed here");
    }

    private static Response closed(String slug) {
        return Problems.problem(410, "Gone", "slug", "the tenant " + slug + " is closed");
    }

    static Response invalid(InvalidFieldException e) {
        return Problems.badRequest(e.field(), e.field() == null ? e.getMessage()
                : "field \"" + e.field() + "\": " + e.getMessage());
    }

    String list() {
        ArrayNode list = JSON.createArrayNode();
        for (TenantRecord tenant : directory.all()) {
            // Whether its context runs now: false for a suspended or closed one, and for one that failed to start.
            list.add(view(tenant).put("running", tenants.running(tenant.slug()) != null)
                    .put("standby", tenants.standsByHere(tenant.slug())));
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("tenants", list);
        return JSON.writeValueAsString(body);
    }

    /**
     * Answers a known key from its record; else runs {@code change} and records its answer in one transaction, then
     * runs {@code after} with the answer (outside it: a context is started or stopped only for a committed change).
     */
    Response once(String key, String hash, Supplier<Response> change, java.util.function.Consumer<Response> after) {
        return once(key, hash, change, after, null);
    }

    /** {@code slug}: the slug a creation records, named in the 409 when another node recorded it first; else null. */
    Response once(String key, String hash, Supplier<Response> change, java.util.function.Consumer<Response> after,
            String slug) {
        Response known = replay(key, hash);
        if (known != null) {
            return known;
        }
        Response answer;
        try {
            answer = transaction.execute(status -> {
                Response result = change.get();
                jdbc.update("INSERT INTO deployment_requests (idem_key, request_hash, status, response, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", key, hash, result.status(), result.body(), Timestamp.from(clock.instant()));
                return result;
            });
        } catch (DuplicateKeyException e) {
            answer = lost(key, hash, slug);
        }
        after.accept(answer);
        return answer;
    }

    /**
     * The answer of a change that lost a race on a unique key: the first answer under its Idempotency-Key if another
     * request with the same key won; else, for a creation whose slug another node recorded meanwhile, a 409 that names
     * the slug (not the key, which nobody else used).
     */
    private Response lost(String key, String hash, String slug) {
        Response first = replay(key, hash);
        if (first != null) {
            return first;
        }
        if (slug != null && directory.bySlug(slug) != null) {
            return Problems.conflict("slug", "field \"slug\": is taken by another tenant");
        }
        return Problems.conflict("Idempotency-Key", "this key is in use");
    }

    Response replay(String key, String hash) {
        List<Response> found = jdbc.query("SELECT request_hash, status, response FROM deployment_requests WHERE idem_key = ?",
                (rs, i) -> rs.getString(1).equals(hash) ? new Response(rs.getInt(2), rs.getString(3))
                        : Problems.conflict("Idempotency-Key", "this key was used with a different request body"),
                key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** {@code tenant_<slug>} beside the default tenant's {@code public}; {@code <schema>_t_<slug>} beside any other. */
    String schemaFor(String slug) {
        String root = directory.currentSchema();
        return root == null || root.equalsIgnoreCase("public") ? "tenant_" + slug : root + "_t_" + slug;
    }

    static ObjectNode view(TenantRecord tenant) {
        ObjectNode node = JSON.createObjectNode();
        node.put("slug", tenant.slug());
        node.put("name", tenant.name());
        node.put("plan", tenant.planSource());
        node.put("status", tenant.status().name());
        node.put("schema", tenant.schema());
        node.put("createdAt", tenant.createdAt().atZone(ZONE).toOffsetDateTime().toString());
        node.put("journal", tenant.journal() == null ? "SERVER" : tenant.journal().name());
        if (tenant.movedTo() != null) {
            node.put("movedTo", tenant.movedTo());
        }
        node.put("api", TenantRouting.PREFIX + tenant.slug() + "/api/v1");
        node.put("console", TenantRouting.PREFIX + tenant.slug() + "/console");
        return node;
    }
}
