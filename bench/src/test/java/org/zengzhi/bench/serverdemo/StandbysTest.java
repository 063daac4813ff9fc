package org.zengzhi.bench.serverdemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * Issue 21 deliver 4 (warm standby): what the server-node demo says of the nodes' standbys — per node, its standbys
 * against the tenants the others serve, and how many of the killed node's tenants a survivor stood by for (the
 * killed node's own standbys do not count).
 */
class StandbysTest {
    private static final Map<Integer, Standbys.Held> HELD = new TreeMap<>(Map.of(
            1, new Standbys.Held(Set.of("t01", "t04"), Set.of("t02", "t03", "t05")),
            2, new Standbys.Held(Set.of("t02", "t05"), Set.of("t01")),
            3, new Standbys.Held(Set.of("t03"), Set.of("t01", "t02", "t04", "t05"))));

    @Test
    void eachNodeCountsItsStandbysAgainstTheTenantsTheOthersServe() {
        assertThat(Standbys.summary(HELD, 5)).isEqualTo("node-1 3/3, node-2 1/3, node-3 4/4");
    }

    @Test
    void aKilledNodesTenantIsCoveredOnlyByASurvivorsStandby() {
        // Node 3 dies serving t03: node 1 stands by for it.
        assertThat(Standbys.covered(HELD, 3, List.of("t03"))).isEqualTo(1);
        // Node 2 dies serving t02 and t05: node 1 stands by for both; node 3's standbys count too.
        assertThat(Standbys.covered(HELD, 2, List.of("t02", "t05"))).isEqualTo(2);
        // Node 1 dies serving t01 and t04: t01 has standbys on 2 and 3, t04 only on 3.
        assertThat(Standbys.covered(HELD, 1, List.of("t01", "t04"))).isEqualTo(2);
        // A standby on the killed node itself is no cover.
        assertThat(Standbys.covered(Map.of(1, new Standbys.Held(Set.of(), Set.of("t09"))), 1, List.of("t09"))).isZero();
    }
}
