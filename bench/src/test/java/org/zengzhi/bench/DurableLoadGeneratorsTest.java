package org.zengzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The durable load generators at small scale on the PostgreSQL CI provides (127.0.0.1:5432, database
 * {@code test}), each in a schema of its own: they run, and their own checks find nothing wrong. No figure
 * is asserted here.
 */
class DurableLoadGeneratorsTest {

    @Test
    void durableThroughputChecksItsAnswerWithAndWithoutBatchRewriting() throws Exception {
        for (String urlOptions : new String[] {DurableThroughput.SERVER_URL_OPTIONS, ""}) {
            try (BenchDatabase database = BenchDatabase.server("test_durable", urlOptions, false)) {
                DurableThroughput.Result result = DurableThroughput.run(database, 2_000, 4, 16);
                assertThat(result.problems()).isEmpty();
                assertThat(result.orders()).isEqualTo(2_000);
            }
        }
    }

    @Test
    void durableThroughputNoticesAWrongJournal() throws Exception {
        try (BenchDatabase database = BenchDatabase.server("test_durable", "", false)) {
            DurableThroughput.Result result = DurableThroughput.run(database, 500, 2, 8);
            assertThat(result.problems()).isEmpty();
            database.jdbc().update("DELETE FROM postings WHERE command_seq = 7");
            assertThat(DurableThroughput.checkDatabase(database.jdbc(), 500,
                    new SettleOrderStream(DurableThroughput.PARTICIPANTS).poolSharesFen(500), 0, 0)).isNotEmpty();
        }
    }

    @Test
    void naiveBaselineSettlesTheSameOrdersAndBalances() throws Exception {
        try (BenchDatabase database = BenchDatabase.empty("test_naive", 4, false)) {
            DurableThroughput.Result result = NaiveMallBaseline.run(database, 500, 4);
            assertThat(result.problems()).isEmpty();
            assertThat(database.jdbc().queryForObject("SELECT cash FROM pool", Long.class))
                    .isEqualTo(new SettleOrderStream(DurableThroughput.PARTICIPANTS).poolSharesFen(500));
        }
    }

    @Test
    void recoveryTimeRecoversTheSameStateBothWays() throws Exception {
        try (BenchDatabase database = BenchDatabase.server("test_recovery", "", false)) {
            RecoveryTime.Result result = RecoveryTime.run(database, 2_000, 300, 1);
            assertThat(result.problems()).isEmpty();
            assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM journal", Long.class)).isEqualTo(2_300);
        }
    }

    @Test
    void httpLoadAgainstThePackagedServer() throws Exception {
        try (ServerProcess server = new ServerProcess(List.of("-Xmx512m"))) {
            try (HttpLoad single = new HttpLoad(server.base(), 1); HttpLoad batch = new HttpLoad(server.base(), 10)) {
                HttpLoad.Result result = single.run("t", 300, 8);
                assertThat(result.problems()).isEmpty();
                assertThat(result.orders()).isEqualTo(300);
                HttpLoad.Result batches = batch.run("b", 30, 4);
                assertThat(batches.problems()).isEmpty();
                assertThat(batches.orders()).isEqualTo(300);
            }
        }
    }
}
