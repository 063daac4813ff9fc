package org.zengzhi.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/** Server properties for a fresh, empty database of each kind the server runs on. */
public final class TestDatabases {
    private static final String POSTGRES_URL = System.getProperty("zengzhi.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test");

    /** The property that lets the sandbox provider run under a production profile (docs/payments.md). */
    public static final String SANDBOX_ENABLED = "zengzhi.sandbox.enabled=true";

    private TestDatabases() {
    }

    /** H2 in file mode in {@code directory}: the embedded default. */
    public static String[] h2(Path directory) {
        return new String[] {"zengzhi.data-dir=" + directory};
    }

    /**
     * A new schema on the real PostgreSQL that CI provides (127.0.0.1:5432, database {@code test}). A missing
     * PostgreSQL fails the test: CI starts it and must not skip these tests.
     */
    public static String[] freshPostgresSchema() throws Exception {
        String schema = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        // The postgres profile is a production profile: the tests play the customer through the sandbox, so they
        // enable it explicitly, as a staging server would.
        return new String[] {"spring.profiles.active=postgres", "spring.datasource.url=" + POSTGRES_URL
            + "?currentSchema=" + schema, "spring.datasource.username=postgres", "spring.flyway.schemas=" + schema,
            SANDBOX_ENABLED};
    }
}
