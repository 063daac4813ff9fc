package org.zengzhi.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Posting;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;

/**
 * What commands produced: events in order and the ledger postings, kept in primitive arrays so the hot
 * path allocates nothing per posting. Reuse one instance with {@link #clear()} between batches.
 *
 * <p>The output also marks where each command's events and postings end, so a caller that ran a batch
 * (or several commands without clearing) can tell which events and postings belong to which command:
 * command {@code i} produced events {@code [eventsStart(i), eventsEnd(i))} and postings
 * {@code [postingsStart(i), postingsEnd(i))}.
 */
public final class EngineOutput {
    private static final int INITIAL_POSTINGS = 16;
    private static final int INITIAL_COMMANDS = 4;

    private final List<Event> events = new ArrayList<>();
    private final Consumer<Event> sink;
    /** Per event type, whether the sink takes it; null when it takes every event. */
    private final boolean[] types;
    /** Per reward status, whether the sink takes a {@link Event.RewardChanged} to it; null for every status. */
    private final boolean[] rewardStatuses;
    /** Where reward changes to its status are summed instead of passed on as events; null if none. */
    private final RewardTally rewardTally;
    /** Where mints are summed instead of passed on as events; null if none. */
    private final MintTally mintTally;
    private int eventCount;
    private AccountType[] postingTypes = new AccountType[INITIAL_POSTINGS];
    private String[] postingOwners = new String[INITIAL_POSTINGS];
    private long[] postingAmounts = new long[INITIAL_POSTINGS];
    private int postingCount;
    private int[] eventEnds = new int[INITIAL_COMMANDS];
    private int[] postingEnds = new int[INITIAL_COMMANDS];
    private int commandCount;

    /** An output that records events and postings. */
    public EngineOutput() {
        this(null, null, null, null, null);
    }

    private EngineOutput(Consumer<Event> sink, boolean[] types, boolean[] rewardStatuses, RewardTally rewardTally,
            MintTally mintTally) {
        this.sink = sink;
        this.types = types;
        this.rewardStatuses = rewardStatuses;
        this.rewardTally = rewardTally;
        this.mintTally = mintTally;
    }

    /**
     * An output that hands each event to {@code sink} as it happens and keeps neither events nor postings, for
     * callers that fold events into figures and read balances from the engine (the simulator). The engine
     * then skips resolving each posting's owner id, and events die young instead of piling up over a large
     * {@code Tick}. Balances move exactly as with a recording output; {@link #events()} stays empty and
     * {@link #postingCount()} 0, while {@link #eventsStart(int)} and {@link #eventsEnd(int)} still count the
     * events each command produced.
     */
    public static EngineOutput streaming(Consumer<Event> sink) {
        return new EngineOutput(Objects.requireNonNull(sink, "sink"), null, null, null, null);
    }

    /**
     * A {@link #streaming} output whose sink takes only events of {@code types}, and of the reward changes only
     * those to a status in {@code rewardStatuses}: the engine does not build the others at all, which on the
     * order flow is most of its events. Everything else is as with {@link #streaming(Consumer)}: balances and
     * state move the same, and the event counts ({@link #eventsStart(int)}, {@link #eventsEnd(int)}) still
     * include the events not built.
     */
    public static EngineOutput streaming(Consumer<Event> sink, Set<EventType> types, Set<RewardStatus> rewardStatuses) {
        return new EngineOutput(Objects.requireNonNull(sink, "sink"), flags(EventType.values().length, types),
                flags(RewardStatus.values().length, rewardStatuses), null, null);
    }

    /**
     * A {@link #streaming} output whose sink takes only events of {@code types} and no reward change: those to
     * {@code tally}'s status are summed into {@code tally} by kind and level ({@link RewardTally}), the others
     * are not built. Every reward change still counts as an event produced, as with the filtered output.
     */
    public static EngineOutput streaming(Consumer<Event> sink, Set<EventType> types, RewardTally tally) {
        return tallying(sink, types, Objects.requireNonNull(tally, "tally"), null);
    }

    /**
     * As {@link #streaming(Consumer, Set, RewardTally)}, and no {@link Event.PointsMinted} either: each mint is
     * summed into {@code mints} ({@link MintTally}) and still counts as an event produced.
     */
    public static EngineOutput streaming(Consumer<Event> sink, Set<EventType> types, RewardTally rewards,
            MintTally mints) {
        return tallying(sink, types, Objects.requireNonNull(rewards, "rewards"),
                Objects.requireNonNull(mints, "mints"));
    }

    /**
     * A filtered streaming output that sums reward changes into {@code rewards}, and mints into {@code mints}
     * unless it is null.
     */
    private static EngineOutput tallying(Consumer<Event> sink, Set<EventType> types, RewardTally rewards,
            MintTally mints) {
        boolean[] flags = flags(EventType.values().length, types);
        flags[EventType.REWARD_CHANGED.ordinal()] = false;
        if (mints != null) {
            flags[EventType.POINTS_MINTED.ordinal()] = false;
        }
        return new EngineOutput(Objects.requireNonNull(sink, "sink"), flags, new boolean[RewardStatus.values().length],
                rewards, mints);
    }

    private static <E extends Enum<E>> boolean[] flags(int size, Set<E> members) {
        boolean[] flags = new boolean[size];
        for (E member : members) {
            flags[member.ordinal()] = true;
        }
        return flags;
    }

    /** Whether an event of this type is to be built and passed to {@link #event}; if not, {@link #skip} counts it. */
    public boolean receives(EventType type) {
        return types == null || types[type.ordinal()];
    }

