package org.zengzhi.bench;

import java.util.List;

import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.pool.Holder;

/**
 * Heap bytes per participant of an engine where every participant holds points, measured by JOL over the
 * engine's whole object graph. The external id strings are part of the engine's state (they break ties
 * and name postings), so the figure is given with them and without them.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar org.zengzhi.bench.EngineFootprint [participants]}
 */
public final class EngineFootprint {
    private EngineFootprint() {
    }

    public static void main(String[] args) {
        // The engine holds records (PoolRules, Price), whose field offsets JOL can only read this way.
        System.setProperty("jol.magicFieldOffset", "true");
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        System.out.println(VM.current().details());
        OrderStreamWorkload workload = new OrderStreamWorkload(participants, 20250101L);
        Engine engine = workload.engine();
        List<String> failures = workload.verify();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the engine's books are wrong: " + failures);
        }
        GraphLayout engineGraph = GraphLayout.parseInstance(engine);
        long idBytes = idBytes(engine);
        long total = engineGraph.totalSize();
        System.out.printf("participants %,d, holders %,d%n", engine.participantCount(), engine.holderCount());
        System.out.printf("engine graph: %,d bytes in %,d objects%n", total, engineGraph.totalCount());
        System.out.printf("id strings:   %,d bytes%n", idBytes);
        System.out.printf("bytes per participant: %.1f with ids, %.1f without ids%n",
                (double) total / participants, (double) (total - idBytes) / participants);
        System.out.println(engineGraph.toFootprint());
    }

    /** The bytes of the id strings the engine holds: each String and its byte array. */
    private static long idBytes(Engine engine) {
        Object[] idStrings = engine.holders().stream().map(Holder::participant).toArray();
        return GraphLayout.parseInstance((Object) idStrings).totalSize() - VM.current().sizeOf(idStrings);
    }
}
