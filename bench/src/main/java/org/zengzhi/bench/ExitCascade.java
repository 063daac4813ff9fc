package org.zengzhi.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.Command.InjectSubsidy;
import org.zengzhi.engine.Command.SettleOrder;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.EventType;
import org.zengzhi.engine.PoolRules;

/**
 * The workload of {@link ExitCascadeBenchmark}, free of JMH: {@code holders} participants who all bought
 * at nearly the same price, then one subsidy that lifts the price past every threshold, so the engine must
 * process a cascade of exactly {@code holders} exits in that one command.
 *
 * <p>To keep the buy prices close, the first participant places one large order (10 million CNY, pool
 * share 30%) before the others place realistic ones (10–2 000 CNY): the later orders then move the price
 * by less than a third, while with k = 3 a holder's threshold is about 14 times their buy price. Nobody
 * exits before the subsidy, which is twenty times the pool's cash and so lifts the price 21-fold.
 */
public final class ExitCascade {
    private static final long WHALE_AMOUNT_FEN = 1_000_000_000L;
    private static final long SUBSIDY_TIMES_POOL_CASH = 20;
    private static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

    private final int holders;
    private final Engine engine;
    private final InjectSubsidy subsidy;

    public ExitCascade(int holders, long seed) {
        this.holders = holders;
        this.engine = new Engine(PoolRules.MALL, holders);
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = OrderStreamWorkload.participantIds(holders);
        EngineOutput out = new EngineOutput();
        for (int i = 0; i < holders; i++) {
            long amountFen = i == 0 ? WHALE_AMOUNT_FEN
                    : random.nextLong(OrderStreamWorkload.AMOUNT_FEN_MIN, OrderStreamWorkload.AMOUNT_FEN_MAX + 1);
            long poolShareFen = amountFen * OrderStreamWorkload.POOL_SHARE_PERCENT / 100;
            out.clear();
            engine.execute(new SettleOrder("o" + i, AT, ids[i], amountFen, poolShareFen), out);
        }
        if (engine.holderCount() != holders) {
            throw new IllegalStateException(
                    "only " + engine.holderCount() + " of " + holders + " hold points before the subsidy");
        }
        this.subsidy = new InjectSubsidy("subsidy", AT, Math.multiplyExact(engine.poolCash(), SUBSIDY_TIMES_POOL_CASH));
    }

    /** Injects the subsidy: the command under test. */
    public void run(EngineOutput out) {
        engine.execute(subsidy, out);
    }

    /** The checks after {@link #run}: every holder exited, in this one command, and the books hold. */
    public List<String> verify(EngineOutput out) {
        List<String> failures = new ArrayList<>(engine.checkInvariants());
        long exits = 0;
        for (Event event : out.events()) {
            if (event.type() == EventType.PARTICIPANT_EXITED) {
                exits++;
            } else if (event.type() == EventType.COMMAND_REJECTED) {
                failures.add("the subsidy was rejected: " + event);
            }
        }
        if (exits != holders) {
            failures.add(exits + " exits, expected " + holders);
        }
        if (engine.holderCount() != 0 || engine.circulatingPoints() != 0) {
            failures.add(engine.holderCount() + " holders with " + engine.circulatingPoints() + " µpt remain");
        }
        for (Asset asset : Asset.values()) {
            if (engine.assetTotal(asset) != 0) {
                failures.add("assetTotal(" + asset + ") = " + engine.assetTotal(asset));
            }
        }
        return failures;
    }

    public Engine engine() {
        return engine;
    }
}
