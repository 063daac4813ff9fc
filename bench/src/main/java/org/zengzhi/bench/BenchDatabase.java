package org.zengzhi.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.journal.Journal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh PostgreSQL schema for one benchmark run (the server's migrations applied, or empty), with a
 * HikariCP pool on it; {@link #close()} drops the schema. The URL comes from {@code -Dzengzhi.bench.postgres}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, no password).
 */
public final class BenchDatabase implements AutoCloseable {
    public static final String URL = System.getProperty("zengzhi.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("zengzhi.bench.user", "postgres");

    private final String schema;
    private final HikariDataSource dataSource;
    private final boolean keep;

    private BenchDatabase(String prefix, boolean migrate, int poolSize, String urlOptions, boolean keep) throws Exception {
        this.schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        this.keep = keep;
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + urlOptions);
        config.setUsername(USER);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(true);
        this.dataSource = new HikariDataSource(config);
        if (migrate) {
            Flyway.configure().dataSource(dataSource).schemas(schema).locations("classpath:db/migration", "classpath:db/postgresql").load().migrate();
        }
    }

    /** A schema with the server's tables (journal, postings, idempotency, …). */
    public static BenchDatabase server(String prefix, String urlOptions, boolean keep) throws Exception {
        return new BenchDatabase(prefix, true, 4, urlOptions, keep);
    }

    /** An empty schema with a pool of {@code poolSize} connections. */
    public static BenchDatabase empty(String prefix, int poolSize, boolean keep) throws Exception {
        return new BenchDatabase(prefix, false, poolSize, "", keep);
    }

    public String schema() {
        return schema;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    public Journal journal() {
        return ServerConfig.journal(jdbc(), new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Override
    public void close() throws Exception {
        dataSource.close();
        if (keep) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
