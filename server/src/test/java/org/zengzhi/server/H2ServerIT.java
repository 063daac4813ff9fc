package org.zengzhi.server;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** The server on the embedded default: H2 in file mode in a fresh directory. Every test is inherited. */
class H2ServerIT extends ServerRecoveryTests {
    @TempDir
    Path data;

    @Override
    String[] database() {
        return TestDatabases.h2(data);
    }
}
