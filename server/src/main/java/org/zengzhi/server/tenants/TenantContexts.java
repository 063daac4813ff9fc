package org.zengzhi.server.tenants;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.metrics.ApplicationStartup;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.zengzhi.server.ZengzhiServer;
import org.zengzhi.server.journal.kafka.KafkaJournalSettings;

/**
 * Builds a tenant's application context from the server's own configuration: the same classes and properties
 * as the root context, but its own schema (its journal, read models, accounts, tokens, idempotency keys and plan
 * live there), its own connection pool, no web server of its own, no demo (but for {@code serve --demo}'s second
 * tenant, {@link DemoTenant}), and no deployment layer inside it.
 */
final class TenantContexts {
    /** The root's command-line properties a tenant must not inherit: they are the tenant's own. */
    private static final Set<String> OWN = Set.of("spring.datasource.url", "spring.flyway.schemas",
            "spring.flyway.default-schema", "zengzhi.operator-password", "zengzhi.sandbox.secret", "zengzhi.demo",
            "zengzhi.plan", "zengzhi.payments.base-url", "spring.profiles.active", "zengzhi.deployment.enabled",
            "zengzhi.cluster.bootstrap-servers", "zengzhi.cluster.journal-servers", "zengzhi.tenant.standby");

    private final ConfigurableEnvironment root;
    private final ServletContext servletContext;
    private final int poolSize;

    TenantContexts(ConfigurableEnvironment root, ServletContext servletContext, int poolSize) {
        this.root = root;
        this.servletContext = servletContext;
        this.poolSize = poolSize;
    }

    /**
     * Starts the tenant's context (Flyway migrates its schema on the first start; its journal recovers on later
     * ones). {@code operatorPassword} is used only when the schema has no operator yet; empty prints a random one.
     */
    TenantRuntime start(TenantRecord tenant, String baseUrl, String operatorPassword) throws ServletException {
        return start(tenant, baseUrl, operatorPassword, false);
    }

    /**
     * Builds the tenant's context as a standby (docs/cluster.md, "Warm standby"): everything but its engine's
     * recovery and the workers that follow it, which {@link TenantRuntime#startServing()} starts. Its connection pool keeps
     * no idle connection meanwhile.
     */
    TenantRuntime standby(TenantRecord tenant, String baseUrl) throws ServletException {
        return start(tenant, baseUrl, null, true);
    }

