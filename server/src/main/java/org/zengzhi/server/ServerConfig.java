package org.zengzhi.server;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Recovery;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.gateway.Serving;
import org.zengzhi.server.journal.CommandLog;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.kafka.KafkaJournal;
import org.zengzhi.server.journal.kafka.KafkaJournalConfig;
import org.zengzhi.server.journal.kafka.KafkaRecovery;
import org.zengzhi.server.green.GreenReadModel;
import org.zengzhi.server.operator.RewardReadModel;
import org.zengzhi.server.team.TeamReadModel;
import org.zengzhi.server.order.OrderReadModel;
import org.zengzhi.server.withdrawal.WithdrawalReadModel;

/** Wires the tenant's plan, journal and gateway, and the ticker that settles due orders. */
@Configuration(proxyBeanMethods = false)
public class ServerConfig {
    /**
     * The time stamped on commands, in whole microseconds: the database keeps times to the microsecond, and a
     * nanosecond in the journal's line that its {@code at} column (and every read model's time) must round was
     * rounded differently by PostgreSQL's COPY (half to even) and by the JDBC driver (half up), so a read model
     * rebuilt from the journal could differ by a microsecond from the one written live.
     */
    private static final Clock COMMAND_CLOCK = Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));


    @Bean
    Plan plan(JdbcTemplate jdbc, @Value("${zengzhi.plan}") String configured) {
        return TenantPlan.load(jdbc, configured);
    }

    @Bean
    Journal journal(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return journal(jdbc, new TransactionTemplate(transactions));
    }

    /**
     * The journal with every feature's read model, for the server and for tools that drive the gateway
     * without Spring (benchmarks, tests). The order is the one in which the journal always wrote them:
     * orders, rewards, withdrawals, then the four-party orders, the team's referrals,
     * the four-party operator's history, the green-points history and the coin-mall orders.
     */
    public static Journal journal(JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new Journal(jdbc, transaction,
                List.of(new OrderReadModel(), new RewardReadModel(), new WithdrawalReadModel(),
                        new org.zengzhi.server.party.PartyReadModel(),
                        new TeamReadModel(),
                        new org.zengzhi.server.partyops.PartyOpsReadModel(),
                        new GreenReadModel(),
                        new org.zengzhi.server.coinmall.CoinOrderReadModel()));
    }

    /**
     * The gateway on the command log the configuration chose: the Kafka journal when
     * {@code zengzhi.cluster.journal-servers} is set ({@link KafkaJournalConfig}), else the SQL journal. A standby's
     * ({@code zengzhi.tenant.standby}, docs/cluster.md "Warm standby") recovers only when {@link #engineServing} starts.
     */
    @Bean(destroyMethod = "close")
    EngineGateway gateway(Journal journal, ObjectProvider<KafkaJournal> kafka, Plan plan,
            @Value("${zengzhi.snapshot-interval}") long snapshotInterval,
            @Value("${zengzhi.tenant.standby:false}") boolean standby) {
        KafkaJournal onKafka = kafka.getIfAvailable();
        CommandLog log = onKafka != null ? onKafka : journal;
        Supplier<Recovery.Recovered> recovery = onKafka != null ? () -> new KafkaRecovery(onKafka, plan).recover()
                : () -> new Recovery(journal, plan).recover();
        return standby ? EngineGateway.standby(log, recovery, COMMAND_CLOCK, snapshotInterval)
                : new EngineGateway(log, recovery, COMMAND_CLOCK, snapshotInterval);
    }

    /** The engine serves: at once, or for a standby when its node is given the tenant. */
    @Bean
    Serving engineServing(EngineGateway gateway, @Value("${zengzhi.tenant.standby:false}") boolean standby) {
        return new Serving(Serving.ENGINE, standby, gateway::start);
    }

    /** Ticks settle orders whose return window has closed (R-2.1); each tick is a journaled command. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService ticker() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ticker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The ticks start once the engine serves. Not on a cluster node's root: every node's root shares the default
     * tenant's schema and serves no default tenant (docs/cluster.md); a tick from each node would be two writers on
     * one journal.
     */
    @Bean
    Serving tickerServing(ScheduledExecutorService ticker, EngineGateway gateway,
            @Value("${zengzhi.tick-interval}") Duration interval,
            @Value("${zengzhi.cluster.bootstrap-servers:}") String cluster,
            @Value("${zengzhi.tenant.standby:false}") boolean standby) {
        return new Serving(Serving.WORKERS, standby, () -> {
            if (cluster.isBlank()) {
                ticker.scheduleAtFixedRate(() -> gateway.submit(new CommandRequest(
                        now -> new Command.Tick("tick@" + now, now), events -> new Response(200, "{}"), null, null)),
                        interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }
}
