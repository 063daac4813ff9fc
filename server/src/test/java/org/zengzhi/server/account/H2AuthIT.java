package org.zengzhi.server.account;

import java.nio.file.Files;

import org.zengzhi.server.TestDatabases;

/** Sign-in, accounts and tokens on the embedded default: H2 in file mode in a fresh directory. */
class H2AuthIT extends AuthTests {
    @Override
    String[] database() throws Exception {
        return TestDatabases.h2(Files.createTempDirectory("zengzhi-auth-it"));
    }
}
