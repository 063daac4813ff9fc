package org.zengzhi.server.journal.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.server.gateway.Recovery;
import org.zengzhi.server.journal.Journal;

/**
 * A tenant's schema moving onto a Kafka journal (issue 21 deliver 5; docs/cluster.md, "Moving a tenant of the server
 * nodes"), from the single-node SQL journal in place or from another cluster:
 *
 * <ul>
 * <li>{@link #seal}: on the source, the schema is closed for good — a Kafka tenant's log is taken over first (which
 * fences every producer of the tenant and writes to SQL whatever the log holds beyond it) — and the seq and state
 * hash SQL then proves are recorded with the target's name. A sealed schema takes no batch and does not start.</li>
 * <li>{@link #adopt} (the import, "moved in at this position"): SQL's journal is replayed (newest snapshot + tail,
 * every fate checked), its state hash compared with the seal's and the caller's, and the position set to the last
 * seq and the tenant's partition's end offset, with the log stamped, in one transaction. {@link KafkaRecovery} then
 * recovers SQL up to that seq and reads the topic from that offset.</li>
 * </ul>
 *
 * Both run on a suspended tenant's schema (the caller checks its row under the position's lock, in the same
 * transaction) and both are idempotent: done again, they answer what was recorded the first time.
 */
public final class JournalMove {
    /** A move refused: nothing was changed. {@code field} is what the problem names; {@code status} its HTTP status. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String field;

        public Refused(int status, String field, String message) {
            super(message);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** Moved in at: SQL holds rows 1..seq with this state hash; the tenant's records are read from {@code offset}. */
    public record Imported(long seq, String stateHash, String clusterId, String topic, int partition, long offset,
            Instant at) {
    }

    /** Moved out to {@code target}: SQL holds rows 1..seq with this state hash. */
    public record Sealed(String target, long seq, String stateHash, Instant at) {
    }

    private final String tenant;
    private final Journal sql;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final LogPosition position;

    /** {@code sql}: the tenant schema's journal (with its read models: a seal may write a Kafka tail's outputs). */
    public JournalMove(String tenant, Journal sql, JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.tenant = tenant;
        this.sql = sql;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.position = new LogPosition(jdbc);
    }

    /**
     * Imports the schema into the tenant's Kafka log of {@code settings}. {@code expectedHash}: the state hash the
     * source's seal answered (null: none asked, as for a switch in place). {@code underLock} checks the tenant's row
     * inside the transaction and throws {@link Refused} to stop it.
     */
    public Imported adopt(KafkaJournalSettings settings, Plan plan, String expectedHash, Consumer<JdbcTemplate> underLock) {
        LogPosition.Row row = position.row(false);
        try (TenantLog log = new TenantLog(settings)) {
            LogPosition.Log here = log.where();
            if (row.imported() != null && row.imported().hash() != null && here.equals(row.log())
                    && row.sealed() == null) {
                return answered(row, expectedHash);
            }
            refuseUnsealedKafka(row, here, tenant);
            Recovery.Recovered recovered = recoverSql(plan);
            String hash = recovered.engine().stateHash();
            if (row.sealed() != null && (row.sealed().seq() != recovered.lastSeq() || !row.sealed().hash().equals(hash))) {
                throw new Refused(409, "stateHash", "the schema replays to row " + recovered.lastSeq() + " with state hash "
                        + hash + ", but its seal says row " + row.sealed().seq() + " with state hash " + row.sealed().hash()
                        + "; nothing was imported");
            }
            checkHash(hash, expectedHash);
            LogPosition.Imported imported = new LogPosition.Imported(recovered.lastSeq(), hash, log.endOffset(),
                    clock.instant());
            transaction.executeWithoutResult(status -> {
                unchanged(row, position.row(true), recovered.lastSeq());
                underLock.accept(jdbc);
                position.adopt(here, imported);
            });
            return new Imported(imported.seq(), hash, here.clusterId(), here.topic(), here.partition(), imported.offset(),
                    imported.at());
        }
    }

