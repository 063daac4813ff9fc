package org.zengzhi.server;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test on the embedded default, H2 in file mode in a fresh directory: what {@code bin/zengzhi serve}
 * runs. The server holds the database file's lock, so the test checks through the API only.
 */
class H2CrashRecoveryIT extends CrashRecoveryTests {
    @TempDir
    Path data;

    @Override
    List<String> database() {
        return List.of(TestDatabases.h2(data));
    }
}
