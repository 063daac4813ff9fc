package org.zengzhi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;

/**
 * The tenant's plan: on the first start it is created from a preset ({@code zengzhi.plan}: a name under
 * {@code plans/} or a file path) and stored with the tenant; later starts use the stored plan, so the
 * journal always replays under the rules it was written with.
 */
final class TenantPlan {
    private TenantPlan() {
    }

    static Plan load(JdbcTemplate jdbc, String configured) {
        List<String> stored = jdbc.queryForList("SELECT plan_yaml FROM tenant WHERE id = 1", String.class);
        String yaml = stored.isEmpty() ? read(configured) : stored.get(0);
        PlanCheck check = PlanFiles.checkText(yaml);
        if (!check.valid()) {
            throw new IllegalStateException("the tenant's plan is invalid:\n" + check.text());
        }
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO tenant (id, name, plan_yaml, created_at) VALUES (1, ?, ?, ?)", check.plan().name(),
                    yaml, Timestamp.from(Instant.now()));
        }
        return check.plan();
    }

    private static String read(String configured) {
        // A tenant of the deployment gets its plan as text (docs/tenants.md): a preset name or path has no line break.
        if (configured.contains("\n")) {
            return configured;
        }
        try {
            Path file = Path.of(configured);
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream preset = TenantPlan.class.getResourceAsStream("/plans/" + configured)) {
                if (preset == null) {
                    throw new IllegalStateException("zengzhi.plan: no plan file or preset named " + configured);
                }
                return new String(preset.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("zengzhi.plan: cannot read " + configured, e);
        }
    }
}
