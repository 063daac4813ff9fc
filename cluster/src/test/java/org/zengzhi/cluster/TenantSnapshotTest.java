package org.zengzhi.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.Engine;

/** A tenant's snapshot survives its record format and refuses bytes that do not match their hash. */
class TenantSnapshotTest {

    private static Engine engineAfter(int payments) {
        Engine engine = Payments.freshEngine();
        for (int i = 0; i < payments; i++) {
            engine.execute(Payments.payment("t", i));
        }
        return engine;
    }

    @Test
    void aSnapshotRecordRestoresTheSameState() {
        Engine engine = engineAfter(50);
        TenantSnapshot snapshot = TenantSnapshot.of("t", 49, engine);

        TenantSnapshot read = TenantSnapshot.decode("t", snapshot.encode());

        assertThat(read.offset()).isEqualTo(49);
        assertThat(read.stateHash()).isEqualTo(engine.stateHash());
        assertThat(read.restore().stateHash()).isEqualTo(engine.stateHash());
        assertThat(read.restore().poolCash()).isEqualTo(Payments.poolSharesFen(50));
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefused() {
        TenantSnapshot good = TenantSnapshot.of("t", 9, engineAfter(10));
        TenantSnapshot other = TenantSnapshot.of("t", 10, engineAfter(11));
        TenantSnapshot mixed = new TenantSnapshot("t", 9, good.stateHash(), other.state());

        assertThatThrownBy(mixed::restore).isInstanceOf(IllegalStateException.class).hasMessageContaining("offset 9");
    }

    @Test
    void anOutputIsWrittenOncePerTenantAndOffset() {
        MemoryOutputs outputs = new MemoryOutputs();

        assertThat(outputs.write("t", 7, "t-o7", List.of())).isTrue();
        assertThat(outputs.write("t", 7, "t-o7", List.of())).isFalse();
        assertThat(outputs.write("u", 7, "u-o7", List.of())).isTrue();

        assertThat(outputs.duplicates()).isEqualTo(1);
        assertThat(outputs.of("t")).containsOnlyKeys(7L);
        assertThatThrownBy(() -> outputs.write("t", 7, "t-o8", List.of())).isInstanceOf(IllegalStateException.class);
    }
}
