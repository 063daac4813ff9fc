package org.zengzhi.server.tenants;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.server.account.PasswordPolicy;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.LocalServer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code serve --demo} (issue 21 deliver 1, "--demo may create two in different models"): beside the default
 * tenant's demo, a second tenant {@code /t/<slug>/} in another model — the green-points plan beside a local-life
 * (or any other) default, local life beside a green-points default — filled with its own demo economy by its own
 * context (its {@code zengzhi.demo} is on, see {@link TenantContexts}). Created once, through the same call as the
 * deployment operator's (its Idempotency-Key {@code demo:<slug>}), and started again like every tenant afterwards.
 * Only when {@code zengzhi.demo.second-tenant} names its slug: {@code bin/zengzhi serve --demo} sets it, the tests'
 * demos leave it off.
 */
final class DemoTenant {
    private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String slug;
    private final String demoPassword;
    private final TenantDirectory directory;
    private final TenantChanges changes;
    private final EngineGateway defaultTenant;
    private final LocalServer server;

    DemoTenant(String slug, String demoPassword, TenantDirectory directory, TenantChanges changes,
            EngineGateway defaultTenant, LocalServer server) {
        this.slug = slug;
        this.demoPassword = demoPassword;
        this.directory = directory;
        this.changes = changes;
        this.defaultTenant = defaultTenant;
        this.server = server;
    }

    /** Creates the second demo tenant unless it exists (a later start has started it with the others already). */
    void ensure() {
        String url = server.baseUrl() + TenantRouting.PREFIX + slug + "/";
        if (directory.bySlug(slug) != null) {
            LOG.info("demo: the second platform runs at {} (console {}console)", url, url);
            return;
        }
        boolean green = defaultTenant.query(engine -> engine.plan().greenPoints() != null).join();
        String plan = green ? "local-life.yaml" : "green-points.yaml";
        String password = operatorPassword();
        ObjectNode body = JSON.createObjectNode();
        body.put("slug", slug);
        body.put("name", green ? "本地生活演示平台" : "绿色积分演示平台");
        body.put("plan", plan);
        body.put("operatorPassword", password);
        Response created = changes.create("demo:" + slug, JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        if (created.status() != 201) {
            LOG.error("demo: the second platform {} was not created: {}", slug, created.body());
            return;
        }
        LOG.warn("demo: a second platform on {} at {} — console {}console, sign in as 'operator' with {}; its demo "
                + "logins are listed on {}login", plan, url, url, password.equals(demoPassword)
                        ? "the demo password (zengzhi.demo-password)" : password + " (shown once)", url);
    }

    /** The demo password when it is set and strong enough for an operator; else a random one, printed once. */
    private String operatorPassword() {
        if (!demoPassword.isEmpty() && PasswordPolicy.standard().refusal("operator", demoPassword) == null) {
            return demoPassword;
        }
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return "op-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the tenant {@code slug} is the demo's second one (its context then runs the demo too). */
    static boolean isDemo(org.springframework.core.env.Environment root, String slug) {
        return root.getProperty("zengzhi.demo", Boolean.class, false)
                && slug.equals(root.getProperty("zengzhi.demo.second-tenant", ""));
    }
}
