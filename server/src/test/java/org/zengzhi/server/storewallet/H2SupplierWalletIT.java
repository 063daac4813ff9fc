package org.zengzhi.server.storewallet;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.TestDatabases;

/** Supplier wallets on the embedded default: H2 in file mode in a fresh directory. Every test is inherited. */
class H2SupplierWalletIT extends SupplierWalletTests {
    @TempDir
    Path data;

    @Override
    String[] database() {
        return TestDatabases.h2(data);
    }
}
