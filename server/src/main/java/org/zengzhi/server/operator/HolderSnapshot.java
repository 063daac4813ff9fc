package org.zengzhi.server.operator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.zengzhi.engine.EngineOutput;
import org.zengzhi.log.LogLines;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.log.PlanFiles;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.pool.PoolMath;
import org.zengzhi.engine.Units;

/**
 * The holder snapshot of R-3.9 (for a later conversion of points into shares, 反并购上市): one line per
 * holder with points, their gross value at the exact current price (⌊h·P/N⌋) and the price, sorted by id.
 */
public final class HolderSnapshot {
    private HolderSnapshot() {
    }

    /**
     * The engine as it stood after every journal row stamped at or before {@code until}, replayed from the plan the
     * tenant started with ({@code firstPlanYaml}).
     */
    static Engine replayUntil(String firstPlanYaml, Journal journal, Instant until) {
        String yaml = firstPlanYaml;
        Engine engine = new Engine(PlanFiles.checkText(yaml).plan(), RegionDirectory.STANDARD);
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        journal.readUntil(until, row -> {
            out.clear();
            engine.execute(lines.parse(row.seq(), row.line()), out);
        });
        return engine;
    }

    public static String csv(Engine engine) {
        StringBuilder csv = new StringBuilder("user,points,value,price,clock\n");
        List<Holder> holders = engine.holders();
        holders.sort(Comparator.comparing(Holder::participant));
        String price = engine.price().display();
        String clock = engine.clock().toString();
        for (Holder holder : holders) {
            if (holder.pointsMicro() == 0) {
                continue;
            }
            long value = PoolMath.grossValue(holder.pointsMicro(), engine.poolCash(), engine.circulatingPoints());
            csv.append(quote(holder.participant())).append(',').append(Units.formatPoints(holder.pointsMicro()))
                    .append(',').append(Units.formatFen(value)).append(',').append(price).append(',').append(clock)
                    .append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180 quoting, and no cell a spreadsheet would read as a formula. */
    private static String quote(String cell) {
        String safe = cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("-") || cell.startsWith("@")
                ? "'" + cell : cell;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
