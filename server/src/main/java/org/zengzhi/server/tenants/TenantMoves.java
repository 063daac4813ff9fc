package org.zengzhi.server.tenants;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.kafka.JournalMove;
import org.zengzhi.server.journal.kafka.KafkaJournalSettings;
import org.zengzhi.server.payment.InvalidFieldException;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The deployment operator's moves of a tenant onto the Kafka journal (issue 21 deliver 5; docs/cluster.md, "Moving a
 * tenant of the server nodes"): switch a suspended tenant from the SQL journal to the server's Kafka journal in place
 * (the import), seal a suspended tenant on the source of a move between clusters, adopt a copied schema on the
 * target. Each under its Idempotency-Key (a retry gets the first answer) and serialised with the other changes of
 * tenants on this node; the work itself is {@link JournalMove}, on the tenant's schema, with the tenant's row
 * checked and changed in the same transaction.
 */
final class TenantMoves {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADOPTED = "adopted";

    private final TenantChanges changes;
    private final TenantDirectory directory;
    private final Tenants tenants;
    private final Clock clock;

    TenantMoves(TenantChanges changes, TenantDirectory directory, Tenants tenants, Clock clock) {
        this.changes = changes;
        this.directory = directory;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** {@code POST …/{slug}/journal/kafka}: the import; {@code {"stateHash": "…"}} (optional) must match. */
    Response toKafka(String key, String slug, byte[] body) {
        String expected;
        try {
            expected = TenantMoveBody.expectedHash(body);
        } catch (InvalidFieldException e) {
            return TenantChanges.invalid(e);
        }
        String hash = sha("journal-kafka\n" + slug + "\n" + expected);
        return keyed("journal-kafka:" + key, hash, () -> onSchema(slug, (tenant, move) -> {
            KafkaJournalSettings settings = tenants.contexts().kafkaSettings(slug);
            if (settings == null) {
                return noBrokers();
            }
            JournalMove.Imported imported = move.adopt(settings, plan(move, tenant), expected,
                    suspendedAndStopped(slug, jdbc -> jdbc.update("UPDATE " + root() + ".deployment_tenant SET journal = ? "
                            + "WHERE slug = ?", TenantRecord.JournalKind.KAFKA.name(), slug)));
            return new Response(200, JSON.writeValueAsString(imported(slug, imported)));
        }));
    }

    /** {@code POST …/{slug}/seal}: {@code {"target": "…"}}; the tenant is moved out and never resumed here. */
    Response seal(String key, String slug, byte[] body) {
        String target;
        try {
            target = TenantMoveBody.target(body);
        } catch (InvalidFieldException e) {
            return TenantChanges.invalid(e);
        }
        String hash = sha("seal\n" + slug + "\n" + target);
        return keyed("seal:" + key, hash, () -> onSchema(slug, (tenant, move) -> {
            KafkaJournalSettings settings = onKafka(tenant) ? tenants.contexts().kafkaSettings(slug) : null;
            if (onKafka(tenant) && settings == null) {
                return noBrokers();
            }
            JournalMove.Sealed sealed = move.seal(settings, plan(move, tenant), target, suspendedAndStopped(slug,
                    jdbc -> jdbc.update("UPDATE " + root() + ".deployment_tenant SET moved_to = ? WHERE slug = ?",
                            target, slug)));
            return new Response(200, JSON.writeValueAsString(sealed(slug, sealed)));
        }));
    }

    /**
     * {@code POST /api/v1/deployment/tenants/adopt}: records a tenant, suspended, on a schema copied here from another
     * deployment ({@code pg_dump}); its plan, operators and journal come with the schema. It is imported and resumed
     * next.
     */
    Response adopt(String key, byte[] body) {
        TenantMoveBody.Adopt request;
        try {
            request = TenantMoveBody.adopt(body);
        } catch (InvalidFieldException e) {
            return TenantChanges.invalid(e);
        }
        String hash = sha("adopt\n" + new String(body, StandardCharsets.UTF_8));
        String schema = request.schema() == null ? changes.schemaFor(request.slug()) : request.schema();
        TenantRecord[] adopted = {null};
        synchronized (changes) {
            return changes.once("adopt:" + key, hash, () -> {
                if (directory.bySlug(request.slug()) != null) {
                    return Problems.conflict("slug", "field \"slug\": is taken by another tenant");
                }
                if (directory.all().stream().anyMatch(tenant -> tenant.schema().equalsIgnoreCase(schema))) {
                    return Problems.conflict("schema", "field \"schema\": belongs to another tenant");
                }
                if (tenants.contexts().kafkaSettings(request.slug()) == null) {
                    return noBrokers();
                }
                String yaml = planOf(schema);
                if (yaml == null) {
                    return Problems.problem(404, "Not found", "schema", "field \"schema\": no schema " + schema
                            + " with a tenant's tables in this database");
                }
                adopted[0] = new TenantRecord(request.slug(), request.name(), ADOPTED, yaml, schema,
                        TenantRecord.Status.SUSPENDED, clock.instant(), TenantRecord.JournalKind.KAFKA, null);
                directory.insert(adopted[0]);
                return new Response(201, JSON.writeValueAsString(TenantChanges.view(adopted[0])));
            }, answer -> {
                if (answer.status() == 201 && adopted[0] != null) {
                    tenants.recorded(adopted[0]);
                }
            }, request.slug());
        }
    }

    /** A move's work on the tenant's schema, with its journal and plan. */
    private interface SchemaWork {
        Response run(TenantRecord tenant, JournalMove move);
    }

    private Response onSchema(String slug, SchemaWork work) {
        TenantRecord tenant = directory.bySlug(slug);
        if (tenant == null) {
            return Problems.problem(404, "Not found", "slug", "no tenant " + slug);
        }
        if (tenant.status() == TenantRecord.Status.CLOSED) {
            return Problems.problem(410, "Gone", "slug", "the tenant " + slug + " is closed");
        }
        DataSource schema = tenants.contexts().schemaDataSource(tenant.schema());
        JdbcTemplate jdbc = new JdbcTemplate(schema);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(schema));
        JournalMove move = new JournalMove(slug, ServerConfig.journal(jdbc, transaction), jdbc, transaction, Clock.tick(clock, java.time.Duration.ofNanos(1_000)));
        try {
            return work.run(tenant, move);
        } catch (JournalMove.Refused e) {
            return Problems.problem(e.status(), e.status() == 404 ? "Not found" : "Conflict", e.field(), e.getMessage());
        }
    }

