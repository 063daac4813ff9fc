package org.zengzhi.server;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on its embedded default: H2 in file mode in a fresh directory. */
class H2ServerIT extends ServerRecoveryTests {
    @TempDir
    Path data;

    @Override
    String[] database() {
        return new String[] {"zengzhi.data-dir=" + data};
    }

    @Test
    void stateSurvivesRestart() throws Exception {
        stateSurvivesRestartWithTheSameHash();
    }

    @Test
    void idempotency() throws Exception {
        retriesReturnTheFirstResponseAndConcurrentDuplicatesHaveOneEffect();
    }

    @Test
    void badInput() throws Exception {
        badInputNamesTheFieldAndChangesNothing();
    }

    @Test
    void batchImport() throws Exception {
        batchImportAppliesEachOrderOnceAndRetriesReturnTheFirstResponse();
    }
}
