package org.zengzhi.bench.serverdemo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.gateway.Recovery;
import org.zengzhi.server.journal.CommandLog;
import org.zengzhi.server.journal.IdempotencyRecord;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.Snapshot;
import org.zengzhi.server.journal.kafka.KafkaJournal;
import org.zengzhi.server.journal.kafka.KafkaJournalSettings;

import tools.jackson.databind.JsonNode;

/**
 * A tenant's journal replayed from its first command into a fresh engine, outside the servers: the SQL journal's rows
 * (the tenant's schema) and after them the tenant's committed records in the Kafka journal topic beyond SQL's last
 * row — what a node taking the tenant over would read, without a snapshot. The replay itself is the server's
 * {@link Recovery} (gaps refused, every command's fate checked against the one it met first) over that log; nothing
 * is written anywhere. Also checks that every row SQL holds is the same row in Kafka.
 */
final class TenantReplay {
    /** The replay's outcome: its state hash, rows from each store, SQL = Kafka, and the accepted payments by number. */
    record Replayed(String stateHash, long lastSeq, int sqlRows, int kafkaRows, boolean sqlMatchesKafka,
            Map<Long, Integer> appliedPayments) {
    }

    private TenantReplay() {
    }

    static Replayed replay(String jdbcUrl, String user, String schema, String slug, String bootstrap, short replicas,
            int minInSyncReplicas) {
        SingleConnectionDataSource source = new SingleConnectionDataSource(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?")
                + "currentSchema=" + schema, user, "", true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(source);
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(source));
            Plan plan = PlanFiles.checkText(jdbc.queryForObject("SELECT plan_yaml FROM tenant WHERE id = 1",
                    String.class)).plan();
            Journal sql = ServerConfig.journal(jdbc, transaction);
            List<CommandLog.JournalRow> sqlRows = new ArrayList<>();
            sql.readAfter(0, sqlRows::add);
            List<CommandLog.JournalRow> kafkaRows = new ArrayList<>();
            try (KafkaJournal kafka = new KafkaJournal(sql, jdbc, transaction, new KafkaJournalSettings(bootstrap,
                    "zengzhi-journal", 12, replicas, minInSyncReplicas, slug))) {
                kafka.readAfter(0, kafkaRows::add);
            }
            List<CommandLog.JournalRow> log = new ArrayList<>(sqlRows);
            long sqlLast = sqlRows.isEmpty() ? 0 : sqlRows.get(sqlRows.size() - 1).seq();
            kafkaRows.stream().filter(row -> row.seq() > sqlLast).forEach(log::add);
            Recovery.Recovered recovered = new Recovery(new ReplayLog(log), plan).recover();
            return new Replayed(recovered.engine().stateHash(), recovered.lastSeq(), sqlRows.size(), kafkaRows.size(),
                    sameRows(sqlRows, kafkaRows), appliedPayments(slug, log));
        } finally {
            source.destroy();
        }
    }

    /** Every SQL row is Kafka's row of the same position (Kafka may hold more: a batch not yet written to SQL). */
    static boolean sameRows(List<CommandLog.JournalRow> sql, List<CommandLog.JournalRow> kafka) {
        Map<Long, CommandLog.JournalRow> bySeq = new HashMap<>();
        kafka.forEach(row -> bySeq.put(row.seq(), row));
        return sql.stream().allMatch(row -> row.equals(bySeq.get(row.seq())));
    }

    /** The accepted {@code order} commands of the demo's payments ({@code slug-oN}), counted by N. */
    static Map<Long, Integer> appliedPayments(String slug, List<CommandLog.JournalRow> log) {
        Map<Long, Integer> applied = new HashMap<>();
        String prefix = slug + "-o";
        for (CommandLog.JournalRow row : log) {
            if (row.rejection() != null) {
                continue;
            }
            JsonNode command = TenantClient.json(row.line());
            String id = command.path("id").asString("");
            if ("order".equals(command.path("type").asString("")) && id.startsWith(prefix)) {
                applied.merge(Long.parseLong(id.substring(prefix.length())), 1, Integer::sum);
            }
        }
        return applied;
    }

    /** The rows as a read-only command log with no snapshot, so {@link Recovery} replays from the first command. */
    private record ReplayLog(List<CommandLog.JournalRow> rows) implements CommandLog {
        @Override
        public void readAfter(long seq, Consumer<JournalRow> consumer) {
            rows.stream().filter(row -> row.seq() > seq).forEach(consumer);
        }

        @Override
        public Snapshot latestSnapshot() {
            return null;
        }

        @Override
        public long lastSeq() {
            return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq();
        }

        @Override
        public void append(List<org.zengzhi.server.journal.AppliedCommand> batch) {
            throw new UnsupportedOperationException("a replay writes nothing");
        }

        @Override
        public void saveSnapshot(Snapshot snapshot) {
            throw new UnsupportedOperationException("a replay writes nothing");
        }

        @Override
        public Map<String, String> idempotencyHashes() {
            return Map.of();
        }

        @Override
        public IdempotencyRecord idempotencyRecord(String key) {
            return null;
        }
    }
}
