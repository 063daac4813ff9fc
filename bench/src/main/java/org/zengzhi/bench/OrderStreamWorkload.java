package org.zengzhi.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.CommandType;
import org.zengzhi.engine.Command.SellPoints;
import org.zengzhi.engine.Command.SettleOrder;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.EventType;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.PoolRules;

/**
 * The workload of {@link EngineBenchmark}, kept free of JMH so a unit test can run it at small scale: an
 * engine with {@code participants} participants who each settled one order, then a deterministic stream
 * of commands, about 90% {@link SettleOrder} by a random participant and 10% {@link SellPoints} of part
 * of a random holder's points.
 *
 * <p>The first 2% of participants buy once and hold (as many real members do): with k = 3 a holder exits
 * when the price reaches about 14 times their buy price, and only these early buyers bought cheaply enough
 * for the price to get there while the stream runs, so they are what makes exits happen throughout. The
 * others buy again every so often at the current price, which keeps their thresholds out of reach.
 *
 * <p>The workload keeps its own books from the engine's output alone: each participant's points from the
 * {@code USER_POINTS} postings, the cash paid in from accepted orders, exits and rejections from the
 * events. {@link #verify()} compares them with the engine's state, so a fast wrong answer fails.
 */
public final class OrderStreamWorkload {
    /** Orders between 10.00 and 2 000.00 CNY, in fen. */
    static final long AMOUNT_FEN_MIN = 1_000;
    static final long AMOUNT_FEN_MAX = 200_000;
    /** Pool share: 30% of the amount (the mall plan of seed 002: 300 of a 1 000 order). */
    static final long POOL_SHARE_PERCENT = 30;
    /** One command in ten is a sale. */
    static final int SELL_PER_MILLE = 100;
    /** Command ids and timestamps come from rings of pre-built values, so the stream allocates no strings. */
    private static final int RING_SIZE = 1 << 16;
    private static final int HOLDER_PROBES_MAX = 8;
    /** Participants below this share (in per mille) of the population buy once and then only hold. */
    static final int DORMANT_PER_MILLE = 20;
    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private final int participantCount;
    private final int dormantCount;
    private final Engine engine;
    private final EngineOutput out = new EngineOutput();
    private final String[] ids;
    private final long[] heldMicro;
    private final String[] commandIds = new String[RING_SIZE];
    private final Instant[] instants = new Instant[RING_SIZE];
    private final SplittableRandom random;
    private long sequence;
    /** The drawn commands of the current batch (place 0 alone when run one by one). */
    private int[] drawnParticipants = new int[1];
    private long[] drawnAmounts = new long[1];
    private boolean[] drawnSales = new boolean[1];
    private Command[] batch = new Command[0];
    private List<Command> batchView = List.of();
    private int batchCursor;
    /** What building a batch read from the books, kept so those reads are not optimized away. */
    private long booksRead;

    /** Counters over the whole life of the workload. */
    private long commands;
    private long settles;
    private long sells;
    private long rejections;
    private long exits;
    private long paidInFen;

