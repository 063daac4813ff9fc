package org.zengzhi.server.green;

import org.junit.jupiter.api.BeforeAll;

/** {@link GreenApiTests} on H2, the embedded default. */
class GreenApiIT extends GreenApiTests {
    @BeforeAll
    static void startOnH2() throws Exception {
        start();
    }
}