    /**
     * Seals the schema for {@code target}: {@code settings} (null for a tenant on the SQL journal) is its Kafka log,
     * taken over first so SQL holds everything the log holds. Sealed again for the same target, it answers the first
     * seal; for another target, it is refused.
     */
    public Sealed seal(KafkaJournalSettings settings, Plan plan, String target, Consumer<JdbcTemplate> underLock) {
        LogPosition.Row row = position.row(false);
        if (row.sealed() != null) {
            if (!row.sealed().target().equals(target)) {
                throw new Refused(409, "target", "the tenant " + tenant + " is sealed for " + row.sealed().target()
                        + " already");
            }
            return sealed(row.sealed());
        }
        Recovery.Recovered recovered;
        if (settings == null) {
            recovered = recoverSql(plan);
        } else {
            try (KafkaJournal journal = new KafkaJournal(sql, jdbc, transaction, settings)) {
                recovered = new KafkaRecovery(journal, plan).recover();
            } catch (IllegalStateException e) {
                throw new Refused(409, "journal", e.getMessage());
            }
        }
        LogPosition.Sealed seal = new LogPosition.Sealed(target, recovered.lastSeq(), recovered.engine().stateHash(),
                clock.instant());
        transaction.executeWithoutResult(status -> {
            LogPosition.Row now = position.row(true);
            if (now.sealed() != null || sql.lastSeq() != recovered.lastSeq()) {
                throw changed(recovered.lastSeq(), sql.lastSeq());
            }
            underLock.accept(jdbc);
            position.seal(seal);
        });
        return sealed(seal);
    }

    private Recovery.Recovered recoverSql(Plan plan) {
        try {
            return new Recovery(sql, plan).recover();
        } catch (RuntimeException e) {
            throw new Refused(409, "journal", "the schema's journal does not replay: " + e.getMessage()
                    + "; nothing was done");
        }
    }

    /** A schema on a Kafka log (not sealed there) cannot be imported: its log may hold commands SQL does not. */
    private static void refuseUnsealedKafka(LogPosition.Row row, LogPosition.Log here, String tenant) {
        if (row.sealed() != null || (row.at().offset() < 0 && row.imported() == null)) {
            return;
        }
        if (row.log() == null || row.log().equals(here)) {
            throw new Refused(409, "journal", "the tenant " + tenant + " journals on this Kafka log already; nothing "
                    + "to import");
        }
        throw new Refused(409, "journal", "the schema's journal is on another Kafka log (" + describe(row.log())
                + ") and was not sealed there: seal it on its source first");
    }

    private static void checkHash(String hash, String expected) {
        if (expected != null && !expected.equals(hash)) {
            throw new Refused(409, "stateHash", "the schema's state hash is " + hash + ", not " + expected
                    + "; nothing was imported");
        }
    }

    private Imported answered(LogPosition.Row row, String expectedHash) {
        checkHash(row.imported().hash(), expectedHash);
        LogPosition.Imported imported = row.imported();
        return new Imported(imported.seq(), imported.hash(), row.log().clusterId(), row.log().topic(),
                row.log().partition(), imported.offset(), imported.at());
    }

    /** Under the lock: the row is as it was read, and SQL's journal ends where it was replayed to. */
    private void unchanged(LogPosition.Row read, LogPosition.Row locked, long replayed) {
        long last = sql.lastSeq();
        if (!Objects.equals(read, locked) || last != replayed) {
            throw changed(replayed, last);
        }
    }

    private static Refused changed(long replayed, long last) {
        return new Refused(409, "journal", "the tenant's journal changed while it was read (row " + replayed
                + " became " + last + "); nothing was done; try again");
    }

    private static Sealed sealed(LogPosition.Sealed seal) {
        return new Sealed(seal.target(), seal.seq(), seal.hash(), seal.at());
    }

    private static String describe(LogPosition.Log log) {
        return "cluster " + log.clusterId() + ", topic " + log.topic() + ", partition " + log.partition();
    }
}
