package org.zengzhi.server.tenants.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ZengzhiServer;
import org.zengzhi.server.tenants.Tenants;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Server nodes in cluster mode for the owners' ITs: start one, read who serves what, wait for the cluster. */
final class OwnerNodes {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DEPLOYMENT_PASSWORD = "deployment-test-password";

    private OwnerNodes() {
    }

    record Node(ConfigurableApplicationContext context, String url) implements AutoCloseable {
        Tenants tenants() {
            return context.getBean(Tenants.class);
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /**
     * A server node in cluster mode on a free port, its group and topics named {@code prefix-run}, its tenants'
     * command logs on the same broker (one broker, so one replica), with any {@code more} options.
     */
    static Node node(String[] database, OwnersBroker broker, String prefix, String run, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--zengzhi.tick-interval=PT1H",
                "--zengzhi.deployment-password=" + DEPLOYMENT_PASSWORD,
                "--zengzhi.cluster.bootstrap-servers=" + broker.bootstrap(), "--zengzhi.cluster.group=" + prefix + "-" + run,
                "--zengzhi.cluster.tenants-topic=" + prefix + "-" + run, "--zengzhi.cluster.session-timeout=PT3S",
                "--zengzhi.cluster.journal-topic=" + prefix + "-journal-" + run, "--zengzhi.cluster.replicas=1",
                "--zengzhi.cluster.min-insync-replicas=1"));
        args.addAll(List.of(more));
        for (String property : database) {
            args.add("--" + property);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ZengzhiServer.class)
                .run(args.toArray(new String[0]));
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Node(context, "http://127.0.0.1:" + port);
    }

    /** The tenant runs on exactly one of the two nodes, and the owner rows name that one. */
    static boolean servedOnce(String slug, Node a, Node b) {
        boolean onA = a.tenants().runsHere(slug);
        boolean onB = b.tenants().runsHere(slug);
        String recorded = owners(a).get(slug);
        return onA != onB && recorded != null && recorded.equals(onA ? a.url() : b.url());
    }

    static Map<String, String> owners(Node node) {
        Map<String, String> owners = new HashMap<>();
        node.context().getBean(JdbcTemplate.class).query("SELECT slug, node_url FROM deployment_tenant_owner",
                rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                });
        return owners;
    }

    /** The tenant's state hash from its operator check, which must answer 200 with the invariants holding. */
    static String hash(HttpResponse<String> check) {
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(check.body());
        assertThat(body.get("invariantsHold").asBoolean()).isTrue();
        return body.get("stateHash").asString();
    }

    static String token(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).get("token").asString();
    }

    /** Waits for a condition the cluster reaches by itself (no wall-clock figure is asserted). */
    static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached: " + what);
            }
            Thread.sleep(200);
        }
    }
}
