package org.zengzhi.server.catalogue;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.TestDatabases;

/** The catalogue on the embedded default: H2 in file mode in a fresh directory. Every test is inherited. */
class H2CatalogueIT extends CatalogueTests {
    @TempDir
    Path data;

    @Override
    String[] database() {
        return TestDatabases.h2(data);
    }
}