    /**
     * Checked under the tenant's position lock, in the move's transaction: the tenant is suspended, not moved out,
     * and its context runs on no node (this one, or one the owner table names); then {@code change} writes its row.
     */
    private Consumer<JdbcTemplate> suspendedAndStopped(String slug, Consumer<JdbcTemplate> change) {
        return jdbc -> {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT status, moved_to FROM " + root()
                    + ".deployment_tenant WHERE slug = ? FOR UPDATE", slug);
            if (rows.isEmpty()) {
                throw new JournalMove.Refused(404, "slug", "no tenant " + slug);
            }
            Object movedTo = rows.get(0).get("moved_to");
            if (movedTo != null) {
                throw new JournalMove.Refused(409, "status", "the tenant " + slug + " was moved to " + movedTo
                        + "; it is not resumed here");
            }
            if (!TenantRecord.Status.SUSPENDED.name().equals(rows.get(0).get("status"))) {
                throw new JournalMove.Refused(409, "status", "the tenant " + slug + " is not suspended; suspend it first");
            }
            List<String> owners = jdbc.queryForList("SELECT node_url FROM " + root() + ".deployment_tenant_owner WHERE "
                    + "slug = ?", String.class, slug);
            if (tenants.runsHere(slug) || !owners.isEmpty()) {
                throw new JournalMove.Refused(409, "status", "the tenant " + slug + " still runs on "
                        + (owners.isEmpty() ? "this node" : owners.get(0)) + "; wait until it has stopped");
            }
            change.accept(jdbc);
        };
    }

    private Response keyed(String recordKey, String hash, Supplier<Response> change) {
        synchronized (changes) {
            return changes.once(recordKey, hash, change, answer -> { });
        }
    }

    private static boolean onKafka(TenantRecord tenant) {
        return tenant.journal() != TenantRecord.JournalKind.SQL;
    }

    private static Plan plan(JournalMove move, TenantRecord tenant) {
        PlanCheck check = PlanFiles.checkText(tenant.planYaml());
        if (!check.valid()) {
            throw new JournalMove.Refused(409, "plan", "the tenant's plan is invalid: " + check.text().strip());
        }
        return check.plan();
    }

    /** The plan stored in a schema's {@code tenant} table, or null when it has no such table or row. */
    private String planOf(String schema) {
        JdbcTemplate jdbc = new JdbcTemplate(tenants.contexts().schemaDataSource(schema));
        try {
            List<String> found = jdbc.queryForList("SELECT plan_yaml FROM tenant WHERE id = 1", String.class);
            jdbc.queryForObject("SELECT COUNT(*) FROM kafka_log_position", Long.class);
            return found.isEmpty() ? null : found.get(0);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String root() {
        return directory.currentSchema();
    }

    private static Response noBrokers() {
        return Problems.conflict("journal", "this server has no Kafka brokers for its tenants: set "
                + "zengzhi.cluster.journal-servers");
    }

    private static ObjectNode imported(String slug, JournalMove.Imported imported) {
        ObjectNode node = JSON.createObjectNode();
        node.put("slug", slug);
        node.put("journal", TenantRecord.JournalKind.KAFKA.name());
        node.put("lastSeq", imported.seq());
        node.put("stateHash", imported.stateHash());
        ObjectNode kafka = node.putObject("kafka");
        kafka.put("clusterId", imported.clusterId());
        kafka.put("topic", imported.topic());
        kafka.put("partition", imported.partition());
        kafka.put("offset", imported.offset());
        node.put("importedAt", shown(imported.at()));
        return node;
    }

    private static ObjectNode sealed(String slug, JournalMove.Sealed sealed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("slug", slug);
        node.put("movedTo", sealed.target());
        node.put("lastSeq", sealed.seq());
        node.put("stateHash", sealed.stateHash());
        node.put("sealedAt", shown(sealed.at()));
        return node;
    }

    private static String shown(Instant at) {
        return at.atZone(TenantChanges.ZONE).toOffsetDateTime().toString();
    }

    private static String sha(String text) {
        return DeploymentOperators.sha256(text);
    }
}