    public OrderStreamWorkload(int participantCount, long seed) {
        this.participantCount = participantCount;
        this.dormantCount = (int) ((long) participantCount * DORMANT_PER_MILLE / 1000);
        this.engine = new Engine(PoolRules.MALL, participantCount);
        this.ids = participantIds(participantCount);
        this.heldMicro = new long[participantCount];
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < RING_SIZE; i++) {
            commandIds[i] = "c" + i;
            instants[i] = EPOCH.plusMillis(i);
        }
        for (int participant = 0; participant < participantCount; participant++) {
            out.clear();
            drawnParticipants[0] = participant;
            drawnAmounts[0] = random.nextLong(AMOUNT_FEN_MIN, AMOUNT_FEN_MAX + 1);
            drawnSales[0] = false;
            Command command = build(0);
            engine.execute(command, out);
            record(command, participant, 0);
        }
        out.clear();
    }

    /** "u0000001" … "u1000000": eight characters, like a short member number. */
    static String[] participantIds(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = String.format("u%07d", i + 1);
        }
        return ids;
    }

    /** Runs the next command of the stream and returns its output (live until the next call). */
    public EngineOutput next() {
        out.clear();
        draw(0);
        Command command = build(0);
        engine.execute(command, out);
        record(command, drawnParticipants[0], 0);
        return out;
    }

    /**
     * The same stream, run through {@link Engine#execute(List, EngineOutput)} in batches of {@code batchSize}
     * commands (1: {@link #next()}). Each call stands for one command: every {@code batchSize}-th call builds
     * and runs the next batch, the others only step through it. The output is the whole batch's. A sale's
     * quantity comes from the books as they were before its batch, so a participant who sells twice in one
     * batch, or exits before selling, may be refused; such rejections are counted like any other.
     */
    public EngineOutput next(int batchSize) {
        if (batchSize <= 1) {
            return next();
        }
        if (batchCursor == batch.length || batch.length != batchSize) {
            runBatch(batchSize);
        }
        batchCursor++;
        return out;
    }

    /**
     * Draws the whole batch first (the same random draws, in the same order, as one by one), then builds the
     * commands in a loop of its own: there the reads of the participants' ids and books do not wait for each
     * other, as the engine's read-ahead does with its own state.
     */
    private void runBatch(int batchSize) {
        if (batch.length != batchSize) {
            batch = new Command[batchSize];
            batchView = Arrays.asList(batch);
            drawnParticipants = new int[batchSize];
            drawnAmounts = new long[batchSize];
            drawnSales = new boolean[batchSize];
        }
        out.clear();
        for (int k = 0; k < batchSize; k++) {
            draw(k);
        }
        long books = 0;
        for (int k = 0; k < batchSize; k++) {
            batch[k] = build(k);
            books += heldMicro[drawnParticipants[k]];
        }
        booksRead += books;
        engine.execute(batchView, out);
        for (int k = 0; k < batchSize; k++) {
            record(batch[k], drawnParticipants[k], k);
        }
        batchCursor = 0;
    }

    /** Draws the next command of the stream into place {@code k}: participant, sale or order, quantity. */
    private void draw(int k) {
        int participant = random.nextInt(dormantCount, participantCount);
        if (random.nextInt(1000) < SELL_PER_MILLE) {
            for (int probe = 0; probe < HOLDER_PROBES_MAX && heldMicro[participant] == 0; probe++) {
                participant = participant + 1 == participantCount ? dormantCount : participant + 1;
            }
            long held = heldMicro[participant];
            // Between a tenth and a half of what the holder has; a non-holder asks for one point and is refused.
            drawnAmounts[k] = held == 0 ? 1_000_000 : Math.max(1, held / 10 + random.nextLong(held * 4 / 10 + 1));
            drawnSales[k] = true;
        } else {
            drawnAmounts[k] = random.nextLong(AMOUNT_FEN_MIN, AMOUNT_FEN_MAX + 1);
            drawnSales[k] = false;
        }
        drawnParticipants[k] = participant;
    }

    /** The command drawn into place {@code k}. */
    private Command build(int k) {
        int slot = (int) (sequence++ & (RING_SIZE - 1));
        String participant = ids[drawnParticipants[k]];
        long amount = drawnAmounts[k];
        return drawnSales[k] ? new SellPoints(commandIds[slot], instants[slot], participant, amount)
                : new SettleOrder(commandIds[slot], instants[slot], participant, amount,
                        amount * POOL_SHARE_PERCENT / 100);
    }

    /** Books the output of command {@code k} of {@code out}: holdings from its postings, counters from its events. */
    private void record(Command command, int participant, int k) {
        commands++;
        String sentId = ids[participant];
        for (int i = out.postingsStart(k), n = out.postingsEnd(k); i < n; i++) {
            if (out.postingType(i) == AccountType.USER_POINTS) {
                String owner = out.postingOwner(i);
                int index = owner == sentId ? participant : indexOf(owner);
                heldMicro[index] += out.postingAmount(i);
            }
        }
        List<Event> events = out.events();
        boolean accepted = true;
        for (int i = out.eventsStart(k), n = out.eventsEnd(k); i < n; i++) {
            EventType type = events.get(i).type();
            if (type == EventType.PARTICIPANT_EXITED) {
                exits++;
            } else if (type == EventType.COMMAND_REJECTED) {
                rejections++;
                accepted = false;
            }
        }
        if (command.type() == CommandType.SETTLE_ORDER) {
            settles++;
            if (accepted) {
                paidInFen += ((SettleOrder) command).amountFen();
            }
        } else {
            sells++;
        }
    }

    /** The dense index of an id "u0000001": its number minus one. */
    private static int indexOf(String id) {
        int number = 0;
        for (int i = 1; i < id.length(); i++) {
            number = number * 10 + (id.charAt(i) - '0');
        }
        return number - 1;
    }

    /**
     * Every check, in full: the engine's invariants, zero-sum books for every asset, and the workload's
     * own books (holdings from postings, cash paid in) equal to the engine's. Returns the failures.
     */
    public List<String> verify() {
        List<String> failures = new ArrayList<>(engine.checkInvariants());
        for (Asset asset : Asset.values()) {
            long total = engine.assetTotal(asset);
            if (total != 0) {
                failures.add("assetTotal(" + asset + ") = " + total + ", not 0");
            }
        }
        long paidIn = -engine.balance(AccountType.EXTERNAL_PAYMENTS, null);
        if (paidIn != paidInFen) {
            failures.add("external payments " + paidIn + " fen differ from accepted orders " + paidInFen + " fen");
        }
        long heldTotal = 0;
        int mismatches = 0;
        for (int participant = 0; participant < participantCount; participant++) {
            heldTotal += heldMicro[participant];
            Holder holder = engine.holder(ids[participant]);
            if (holder == null || holder.pointsMicro() != heldMicro[participant]) {
                if (mismatches++ < 5) {
                    failures.add(ids[participant] + " holds " + (holder == null ? "nothing" : holder.pointsMicro())
                            + " µpt in the engine but " + heldMicro[participant] + " by the postings");
                }
            }
        }
        if (heldTotal != engine.circulatingPoints()) {
            failures.add("holdings from postings sum to " + heldTotal + ", circulating points are "
                    + engine.circulatingPoints());
        }
        if (engine.participantCount() != participantCount) {
            failures.add(engine.participantCount() + " participants, expected " + participantCount);
        }
        return failures;
    }

    /** Spoils the workload's own books by one micro-point, to prove {@link #verify()} notices. */
    void corruptForTest() {
        heldMicro[0]++;
    }

    public Engine engine() {
        return engine;
    }

    public long commands() {
        return commands;
    }

    public long settles() {
        return settles;
    }

    public long sells() {
        return sells;
    }

    public long rejections() {
        return rejections;
    }

    public long exits() {
        return exits;
    }

    public String summary() {
        return String.format("commands %,d (settles %,d, sells %,d), rejections %,d, exits %,d, holders %,d, price %s",
                commands, settles, sells, rejections, exits, engine.holderCount(), engine.price());
    }
}
