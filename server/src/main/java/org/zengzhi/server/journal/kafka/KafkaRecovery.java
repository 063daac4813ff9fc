package org.zengzhi.server.journal.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Recovery;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.journal.Rejections;

/**
 * A node taking a tenant's Kafka log over (at start, and whenever the gateway rebuilds its engine): fence first
 * (the tenant's transactional producer, {@link TenantLog#fence}), rebuild the engine from SQL (newest snapshot and
 * the SQL journal's tail, {@link Recovery}), then apply Kafka's committed records beyond SQL's position up to the
 * take-over marker and write their outputs to SQL (catch-up), then serve. Afterwards SQL holds every committed
 * command, so a retried Idempotency-Key is answered with its first result even if the node that took it died
 * between the Kafka commit and the SQL commit.
 */
public final class KafkaRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaRecovery.class);
    private static final int SQL_READS_MAX = 3;
    private final KafkaJournal journal;
    private final Plan plan;

    public KafkaRecovery(KafkaJournal journal, Plan plan) {
        this.journal = journal;
        this.plan = plan;
    }

    public Recovery.Recovered recover() {
        long marker = journal.takeOver();
        journal.checkLog(marker);
        LogPosition.At at = null;
        Recovery.Recovered fromSql = null;
        // The fenced owner may still commit to SQL the one batch Kafka committed before the fence, while this reads:
        // read again until the position and the SQL journal agree (at most once more).
        for (int attempt = 1; fromSql == null; attempt++) {
            at = journal.sqlPosition();
            Recovery.Recovered recovered = new Recovery(journal.sql(), plan).recover();
            if (recovered.lastSeq() == at.seq() && journal.sqlPosition().equals(at)) {
                fromSql = recovered;
            } else if (attempt == SQL_READS_MAX) {
                throw new IllegalStateException("the SQL journal ends at row " + recovered.lastSeq() + " but its "
                        + "Kafka position says " + at.seq());
            }
        }
        CatchUp catchUp = new CatchUp(fromSql.engine(), fromSql.lastSeq());
        journal.log().read(at.offset() + 1, marker, catchUp::add);
        catchUp.flush();
        if (catchUp.applied > 0) {
            LOG.info("took the tenant's Kafka log over: {} committed commands were not in SQL and are written now",
                    catchUp.applied);
        }
        return new Recovery.Recovered(fromSql.engine(), catchUp.last, fromSql.replayed() + catchUp.applied);
    }

    /** Applies the committed entries beyond SQL in order and writes their outputs to SQL in batches. */
    private final class CatchUp {
        private final Engine engine;
        private final LogLines lines;
        private final EngineOutput out = new EngineOutput();
        private final List<AppliedCommand> batch = new ArrayList<>();
        private long last;
        private long lastOffset = -1;
        private long applied;

        CatchUp(Engine engine, long last) {
            this.engine = engine;
            this.last = last;
            this.lines = new LogLines(engine::clock);
        }

        void add(LogEntry entry, long offset) {
            if (entry.marker() || entry.seq() <= last) {
                return;
            }
            if (entry.seq() != last + 1) {
                throw new IllegalStateException("the Kafka journal has a gap: row " + entry.seq() + " follows " + last);
            }
            batch.add(apply(entry));
            last = entry.seq();
            lastOffset = offset;
            applied++;
            if (batch.size() == EngineGateway.BATCH_SIZE_MAX) {
                flush();
            }
        }

        private AppliedCommand apply(LogEntry entry) {
            Command command = lines.parse(entry.seq(), entry.line());
            out.clear();
            engine.execute(command, out);
            String rejection = Rejections.code(out.events());
            if (!Objects.equals(rejection, entry.rejection())) {
                throw new IllegalStateException("Kafka journal row " + entry.seq() + " was " + entry.rejection()
                        + " when applied but is " + rejection + " on replay");
            }
            return new AppliedCommand(entry.seq(), command, entry.line(), List.copyOf(out.events()), out.postings(),
                    entry.idempotency(), committed(entry.writes()));
        }

        void flush() {
            if (!batch.isEmpty()) {
                journal.writeCaughtUp(List.copyOf(batch), lastOffset);
                batch.clear();
            }
        }
    }

    /**
     * A command in the log has taken effect: its required read-model writes were decided (and their rows locked)
     * before its Kafka commit, so they are written now as plain writes. One that finds its row changed meanwhile by a
     * write outside the journal (a payment intent expired by the sweep during the crash) changes nothing rather than
     * stop the tenant (docs/cluster.md).
     */
    private static List<ReadModelWrite> committed(List<ReadModelWrite> writes) {
        return writes.stream().map(write -> write.required() ? new ReadModelWrite(write.sql(), write.arguments()) : write)
                .toList();
    }
}
