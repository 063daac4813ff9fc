package org.zengzhi.server.console;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's checks of each model's demo (local life, green points, four-party) in one class, so that each demo is
 * booted once for all of them ({@link DemoServers}) rather than once per check: the English pass reads every page
 * first; the sign-in checks come after it, since they add an operator account, and end with a restart of the local
 * life demo; the four-party operator's journey comes last, since it decides the demo's held orders.
 */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class DemoEconomiesIT {
    @TempDir
    static Path temp;
    static DemoServers demos;

    @BeforeAll
    static void start() {
        demos = new DemoServers(temp);
    }

    @AfterAll
    static void stop() {
        demos.close();
    }

    @Nested
    @Order(1)
    class EnglishPass extends EnglishPassTests {
        @Override
        DemoServers demos() {
            return demos;
        }
    }

    @Nested
    @Order(2)
    class Logins extends DemoLoginTests {
        @Override
        DemoServers demos() {
            return demos;
        }
    }

    @Nested
    @Order(3)
    class PartyOperator extends PartyOperatorTests {
        @Override
        DemoServers demos() {
            return demos;
        }
    }
}
