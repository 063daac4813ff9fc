package org.zengzhi.server.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.LogLines;

/**
 * Writes a read model afresh from the journal, the source of truth (issue 20 item 1: a read model added after the
 * commands it describes): every journal row is replayed from the first through a new engine under the tenant's
 * plan, as {@link org.zengzhi.server.gateway.Recovery} does without a snapshot, and the model is handed the applied
 * commands a batch at a time, exactly as the live journal hands them. The caller empties the model's tables first,
 * in the same transaction. A row that meets another fate on replay than when it was applied stops the rebuild.
 */
public final class ReadModelReplay {
    private static final int BATCH = 1_000;

    private ReadModelReplay() {
    }

    /** Replays the whole journal into {@code model}; returns the number of commands replayed. */
    public static long replay(JdbcTemplate jdbc, Plan plan, ReadModel model) {
        Engine engine = new Engine(plan, RegionDirectory.STANDARD);
        LogLines lines = new LogLines(engine::clock);
        BulkInsert insert = new BulkInsert(jdbc, false);
        EngineOutput out = new EngineOutput();
        long last = 0;
        while (true) {
            List<CommandLog.JournalRow> page = jdbc.query("SELECT seq, line, rejection FROM journal WHERE seq > ? "
                    + "ORDER BY seq LIMIT " + BATCH, (rs, i) -> new CommandLog.JournalRow(rs.getLong(1),
                            rs.getString(2), rs.getString(3)), last);
            List<AppliedCommand> batch = new ArrayList<>(page.size());
            for (CommandLog.JournalRow row : page) {
                Command command = lines.parse(row.seq(), row.line());
                out.clear();
                engine.execute(command, out);
                AppliedCommand applied = new AppliedCommand(row.seq(), command, row.line(), List.copyOf(out.events()),
                        List.copyOf(out.postings()), null);
                if (!Objects.equals(applied.rejection(), row.rejection())) {
                    throw new IllegalStateException("journal row " + row.seq() + " was " + row.rejection()
                            + " when applied but " + applied.rejection() + " on replay: the read model is not rebuilt");
                }
                batch.add(applied);
                last = row.seq();
            }
            model.write(jdbc, insert, batch);
            if (page.size() < BATCH) {
                return last;
            }
        }
    }
}