    private TenantRuntime start(TenantRecord tenant, String baseUrl, String operatorPassword, boolean standby)
            throws ServletException {
        Map<String, Object> properties = inherited();
        properties.put("zengzhi.deployment.enabled", "false");
        // A tenant's context is never a cluster node itself: the root's placement runs it (docs/cluster.md).
        properties.put("zengzhi.cluster.bootstrap-servers", "");
        // ...but in cluster mode it journals on Kafka (KafkaJournal), so that a new owner fences the old one.
        properties.put("zengzhi.cluster.journal-servers", journalServers(tenant));
        properties.put("zengzhi.tenant.slug", tenant.slug());
        properties.put("zengzhi.demo", Boolean.toString(DemoTenant.isDemo(root, tenant.slug())));
        properties.put("spring.datasource.url", TenantUrls.forSchema(root.getRequiredProperty("spring.datasource.url"),
                tenant.schema()));
        properties.put("spring.flyway.schemas", tenant.schema());
        properties.put("spring.datasource.hikari.maximum-pool-size", Integer.toString(poolSize));
        properties.put("spring.datasource.hikari.minimum-idle", standby ? "0" : "1");
        if (standby) {
            // Hikari's shortest: what the standby's start opened is closed 10 s later.
            properties.put("spring.datasource.hikari.idle-timeout", "10000");
        }
        properties.put("zengzhi.tenant.standby", Boolean.toString(standby));
        properties.put("spring.datasource.hikari.pool-name", "tenant-" + tenant.slug());
        properties.put("zengzhi.plan", tenant.planYaml());
        properties.put("zengzhi.operator-password", operatorPassword == null ? "" : operatorPassword);
        properties.put("zengzhi.sandbox.secret", "");
        properties.put("zengzhi.payments.base-url", baseUrl + "/t/" + tenant.slug());
        properties.put("spring.main.banner-mode", "off");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("tenant " + tenant.slug(), properties));
        environment.setActiveProfiles(Arrays.stream(root.getActiveProfiles()).filter(p -> !p.equals("demo"))
                .toArray(String[]::new));
        ApplicationStartup startup = TenantStartTrace.startup();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ZengzhiServer.class);
        withoutLoggingSetUp(builder.application());
        ConfigurableApplicationContext context = builder
                .web(WebApplicationType.SERVLET)
                .contextFactory(ApplicationContextFactory.of(TenantWebContext::new))
                .initializers(created -> ((GenericWebApplicationContext) created).setServletContext(servletContext))
                .environment(environment)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .applicationStartup(startup)
                .run();
        TenantStartTrace.report(tenant.slug(), startup);
        try {
            return new TenantRuntime(tenant.slug(), context, servletContext);
        } catch (ServletException | RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * A tenant's context logs through the root's logging system, set up once for the process: it neither sets it up
     * again as it starts nor cleans it up as it closes. Both act on the one Logback context of the process, so with
     * tenants starting and closing at once (a take-over, standbys built beside a creation) a close cleaned up what a
     * start was setting up, and that start failed ("Unable to find Spring Environment in logger context"; found by
     * the server-node demo).
     */
    private static void withoutLoggingSetUp(SpringApplication application) {
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
    }

    /** The root's command-line properties (how the server and the tests configure it), less the tenant's own. */
    private Map<String, Object> inherited() {
        Map<String, Object> properties = new HashMap<>();
        PropertySource<?> arguments = root.getPropertySources().get("commandLineArgs");
        if (arguments instanceof EnumerablePropertySource<?> enumerable) {
            for (String name : enumerable.getPropertyNames()) {
                if (!OWN.contains(name)) {
                    properties.put(name, enumerable.getProperty(name));
                }
            }
        }
        return properties;
    }

    /**
     * The brokers a tenant journals on, by its row's choice (V150): SQL → none (but in cluster mode, where every
     * tenant journals on Kafka: its recovery then refuses a schema that was not imported); KAFKA → the server's,
     * which must have some; no choice (older rows) → the server's, as before.
     */
    private String journalServers(TenantRecord tenant) {
        String servers = journalServers();
        boolean cluster = !root.getProperty("zengzhi.cluster.bootstrap-servers", "").isBlank();
        if (tenant.journal() == TenantRecord.JournalKind.SQL && !cluster) {
            return "";
        }
        if (tenant.journal() == TenantRecord.JournalKind.KAFKA && servers.isEmpty()) {
            throw new IllegalStateException("租户 " + tenant.slug() + " 使用 Kafka 日志，但本服务器未配置 Kafka / tenant "
                    + tenant.slug() + " journals on Kafka but this server has no brokers: set "
                    + "zengzhi.cluster.journal-servers");
        }
        return servers;
    }

    /** Whether the tenant is {@code serve --demo}'s second tenant ({@link DemoTenant}). */
    boolean isDemo(String slug) {
        return DemoTenant.isDemo(root, slug);
    }

    /** The journal a new tenant gets: Kafka when the server has brokers for its tenants, else SQL. */
    TenantRecord.JournalKind newJournal() {
        return journalServers().isEmpty() ? TenantRecord.JournalKind.SQL : TenantRecord.JournalKind.KAFKA;
    }

    /** The Kafka journal settings of a tenant on this server's brokers, or null when it has none. */
    KafkaJournalSettings kafkaSettings(String slug) {
        String servers = journalServers();
        if (servers.isEmpty()) {
            return null;
        }
        return new KafkaJournalSettings(servers, root.getProperty("zengzhi.cluster.journal-topic", "zengzhi-journal"),
                root.getProperty("zengzhi.cluster.journal-partitions", Integer.class, 12),
                root.getProperty("zengzhi.cluster.replicas", Short.class, (short) 3),
                root.getProperty("zengzhi.cluster.min-insync-replicas", Integer.class, 2), slug);
    }

    /** Plain connections to a schema of the server's database (for work on a tenant's schema from the root). */
    DataSource schemaDataSource(String schema) {
        return new DriverManagerDataSource(TenantUrls.forSchema(root.getRequiredProperty("spring.datasource.url"), schema),
                root.getProperty("spring.datasource.username", ""), root.getProperty("spring.datasource.password", ""));
    }

    /** The brokers a tenant journals on: {@code journal-servers}, else in cluster mode the cluster's; empty = none. */
    String journalServers() {
        String journal = root.getProperty("zengzhi.cluster.journal-servers", "").trim();
        return journal.isEmpty() ? root.getProperty("zengzhi.cluster.bootstrap-servers", "").trim() : journal;
    }
}
