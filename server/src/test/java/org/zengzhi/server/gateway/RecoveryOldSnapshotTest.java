package org.zengzhi.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.ServerConfig;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.Snapshot;

/**
 * Upgrading a green-points platform across issue 17 deliver 5: a snapshot taken before lots were kept by holder range
 * holds the same lots in earning order, so this version hashes the state it reads differently. Recovery accepts it
 * when its bytes are exactly those hashed when it was taken and as many as this version writes, and still refuses a
 * damaged snapshot or one with bytes added.
 */
class RecoveryOldSnapshotTest {
    private static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    /** Beyond the first bucket of 8,192 holders. */
    private static final int USERS = 8_300;

    @TempDir
    Path data;
    private Journal journal;
    private Plan plan;
    private Engine engine;
    private byte[] bucketed;

    @BeforeEach
    void aGreenPlatformWithHoldersInTwoBuckets() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:file:" + data.resolve("zengzhi")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/h2").load().migrate();
        journal = ServerConfig.journal(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        try (InputStream preset = getClass().getResourceAsStream("/plans/green-points.yaml")) {
            plan = PlanFiles.checkText(new String(preset.readAllBytes(), StandardCharsets.UTF_8)).plan();
        }
        engine = new Engine(plan, RegionDirectory.STANDARD);
        engine.execute(new Command.OnboardMerchant("m1", T0, "shop", "lee", null, "440106", 200_000));
        for (int i = 0; i < USERS; i++) {
            engine.execute(new Command.RegisterUser("r" + i, T0, "u" + i, null));
        }
        // The last user earns first (200.00 points), then u1 (100.00 points): earning order puts the far holder first.
        engine.execute(new Command.PayOrder("o1", T0, "u" + (USERS - 1), "shop", Channel.STORE, 100_000, 0, null, null));
        engine.execute(new Command.PayOrder("o2", T0, "u1", "shop", Channel.STORE, 50_000, 0, null, null));
        engine.execute(new Command.Tick("t1", T0.plusSeconds(60)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, out);
        bucketed = out.toByteArray();
    }

    @Test
    void issue17Deliver5ASnapshotWithLotsInEarningOrderIsRecovered() {
        byte[] old = earningOrder(bucketed);
        assertThat(old).isNotEqualTo(bucketed);
        journal.saveSnapshot(new Snapshot(0, sha256(old), old));

        Engine recovered = new Recovery(journal, plan).recover().engine();

        assertThat(recovered.stateHash()).isEqualTo(engine.stateHash()).isNotEqualTo(sha256(old));
    }

    @Test
    void aDamagedSnapshotIsStillRefused() {
        byte[] old = earningOrder(bucketed);
        String recorded = sha256(old);
        ByteBuffer.wrap(old).putLong(lotAt(old) + 4, 20_001);
        journal.saveSnapshot(new Snapshot(0, recorded, old));

        assertThatThrownBy(() -> new Recovery(journal, plan).recover()).isInstanceOf(Recovery.RecoveryException.class)
                .hasMessageContaining("recorded with it");
    }

    @Test
    void aSnapshotWithBytesAddedIsRefusedThoughItsHashMatchesItsBytes() {
        // The codec refuses bytes after the state; the length check in Recovery is a second guard behind it.
        byte[] longer = Arrays.copyOf(earningOrder(bucketed), bucketed.length + 1);
        journal.saveSnapshot(new Snapshot(0, sha256(longer), longer));

        assertThatThrownBy(() -> new Recovery(journal, plan).recover()).hasMessageContaining("cannot be read");
    }

    /**
     * The consumer pool's two lots as the version before bucketing wrote them: 24 bytes a lot (holder, centipoints,
     * periods, vouchers), the far holder's 20,000 centipoints first, then u1's 10,000.
     */
    private static byte[] earningOrder(byte[] snapshot) {
        int at = lotsAt(snapshot, 10_000, 20_000);
        byte[] swapped = snapshot.clone();
        System.arraycopy(snapshot, at + 24, swapped, at, 24);
        System.arraycopy(snapshot, at, swapped, at + 24, 24);
        return swapped;
    }

    /** Where the far holder's lot starts in a snapshot in earning order. */
    private static int lotAt(byte[] old) {
        return lotsAt(old, 20_000, 10_000);
    }

    private static int lotsAt(byte[] snapshot, long first, long second) {
        ByteBuffer buffer = ByteBuffer.wrap(snapshot);
        for (int at = 0; at + 48 <= snapshot.length; at++) {
            if (buffer.getLong(at + 4) == first && buffer.getInt(at + 12) == 0 && buffer.getLong(at + 16) == 0
                    && buffer.getLong(at + 28) == second && buffer.getInt(at + 36) == 0 && buffer.getLong(at + 40) == 0) {
                return at;
            }
        }
        throw new AssertionError("the consumer pool's two lots are not in the snapshot");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
