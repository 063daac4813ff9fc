package org.zengzhi.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;
import org.zengzhi.server.journal.kafka.KafkaJournal;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21 deliver 5 (docs/cluster.md, "Moving a tenant of the server nodes"): a tenant of the HTTP server moves onto
 * the Kafka journal — in place, from the single-node SQL journal, and between two clusters (two KRaft clusters
 * in-process from Kafka's own test kit, two PostgreSQL databases, the schema copied with pg_dump). The state hash is
 * the same before and after, new payments go to Kafka, a restart recovers everything, nothing is applied twice, an
 * old Idempotency-Key is answered with its first result; the import refuses a running tenant and a wrong hash and,
 * done twice, answers the first import; the source of a move refuses to resume the tenant.
 */
class TenantJournalMoveIT {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PASSWORD = "operator-move-password";
    private static KafkaClusterTestKit kafkaA;
    private static KafkaClusterTestKit kafkaB;

    @BeforeAll
    static void brokers() throws Exception {
        kafkaA = broker();
        kafkaB = broker();
    }

    @AfterAll
    static void stopBrokers() throws Exception {
        kafkaA.close();
        kafkaB.close();
    }

    private static KafkaClusterTestKit broker() throws Exception {
        KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
                .setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("offsets.topic.replication.factor", "1")
                .build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        return kafka;
    }

    /** The server's properties: its database, the deployment password, and (unless null) the Kafka journal's brokers. */
    private static ServerHarness start(String[] database, KafkaClusterTestKit kafka) throws Exception {
        List<String> all = new ArrayList<>(List.of(database));
        all.add("zengzhi.deployment-password=" + TenantsTests.DEPLOYMENT_PASSWORD);
        if (kafka != null) {
            all.addAll(List.of("zengzhi.cluster.journal-servers=" + kafka.bootstrapServers(),
                    "zengzhi.cluster.journal-partitions=3", "zengzhi.cluster.replicas=1",
                    "zengzhi.cluster.min-insync-replicas=1"));
        }
        return new ServerHarness(all.toArray(new String[0]));
    }

    @Test
    void aTenantOnTheSqlJournalIsSwitchedToKafkaInPlace() throws Exception {
        String[] database = TestDatabases.freshPostgresSchema();
        String before;
        JsonNode firstPayment;
        try (ServerHarness server = start(database, null)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = TenantsTests.deploymentToken(root);
            ServerHarness.Reply created = TenantsTests.create(root, deployment, "c", "shop", "local-life.yaml", PASSWORD);
            assertThat(created.body().get("journal").asString()).as("no brokers: the SQL journal").isEqualTo("SQL");
            TenantClient shop = new TenantClient(server.origin(), "shop");
            String operator = shop.login("operator", PASSWORD);
            firstPayment = payments(shop, operator, 0, 5);
            before = TenantsTests.hash(shop, operator);
        }
        try (ServerHarness server = start(database, kafkaA)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = TenantsTests.deploymentToken(root);
            TenantClient shop = new TenantClient(server.origin(), "shop");
            String operator = shop.login("operator", PASSWORD);
            assertThat(TenantsTests.hash(shop, operator)).as("brokers configured: it stays on SQL").isEqualTo(before);
            assertThat(kafkaJournal(server, "shop")).isNull();

            ServerHarness.Reply running = root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka", null,
                    "running");
            assertThat(running.status()).as(running.body().toString()).isEqualTo(409);
            assertThat(running.body().get("field").asString()).isEqualTo("status");
            assertThat(running.body().get("message").asString()).isEqualTo("租户 shop 未暂停；请先暂停");
            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/suspend", null, "s1").status())
                    .isEqualTo(200);
            ServerHarness.Reply wrong = root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka",
                    "{\"stateHash\":\"" + "0".repeat(64) + "\"}", "wrong", "en");
            assertThat(wrong.status()).as(wrong.body().toString()).isEqualTo(409);
            assertThat(wrong.body().get("field").asString()).isEqualTo("stateHash");
            assertThat(wrong.body().get("message").asString()).startsWith("the schema's state hash is " + before);

            ServerHarness.Reply imported = root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka",
                    "{\"stateHash\":\"" + before + "\"}", "k1");
            assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
            assertThat(imported.body().get("stateHash").asString()).isEqualTo(before);
            assertThat(imported.body().get("lastSeq").asLong()).isPositive();
            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka", "{\"stateHash\":\""
                    + before + "\"}", "k1").body()).as("a retry gets the first answer").isEqualTo(imported.body());
            ServerHarness.Reply twice = root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka", null, "k2");
            assertThat(twice.status()).isEqualTo(200);
            assertThat(twice.body()).as("imported twice: a no-op with the same answer").isEqualTo(imported.body());

            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/resume", null, "r1").status())
                    .isEqualTo(200);
            operator = shop.login("operator", PASSWORD);
            assertThat(TenantsTests.hash(shop, operator)).as("the same state on Kafka").isEqualTo(before);
            assertThat(kafkaJournal(server, "shop")).as("resumed on the Kafka journal").isNotNull();
            assertThat(payOnce(shop, operator, 0)).as("an old key gets its first answer").isEqualTo(firstPayment);
            payments(shop, operator, 5, 10);
            assertReplayEqualsTheTenant(server, shop, operator, 10);
        }
        try (ServerHarness server = start(database, kafkaA)) {
            TenantClient shop = new TenantClient(server.origin(), "shop");
            String operator = shop.login("operator", PASSWORD);
            assertThat(kafkaJournal(server, "shop")).as("the choice is kept across a restart").isNotNull();
            assertReplayEqualsTheTenant(server, shop, operator, 10);
            assertThat(payOnce(shop, operator, 0)).isEqualTo(firstPayment);
            payments(shop, operator, 10, 12);
            assertReplayEqualsTheTenant(server, shop, operator, 12);
        }
    }

    @Test
    void aTenantMovesBetweenTwoClusters() throws Exception {
        String[] source = TestDatabases.freshPostgresSchema();
        String[] target = freshDatabase();
        String sourceSchema = schemaOf(source) + "_t_shop";
        String hash;
        JsonNode firstPayment;
        JsonNode sealed;
        try (ServerHarness server = start(source, kafkaA)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = TenantsTests.deploymentToken(root);
            ServerHarness.Reply created = TenantsTests.create(root, deployment, "c", "shop", "local-life.yaml", PASSWORD);
            assertThat(created.body().get("journal").asString()).isEqualTo("KAFKA");
            TenantClient shop = new TenantClient(server.origin(), "shop");
            String operator = shop.login("operator", PASSWORD);
            firstPayment = payments(shop, operator, 0, 8);
            hash = TenantsTests.hash(shop, operator);
            assertThat(kafkaJournal(server, "shop")).isNotNull();

            ServerHarness.Reply running = root.send(deployment, "POST", "/deployment/tenants/shop/seal",
                    "{\"target\":\"cluster-b\"}", "seal-running");
            assertThat(running.status()).isEqualTo(409);
            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/suspend", null, "s1").status())
                    .isEqualTo(200);
            ServerHarness.Reply seal = root.send(deployment, "POST", "/deployment/tenants/shop/seal",
                    "{\"target\":\"cluster-b\"}", "seal");
            assertThat(seal.status()).as(seal.body().toString()).isEqualTo(200);
            sealed = seal.body();
            assertThat(sealed.get("stateHash").asString()).isEqualTo(hash);
            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/seal", "{\"target\":\"cluster-b\"}",
                    "seal-again").body()).as("sealed twice: the first seal").isEqualTo(sealed);
            ServerHarness.Reply resumed = root.send(deployment, "POST", "/deployment/tenants/shop/resume", null, "r1");
            assertThat(resumed.status()).as("the source never resumes it").isEqualTo(409);
            assertThat(resumed.body().get("message").asString()).isEqualTo("租户 shop 已迁移到 cluster-b，不能在此恢复");
            assertThat(shop.send(operator, "POST", "/commands", pay(99), "late").status())
                    .as("a command after the move is refused on the source").isEqualTo(503);
            assertThat(new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    POSTGRES + "test", "postgres", "")).queryForObject("SELECT sealed_for FROM " + sourceSchema
                    + ".kafka_log_position", String.class)).isEqualTo("cluster-b");
        }

        copySchema(sourceSchema, "test", databaseOf(target));

        try (ServerHarness server = start(target, kafkaB)) {
            TenantClient root = new TenantClient(server.origin(), null);
            String deployment = TenantsTests.deploymentToken(root);
            ServerHarness.Reply adopted = root.send(deployment, "POST", "/deployment/tenants/adopt", "{\"slug\":\"shop\","
                    + "\"name\":\"平台 shop\",\"schema\":\"" + sourceSchema + "\"}", "adopt");
            assertThat(adopted.status()).as(adopted.body().toString()).isEqualTo(201);
            assertThat(adopted.body().get("status").asString()).isEqualTo("SUSPENDED");
            ServerHarness.Reply wrong = root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka",
                    "{\"stateHash\":\"" + "a".repeat(64) + "\"}", "wrong");
            assertThat(wrong.status()).as(wrong.body().toString()).isEqualTo(409);
            assertThat(wrong.body().get("field").asString()).isEqualTo("stateHash");
            ServerHarness.Reply imported = root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka",
                    "{\"stateHash\":\"" + hash + "\"}", "import");
            assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
            assertThat(imported.body().get("lastSeq").asLong()).isEqualTo(sealed.get("lastSeq").asLong());
            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/journal/kafka", null, "import-again")
                    .body()).isEqualTo(imported.body());
            assertThat(root.send(deployment, "POST", "/deployment/tenants/shop/resume", null, "r1").status())
                    .isEqualTo(200);

            TenantClient shop = new TenantClient(server.origin(), "shop");
            String operator = shop.login("operator", PASSWORD);
            assertThat(TenantsTests.hash(shop, operator)).as("the same state on the target").isEqualTo(hash);
            assertThat(payOnce(shop, operator, 0)).as("an old key gets its first answer").isEqualTo(firstPayment);
            payments(shop, operator, 8, 12);
            assertReplayEqualsTheTenant(server, shop, operator, 12);
        }
        try (ServerHarness server = start(source, kafkaA)) {
            TenantClient shop = new TenantClient(server.origin(), "shop");
            assertThat(kafkaJournal(server, "shop")).as("the source does not start it again").isNull();
            assertThat(shop.send(null, "POST", "/auth/login", "{\"username\":\"operator\",\"password\":\"" + PASSWORD
                    + "\"}", null).status()).isEqualTo(503);
        }
    }

    /** Payments o{from}..o{to - 1} of consumer ann at store shop (the first call also makes the store); o0's answer. */
    private static JsonNode payments(TenantClient tenant, String operator, int from, int to) throws Exception {
        if (from == 0) {
            assertThat(tenant.send(operator, "POST", "/commands", "{\"type\":\"merchant\",\"merchant\":\"shop\","
                    + "\"owner\":\"lee\",\"region\":\"440106\"}", "m").status()).isEqualTo(200);
        }
        JsonNode first = null;
        for (int i = from; i < to; i++) {
            JsonNode answer = payOnce(tenant, operator, i);
            first = first == null ? answer : first;
        }
        return first;
    }

    private static JsonNode payOnce(TenantClient tenant, String operator, int i) throws Exception {
        ServerHarness.Reply reply = tenant.send(operator, "POST", "/commands", pay(i), "pay-" + i);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static String pay(int i) {
        return "{\"type\":\"pay\",\"id\":\"o" + i + "\",\"user\":\"ann\",\"merchant\":\"shop\",\"amount\":\""
                + (100 + i) + ".00\",\"channel\":\"store\"}";
    }

    private static KafkaJournal kafkaJournal(ServerHarness server, String slug) {
        ApplicationContext context = server.bean(Tenants.class).context(slug);
        return context == null ? null : context.getBeanProvider(KafkaJournal.class).getIfAvailable();
    }

    /**
     * Each payment o0..o{count - 1} once in the tenant's journal, and its state hash equals a fresh engine fed the log
     * the Kafka journal reads back (SQL up to the import, the tenant's records in the partition after it).
     */
    private static void assertReplayEqualsTheTenant(ServerHarness server, TenantClient tenant, String operator,
            int count) throws Exception {
        ApplicationContext context = server.bean(Tenants.class).context("shop");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (int i = 0; i < count; i++) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_id = ?", Long.class, "o" + i))
                    .as("payment o" + i + " once").isEqualTo(1);
        }
        Engine engine = new Engine(context.getBean(Plan.class), RegionDirectory.STANDARD);
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        long[] last = {0};
        context.getBean(KafkaJournal.class).readAfter(0, row -> {
            assertThat(row.seq()).isEqualTo(last[0] + 1);
            out.clear();
            engine.execute(lines.parse(row.seq(), row.line()), out);
            last[0] = row.seq();
        });
        assertThat(last[0]).isEqualTo(jdbc.queryForObject("SELECT MAX(seq) FROM journal", Long.class));
        assertThat(TenantsTests.hash(tenant, operator)).isEqualTo(engine.stateHash());
    }

    /** A new PostgreSQL database with one schema for the root: the other cluster's database. */
    private static String[] freshDatabase() throws Exception {
        String name = "move_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection connection = DriverManager.getConnection(POSTGRES + "test", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES + name, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA target_root");
        }
        return new String[] {"spring.profiles.active=postgres", "spring.datasource.url=" + POSTGRES + name
            + "?currentSchema=target_root", "spring.datasource.username=postgres", "spring.flyway.schemas=target_root",
            TestDatabases.SANDBOX_ENABLED};
    }

    private static String schemaOf(String[] database) {
        for (String property : database) {
            if (property.startsWith("spring.flyway.schemas=")) {
                return property.substring("spring.flyway.schemas=".length());
            }
        }
        throw new IllegalArgumentException("no schema");
    }

    private static String databaseOf(String[] database) {
        for (String property : database) {
            if (property.startsWith("spring.datasource.url=")) {
                String url = property.substring("spring.datasource.url=".length());
                return url.substring(POSTGRES.length(), url.indexOf('?'));
            }
        }
        throw new IllegalArgumentException("no database");
    }

    /** The operator's step, exactly as docs/cluster.md writes it: pg_dump of the schema into the target database. */
    private static void copySchema(String schema, String from, String to) throws Exception {
        Process copy = new ProcessBuilder("bash", "-c", "set -o pipefail; pg_dump -h 127.0.0.1 -U postgres --schema="
                + schema + " " + from + " | psql -h 127.0.0.1 -U postgres -q -v ON_ERROR_STOP=1 -d " + to)
                .redirectErrorStream(true).start();
        String output = new String(copy.getInputStream().readAllBytes());
        assertThat(copy.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(copy.exitValue()).as(output).isZero();
    }
}