    /** Whether a {@link Event.RewardChanged} to {@code status} is to be built; if not, {@link #skip} counts it. */
    public boolean receivesReward(RewardStatus status) {
        return (types == null || types[EventType.REWARD_CHANGED.ordinal()])
                && (rewardStatuses == null || rewardStatuses[status.ordinal()]);
    }

    /**
     * The tally that sums reward changes to {@code status} instead of their events ({@link #tallyReward}), or
     * null when there is none for it.
     */
    public RewardTally rewardTally(RewardStatus status) {
        return rewardTally != null && rewardTally.status() == status ? rewardTally : null;
    }

    /** Adds a reward change to the tally of its status ({@link #rewardTally}) and counts its event as produced. */
    public void tallyReward(RewardTally tally, RewardKind kind, RegionLevel level, long amountFen, long nominalFen) {
        tally.add(kind, level, amountFen, nominalFen);
        skip(EventType.REWARD_CHANGED);
    }

    /** The tally that sums mints instead of their events ({@link #tallyMint}), or null when there is none. */
    public MintTally mintTally() {
        return mintTally;
    }

    /** Adds a mint to {@code tally} and counts its {@link Event.PointsMinted} as produced. */
    public void tallyMint(MintTally tally, long poolShareFen, long mintedMicro) {
        tally.add(poolShareFen, mintedMicro);
        skip(EventType.POINTS_MINTED);
    }

    /** Counts an event the sink does not take as produced, without building it. */
    public void skip(EventType type) {
        eventCount++;
    }

    /** Whether postings are kept (not for a {@link #streaming} output). */
    public boolean recordsPostings() {
        return sink == null;
    }

    public void clear() {
        events.clear();
        eventCount = 0;
        Arrays.fill(postingOwners, 0, postingCount, null);
        postingCount = 0;
        commandCount = 0;
    }

    /** Marks the end of one command's output: what was added since the previous mark is that command's. */
    void endCommand() {
        if (commandCount == eventEnds.length) {
            eventEnds = Arrays.copyOf(eventEnds, commandCount * 2);
            postingEnds = Arrays.copyOf(postingEnds, commandCount * 2);
        }
        eventEnds[commandCount] = eventCount;
        postingEnds[commandCount] = postingCount;
        commandCount++;
    }

    /** Commands executed into this output since it was created or last cleared. */
    public int commandCount() {
        return commandCount;
    }

    /** Index in {@link #events()} of the first event of command {@code command} (0 for the first command). */
    public int eventsStart(int command) {
        checkCommand(command);
        return command == 0 ? 0 : eventEnds[command - 1];
    }

    /** Index in {@link #events()} just after the last event of command {@code command}. */
    public int eventsEnd(int command) {
        checkCommand(command);
        return eventEnds[command];
    }

    /** Index of the first posting of command {@code command}. */
    public int postingsStart(int command) {
        checkCommand(command);
        return command == 0 ? 0 : postingEnds[command - 1];
    }

    /** Index just after the last posting of command {@code command}. */
    public int postingsEnd(int command) {
        checkCommand(command);
        return postingEnds[command];
    }

    private void checkCommand(int command) {
        if (command < 0 || command >= commandCount) {
            throw new IndexOutOfBoundsException("command " + command + " of " + commandCount);
        }
    }

    public void event(Event event) {
        eventCount++;
        if (sink == null) {
            events.add(event);
        } else if (takes(event)) {
            sink.accept(event);
        }
    }

    /** Whether the sink takes this event: the engine builds some events a filtered sink does not take (rare ones). */
    private boolean takes(Event event) {
        if (types == null) {
            return true;
        }
        EventType type = event.type();
        return type == EventType.REWARD_CHANGED ? receivesReward(((Event.RewardChanged) event).status())
                : types[type.ordinal()];
    }

    public void posting(AccountType type, String owner, long amount) {
        if (postingCount == postingTypes.length) {
            int capacity = postingCount * 2;
            postingTypes = Arrays.copyOf(postingTypes, capacity);
            postingOwners = Arrays.copyOf(postingOwners, capacity);
            postingAmounts = Arrays.copyOf(postingAmounts, capacity);
        }
        postingTypes[postingCount] = type;
        postingOwners[postingCount] = owner;
        postingAmounts[postingCount] = amount;
        postingCount++;
    }

    /** The events, in the order they happened. The list is live: copy it before {@link #clear()}. */
    public List<Event> events() {
        return events;
    }

    public int postingCount() {
        return postingCount;
    }

    public AccountType postingType(int index) {
        return postingTypes[index];
    }

    /** The owner's external id, or {@code null} for a system account. */
    public String postingOwner(int index) {
        return postingOwners[index];
    }

    public long postingAmount(int index) {
        return postingAmounts[index];
    }

    /** The postings as records, for callers off the hot path. */
    public List<Posting> postings() {
        List<Posting> postings = new ArrayList<>(postingCount);
        for (int i = 0; i < postingCount; i++) {
            postings.add(new Posting(postingTypes[i], postingOwners[i], postingAmounts[i]));
        }
        return postings;
    }

    /** Sum of the postings of one asset from {@code fromIndex} on: zero for every command (SPEC ). */
    public long postingSum(Asset asset, int fromIndex) {
        long sum = 0;
        for (int i = fromIndex; i < postingCount; i++) {
            if (postingTypes[i].asset() == asset) {
                sum += postingAmounts[i];
            }
        }
        return sum;
    }
}
