package org.zengzhi.server.tenants;

import java.util.Set;
import java.util.regex.Pattern;

import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;

import tools.jackson.databind.JsonNode;

/**
 * The bodies of a tenant's move (docs/cluster.md, "Moving a tenant of the server nodes"): the import onto the Kafka
 * journal ({@code {"stateHash": "…"}}, optional), the seal on the source ({@code {"target": "…"}}) and the adoption of
 * a copied schema on the target ({@code {"slug": "…", "name": "…", "schema": "…"}}, the schema optional).
 */
final class TenantMoveBody {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{16,128}");
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    static final int TARGET_MAX = 300;

    /** An adoption: the new row's slug and name, and the schema to adopt (null: the one this server names). */
    record Adopt(String slug, String name, String schema) {
    }

    private TenantMoveBody() {
    }

    /** The state hash the import must find, or null when none is given. */
    static String expectedHash(byte[] body) throws InvalidFieldException {
        JsonNode tree = JsonBody.object(body, Set.of("stateHash"), "an import");
        if (!tree.has("stateHash") || tree.get("stateHash").isNull()) {
            return null;
        }
        String hash = TenantRequestBody.text(tree, "stateHash");
        if (!HASH.matcher(hash).matches()) {
            throw new InvalidFieldException("stateHash", "must be a state hash in lower-case hexadecimal, as the seal "
                    + "answered it");
        }
        return hash;
    }

    /** Where the sealed tenant goes: a name or URL of the target deployment, 1 to 300 characters. */
    static String target(byte[] body) throws InvalidFieldException {
        String target = TenantRequestBody.text(JsonBody.object(body, Set.of("target"), "a seal"), "target").strip();
        if (target.isEmpty() || target.length() > TARGET_MAX || target.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("target", "must have 1 to " + TARGET_MAX + " characters");
        }
        return target;
    }

    static Adopt adopt(byte[] body) throws InvalidFieldException {
        JsonNode tree = JsonBody.object(body, Set.of("slug", "name", "schema"), "an adoption");
        String slug = TenantRequestBody.slug(tree);
        String name = TenantRequestBody.name(tree);
        String schema = null;
        if (tree.has("schema") && !tree.get("schema").isNull()) {
            schema = TenantRequestBody.text(tree, "schema");
            if (!SCHEMA.matcher(schema).matches()) {
                throw new InvalidFieldException("schema", "must be a schema's name: a lower-case letter, then up to 62 "
                        + "lower-case letters, digits and underscores");
            }
        }
        return new Adopt(slug, name, schema);
    }
}
