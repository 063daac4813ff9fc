package org.zengzhi.server.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A tenant's JDBC URL is the root's with only the schema changed; servlet URL patterns match as a container's. */
class TenantUrlsTest {
    @Test
    void h2GetsItsSchemaSettingReplacedOrAdded() {
        String root = "jdbc:h2:file:./data/zengzhi;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0";
        assertThat(TenantUrls.forSchema(root, "tenant_a")).isEqualTo(root + ";SCHEMA=tenant_a");
        assertThat(TenantUrls.forSchema(root + ";SCHEMA=other", "tenant_a")).isEqualTo(root + ";SCHEMA=tenant_a");
    }

    @Test
    void postgresGetsItsCurrentSchemaReplacedOrAdded() {
        assertThat(TenantUrls.forSchema("jdbc:postgresql://h:5432/db", "tenant_a"))
                .isEqualTo("jdbc:postgresql://h:5432/db?currentSchema=tenant_a");
        assertThat(TenantUrls.forSchema("jdbc:postgresql://h:5432/db?currentSchema=it_1", "it_1_t_a"))
                .isEqualTo("jdbc:postgresql://h:5432/db?currentSchema=it_1_t_a");
        assertThat(TenantUrls.forSchema("jdbc:postgresql://h/db?ssl=true&currentSchema=x&reWriteBatchedInserts=true", "y"))
                .isEqualTo("jdbc:postgresql://h/db?ssl=true&reWriteBatchedInserts=true&currentSchema=y");
    }

    @Test
    void otherDatabasesAreRefused() {
        assertThatThrownBy(() -> TenantUrls.forSchema("jdbc:mysql://h/db", "t")).hasMessageContaining("H2 or PostgreSQL");
    }

    @Test
    void urlPatternsMatchAsAContainersDo() {
        assertThat(TenantRuntime.matches(List.of(), "/api/v1/x")).isTrue();
        assertThat(TenantRuntime.matches(List.of("/*"), "/api/v1/x")).isTrue();
        assertThat(TenantRuntime.matches(List.of("/api/*"), "/api/v1/x")).isTrue();
        assertThat(TenantRuntime.matches(List.of("/api/*"), "/api")).isTrue();
        assertThat(TenantRuntime.matches(List.of("/api/*"), "/apix")).isFalse();
        assertThat(TenantRuntime.matches(List.of("*.css"), "/assets/console.css")).isTrue();
        assertThat(TenantRuntime.matches(List.of("/login"), "/console")).isFalse();
    }
}
