package org.zengzhi.server.operator;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * The {@code rewards} read model (one row per reward of an order, its status moved by settlement, refund and
 * claw-back) and the {@code exits} read model (one row per forced exit). Written inside the journal's
 * transaction, like {@link org.zengzhi.server.order.OrderReadModel}.
 *
 * <p>A reward is named by its order and its place in the order's rewards: the engine emits an order's rewards in
 * the same order at payment, settlement, refund and claw-back, each run within one command, so counting the
 * order's reward events within the command gives the place.
 */
public final class RewardReadModel implements ReadModel {
    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> computed = new ArrayList<>();
        List<Object[]> changed = new ArrayList<>();
        List<Object[]> exits = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Timestamp at = Timestamp.from(applied.command().at());
            Map<String, Integer> places = new HashMap<>();
            List<Event> events = applied.events();
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                switch (event.type()) {
                    case REWARD_CHANGED -> {
                        Event.RewardChanged change = (Event.RewardChanged) event;
                        int place = places.merge(change.order(), 1, Integer::sum) - 1;
                        rewardRow(change, place, at, applied.seq(), computed, changed);
                    }
                    case PARTICIPANT_EXITED -> {
                        Event.ParticipantExited exit = (Event.ParticipantExited) event;
                        exits.add(new Object[] {applied.seq(), i, exit.participant(), exit.pointsMicro(), exit.grossFen(),
                            exit.payoutFen(), exit.cycleSpendFen(), at});
                    }
                    default -> {
                    }
                }
            }
        }
        insert.rows("rewards", List.of("order_id", "reward_index", "kind", "recipient", "agent_level", "region", "nominal",
                "amount", "clawed_back", "status", "changed_at", "command_seq"), computed);
        jdbc.batchUpdate("UPDATE rewards SET status = ?, clawed_back = ?, changed_at = ? WHERE order_id = ? "
                + "AND reward_index = ?", changed);
        insert.rows("exits", List.of("command_seq", "event_index", "participant", "points", "gross", "payout", "cycle_spend",
                "exited_at"), exits);
    }

    /** A reward computed at payment becomes a row; any later status is an update of that row. */
    private static void rewardRow(Event.RewardChanged change, int place, Timestamp at, long seq, List<Object[]> computed,
            List<Object[]> changed) {
        Reward reward = change.reward();
        if (change.status() == RewardStatus.PENDING) {
            computed.add(new Object[] {change.order(), place, reward.kind().name(), reward.recipient(),
                reward.level() == null ? null : reward.level().name(), reward.region(), reward.nominalFen(),
                reward.amountFen(), 0L, "PENDING", at, seq});
        } else {
            long clawedBack = change.status() == RewardStatus.CLAWED_BACK ? reward.amountFen() : 0;
            changed.add(new Object[] {change.status().name(), clawedBack, at, change.order(), place});
        }
    }
}
