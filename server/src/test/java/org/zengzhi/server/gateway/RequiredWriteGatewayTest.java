package org.zengzhi.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.coinmall.CoinOrders;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.payment.Pricing;
import org.zengzhi.server.web.GatewayCalls;

/**
 * Stock taken in the journal row's own transaction (issue 20 item 1, the coin mall): a command's required write
 * that changes no row (the last item went meanwhile) rolls its whole batch back, so neither the journal, the engine
 * nor the stock keeps anything of it; one that does is committed with its command, once, and a retry under the
 * same key is answered from its record without taking stock again. On the real journal in H2 file mode.
 */
class RequiredWriteGatewayTest {
    private static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    /** A guard against a hang only; no test asserts a duration. */
    private static final long HANG_SECONDS = 60;

    @TempDir
    Path data;
    private JdbcTemplate jdbc;
    private Journal journal;
    private EngineGateway gateway;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("zengzhi")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        journal = ServerConfig.journal(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        gateway = new EngineGateway(journal, () -> new Recovery(journal, PLAN).recover(), Clock.systemUTC(), 1_000);
        jdbc.update("INSERT INTO products (product_id, name, price_fen, stock, on_shelf, image_urls, idem_key, "
                + "request_hash, created_at) VALUES ('cup', 'cup', 100, 1, TRUE, '', 'k-cup', ?, ?)", "0".repeat(64),
                Timestamp.from(Instant.now()));
    }

    @AfterEach
    void close() throws Exception {
        gateway.close();
    }

    private CommandRequest buyCup(String order, String user) {
        return new CommandRequest(now -> new Command.SettleOrder(order, now, user, 10_000, 3_000), GatewayCalls::render,
                "buy:" + order, order, (command, events) -> CoinOrders.take(order, List.of(new Pricing.Item("cup", 1))));
    }

    private long stock() {
        return jdbc.queryForObject("SELECT stock FROM products WHERE product_id = 'cup'", Long.class);
    }

    private long journalRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM journal", Long.class);
    }

    @Test
    void theStockIsTakenWithTheCommandOnce_andARetryUnderTheKeyTakesNoMore() throws Exception {
        Response first = gateway.submit(buyCup("o1", "amy")).get(HANG_SECONDS, TimeUnit.SECONDS);
        assertThat(first.status()).isEqualTo(200);
        assertThat(stock()).isZero();
        assertThat(jdbc.queryForObject("SELECT quantity FROM coin_order_items WHERE order_id = 'o1'", Long.class))
                .as("the cart is kept for a refund").isEqualTo(1);
        long rows = journalRows();
        Response retry = gateway.submit(buyCup("o1", "amy")).get(HANG_SECONDS, TimeUnit.SECONDS);
        assertThat(retry).as("the first answer").isEqualTo(first);
        assertThat(stock()).isZero();
        assertThat(journalRows()).isEqualTo(rows);
    }

    @Test
    void aRequiredWriteThatChangesNoRowKeepsNothingOfItsCommand() throws Exception {
        jdbc.update("UPDATE products SET stock = 0 WHERE product_id = 'cup'");
        long rows = journalRows();
        assertThatThrownBy(() -> gateway.submit(buyCup("o2", "bob")).get(HANG_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ReadModelWrite.NotApplied.class);
        assertThat(stock()).as("never below zero").isZero();
        assertThat(journalRows()).as("no journal row").isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coin_order_items", Long.class)).isZero();
        assertThat(gateway.query(engine -> engine.holder("bob")).get()).as("the engine was rebuilt without it")
                .isNull();
        jdbc.update("UPDATE products SET stock = 1 WHERE product_id = 'cup'");
        assertThat(gateway.submit(buyCup("o2", "bob")).get(HANG_SECONDS, TimeUnit.SECONDS).status())
                .as("the same key once the stock is back: nothing was recorded under it").isEqualTo(200);
        assertThat(stock()).isZero();
        assertThat(gateway.query(engine -> engine.holder("bob")).get()).isNotNull();
    }
}
