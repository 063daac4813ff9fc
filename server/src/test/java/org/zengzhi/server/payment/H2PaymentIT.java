package org.zengzhi.server.payment;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Payments on the embedded default: H2 in file mode in a fresh directory. */
class H2PaymentIT extends PaymentTests {
    @TempDir
    Path data;

    @Override
    String[] database() {
        return new String[] {"zengzhi.data-dir=" + data};
    }

    @Test
    void sandboxCallbackMarksTheOrderPaid() throws Exception {
        theSandboxCallbackMarksTheOrderPaid();
    }

    @Test
    void createIsIdempotent() throws Exception {
        retriesOfTheCreateCallAreIdempotent();
    }

    @Test
    void refusedCallbacks() throws Exception {
        tamperedStaleAndReplayedCallbacksAreRefused();
    }

    @Test
    void concurrentCallbacks() throws Exception {
        concurrentDuplicateCallbacksHaveOneEffect();
    }

    @Test
    void engineRejection() throws Exception {
        anOrderTheEngineRejectsLeavesThePaymentFailed();
    }

    @Test
    void badInput() throws Exception {
        badInputNamesTheFieldAndChangesNothing();
    }

    @Test
    void restart() throws Exception {
        paymentsAndTheGeneratedSecretSurviveARestart();
    }
}
