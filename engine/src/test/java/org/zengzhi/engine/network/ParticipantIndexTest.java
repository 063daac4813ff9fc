package org.zengzhi.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.pool.Holder;

/**
 * The external id → dense id table (ARCHITECTURE rule 8) with ids whose hash codes collide: "Aa" and "BB"
 * have the same String.hashCode, so every string of n such blocks shares one hash with 2ⁿ − 1 others.
 */
class ParticipantIndexTest {

    /** All 2^blocks strings made of "Aa"/"BB" blocks: one hash code for all of them. */
    static List<String> colliding(int blocks) {
        List<String> ids = new ArrayList<>();
        for (int mask = 0; mask < 1 << blocks; mask++) {
            StringBuilder id = new StringBuilder();
            for (int block = 0; block < blocks; block++) {
                id.append((mask >> block & 1) == 0 ? "Aa" : "BB");
            }
            ids.add(id.toString());
        }
        return ids;
    }

    /** Colliding ids interleaved with ordinary ones, and colliding groups of several lengths. */
    static List<String> manyIds() {
        List<String> ids = new ArrayList<>();
        List<String> collidingLong = colliding(10);
        for (int i = 0; i < collidingLong.size(); i++) {
            ids.add(collidingLong.get(i));
            ids.add("user-" + i);
        }
        ids.addAll(colliding(3));
        ids.addAll(colliding(1));
        return ids;
    }

    @Test
    void collidingIdsHaveOneHashCode() {
        assertThat(colliding(10).stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
        assertThat(colliding(10)).doesNotHaveDuplicates().hasSize(1024);
    }

    @Test
    void findsEveryIdAcrossGrowthFromTheSmallestTable() {
        List<String> all = manyIds();
        ParticipantIndex index = new ParticipantIndex(1);
        String[] ids = new String[1];
        for (int participant = 0; participant < all.size(); participant++) {
            String id = all.get(participant);
            assertThat(index.find(id, ids)).as("%s before it is added", id).isEqualTo(-1);
            if (participant == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[participant] = id;
            index.add(participant, ids, participant + 1);
            // After every power of two (each rehash) look everything up again, not only the newest id.
            if (Integer.bitCount(participant + 1) == 1 || participant == all.size() - 1) {
                for (int earlier = 0; earlier <= participant; earlier++) {
                    assertThat(index.find(all.get(earlier), ids)).as(all.get(earlier)).isEqualTo(earlier);
                }
            } else {
                assertThat(index.find(id, ids)).isEqualTo(participant);
            }
        }
        // Missing ids with the same hash as present ones, and a present id's prefix, are not found.
        assertThat(index.find("AaAaAaAaAaAaAaAaAaAaAa", ids)).isEqualTo(-1);
        assertThat(index.find("BBBBAa", ids.clone())).isEqualTo(all.indexOf("BBBBAa"));
        assertThat(index.find("user-", ids)).isEqualTo(-1);
    }

    /** Through the engine: more participants than its initial capacity, so every array grows too. */
    @Test
    void engineKeepsCollidingParticipantsApartAcrossGrowth() {
        List<String> all = manyIds();
        assertThat(all.size()).isGreaterThan(1024);
        Engine engine = new Engine(PoolRules.MALL);
        Instant at = Instant.EPOCH;
        for (int i = 0; i < all.size(); i++) {
            engine.execute(new Command.SettleOrder("o" + i, at, all.get(i), 1_000 + i, 0));
        }
        // A second order of the first participants must find them, not register them again.
        for (int i = 0; i < 8; i++) {
            engine.execute(new Command.SettleOrder("again" + i, at, all.get(i), 1, 0));
        }
        assertThat(engine.participantCount()).isEqualTo(all.size());
        List<Holder> holders = engine.holders();
        for (int i = 0; i < all.size(); i++) {
            long spend = 1_000 + i + (i < 8 ? 1 : 0);
            assertThat(holders.get(i).participant()).isEqualTo(all.get(i));
            assertThat(engine.holder(all.get(i)).cycleSpendFen()).as(all.get(i)).isEqualTo(spend);
        }
        assertThat(engine.holder("AaAaAaAaAaAaAaAaAaAaAa")).isNull();
        assertThat(engine.checkInvariants()).isEmpty();
    }
}
