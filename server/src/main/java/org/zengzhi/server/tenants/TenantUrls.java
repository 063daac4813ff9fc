package org.zengzhi.server.tenants;

/**
 * The JDBC URL of a tenant's schema, from the root context's URL: the same database, another schema (H2's
 * {@code SCHEMA=} setting, PostgreSQL's {@code currentSchema} parameter). Other databases are refused.
 */
final class TenantUrls {
    private TenantUrls() {
    }

    static String forSchema(String rootUrl, String schema) {
        if (rootUrl.startsWith("jdbc:h2:")) {
            return rootUrl.replaceAll("(?i);SCHEMA=[^;]*", "") + ";SCHEMA=" + schema;
        }
        if (rootUrl.startsWith("jdbc:postgresql:")) {
            String url = rootUrl.replaceAll("(?i)([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }
        throw new IllegalStateException("tenants need H2 or PostgreSQL; spring.datasource.url is " + rootUrl);
    }
}
