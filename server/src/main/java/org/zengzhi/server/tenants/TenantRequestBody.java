package org.zengzhi.server.tenants;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.account.PasswordPolicy;
import org.zengzhi.server.localize.PlanTime;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;

import tools.jackson.databind.JsonNode;

/**
 * A request to create a tenant, checked field by field: {@code slug} (2 to 32 lower-case letters and digits,
 * starting with a letter; it is the path {@code /t/{slug}/} and part of the schema's name), {@code name},
 * {@code plan} (a preset's name such as {@code green-points.yaml}, or a whole plan as YAML text) and optionally
 * {@code operatorPassword} (the tenant's first operator; without it a random one is printed once to the log).
 */
record TenantRequestBody(String slug, String name, String planSource, String planYaml, String operatorPassword) {
    private static final Set<String> FIELDS = Set.of("slug", "name", "plan", "operatorPassword");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]{1,31}");
    private static final Pattern PRESET = Pattern.compile("[a-z0-9][a-z0-9-]{0,90}\\.yaml");
    static final int NAME_MAX = 100;

    static TenantRequestBody parse(byte[] body) throws InvalidFieldException {
        JsonNode tree = JsonBody.object(body, FIELDS, "a tenant");
        String slug = slug(tree);
        String name = name(tree);
        String plan = text(tree, "plan");
        String source = plan.contains("\n") ? "yaml" : plan;
        String yaml = plan.contains("\n") ? plan : preset(plan);
        if (yaml.contains("${")) {
            throw new InvalidFieldException("plan", "must not contain property placeholders");
        }
        PlanCheck check = PlanFiles.checkText(yaml);
        if (!check.valid()) {
            throw new InvalidFieldException("plan", "is not a valid plan: " + check.text().strip());
        }
        ZoneId zone = PlanTime.zoneOf(check.plan());
        if (!zone.equals(PlanTime.zone())) {
            // Times are formatted in one zone per server (PlanTime); the engine's calendar would follow the plan.
            throw new InvalidFieldException("plan", "has the time zone " + zone.getId()
                    + ", but this server shows the times of every tenant in " + PlanTime.zone().getId());
        }
        String password = null;
        if (tree.has("operatorPassword")) {
            password = text(tree, "operatorPassword");
            String refusal = PasswordPolicy.standard().refusal("operator", password);
            if (refusal != null) {
                throw new InvalidFieldException("operatorPassword", refusal);
            }
        }
        return new TenantRequestBody(slug, name, source, yaml, password);
    }

    /** The slug: 2 to 32 lower-case letters and digits, starting with a letter, not {@code default}. */
    static String slug(JsonNode tree) throws InvalidFieldException {
        String slug = text(tree, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidFieldException("slug", "must be 2 to 32 lower-case letters and digits, starting with a letter");
        }
        if (slug.equals("default")) {
            throw new InvalidFieldException("slug", "is reserved for the default tenant");
        }
        return slug;
    }

    /** The display name: 1 to {@value #NAME_MAX} characters once stripped (shared with a rename). */
    static String name(JsonNode tree) throws InvalidFieldException {
        String name = text(tree, "name").strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            throw new InvalidFieldException("name", "must have 1 to " + NAME_MAX + " characters");
        }
        return name;
    }

    static String text(JsonNode tree, String field) throws InvalidFieldException {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidFieldException(field, "is required");
        }
        if (!node.isString()) {
            throw new InvalidFieldException(field, "must be a string");
        }
        return node.asString();
    }

    private static String preset(String name) throws InvalidFieldException {
        if (!PRESET.matcher(name).matches()) {
            throw new InvalidFieldException("plan", "must be a preset's name (such as local-life.yaml) or a plan's YAML text");
        }
        try (InputStream in = TenantRequestBody.class.getResourceAsStream("/plans/" + name)) {
            if (in == null) {
                throw new InvalidFieldException("plan", "no preset named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidFieldException("plan", "no preset named " + name);
        }
    }
}
