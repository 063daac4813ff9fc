package org.zengzhi.server.demo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.server.account.PasswordPolicy;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.journal.ReadModelWrite;

/**
 * The rows of the demo's logins, written in the transaction that journals the demo population: an account per
 * login (the MERCHANT's with its store binding) and, for a supplier, its binding in {@code supplier_accounts} as
 * the operator's supplier registration writes it. Each only if not there yet: a failed insert would fail the batch.
 */
final class DemoLoginWrites {
    private DemoLoginWrites() {
    }

    /** Null when {@code password} is acceptable for every login (the standard policy), else why not. */
    static String refusal(List<DemoLogins.Login> logins, String password) {
        for (DemoLogins.Login login : logins) {
            String refusal = PasswordPolicy.standard().refusal(login.username(), password);
            if (refusal != null) {
                return "zengzhi.demo-password for " + login.username() + ": " + refusal;
            }
        }
        return null;
    }

    static List<ReadModelWrite> of(List<DemoLogins.Login> logins, String passwordHash, Instant at) {
        List<ReadModelWrite> writes = new ArrayList<>();
        Timestamp created = Timestamp.from(at);
        for (DemoLogins.Login login : logins) {
            // A store binding only for a store owner: a NULL literal otherwise, so no parameter is of unknown type.
            List<Object> account = new ArrayList<>(List.of(login.username(), passwordHash, login.role().name()));
            if (login.merchant() != null) {
                account.add(login.merchant());
            }
            account.addAll(List.of(created, login.username()));
            writes.add(new ReadModelWrite("INSERT INTO accounts (username, password_hash, role, merchant, created_at) "
                    + "SELECT ?, ?, ?, " + (login.merchant() == null ? "NULL" : "?") + ", ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM accounts WHERE username = ?)", account));
            if (login.supplier() != null) {
                writes.add(new ReadModelWrite("INSERT INTO supplier_accounts (username, supplier) SELECT ?, ? WHERE "
                        + "EXISTS (SELECT 1 FROM accounts WHERE username = ? AND role = ?) AND NOT EXISTS "
                        + "(SELECT 1 FROM supplier_accounts WHERE username = ? OR supplier = ?)",
                        List.of(login.username(), login.supplier(), login.username(), Role.SUPPLIER.name(),
                                login.username(), login.supplier())));
            }
        }
        return writes;
    }
}
