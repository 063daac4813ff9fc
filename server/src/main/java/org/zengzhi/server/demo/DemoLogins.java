package org.zengzhi.server.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zengzhi.engine.Command;
import org.zengzhi.server.account.Role;

/**
 * The logins a demo creates beside its population (issue 20, "each role is signed in as a new user would"): for
 * every role the demo's model has, one or two of the demo's own participants, read from its commands. A store owner
 * is the store's owner with the store as its merchant binding; an agent is a user an agent appointment names; a
 * promoter recruits stores, is appointed a promoter or has a credit score (four-party); a supplier's login
 * ({@code supplier-<id>}) is bound to its supplier as the operator's supplier registration binds it; the
 * consumers are those who invited most people, then paid most orders (a team and a history to look at).
 * Deterministic: the same commands give the same logins.
 */
public final class DemoLogins {
    public static final int PER_ROLE = 2;
    static final String SUPPLIER_PREFIX = "supplier-";

    /**
     * One demo login: {@code merchant} is the store a MERCHANT acts for, {@code supplier} the supplier a SUPPLIER
     * login is bound to (else null); {@code participant} is what the login is, the store, supplier or user id.
     */
    public record Login(String username, Role role, String merchant, String supplier, String participant) {
    }

    private DemoLogins() {
    }

    /** The demo's logins, by role in the order of {@link Role}, from the commands the demo journals. */
    public static List<Login> of(List<Command> commands) {
        Map<Role, List<Login>> byRole = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            byRole.put(role, new ArrayList<>());
        }
        Set<String> promoters = new LinkedHashSet<>();
        Set<String> staff = new LinkedHashSet<>();
        Map<String, Integer> invites = new HashMap<>();
        Map<String, Integer> orders = new HashMap<>();
        List<String> users = new ArrayList<>();
        for (Command command : commands) {
            if (command instanceof Command.OnboardMerchant m) {
                add(byRole, new Login(m.owner(), Role.MERCHANT, m.merchant(), null, m.merchant()));
                staff.add(m.owner());
                if (m.recruiter() != null) {
                    promoters.add(m.recruiter());
                }
            } else if (command instanceof Command.AppointAgent a) {
                add(byRole, new Login(a.user(), Role.AGENT, null, null, a.user()));
                staff.add(a.user());
            } else if (command instanceof Command.AppointPromoter p) {
                promoters.add(p.user());
            } else if (command instanceof Command.SetCreditScore s) {
                promoters.add(s.user());
            } else if (command instanceof Command.RegisterSupplier s) {
                add(byRole, new Login(SUPPLIER_PREFIX + s.supplier(), Role.SUPPLIER, null, s.supplier(), s.supplier()));
            } else if (command instanceof Command.RegisterUser r) {
                users.add(r.user());
                if (r.referrer() != null) {
                    invites.merge(r.referrer(), 1, Integer::sum);
                }
            } else if (command instanceof Command.PayOrder o) {
                orders.merge(o.user(), 1, Integer::sum);
            } else if (command instanceof Command.PayPartyOrder o) {
                orders.merge(o.user(), 1, Integer::sum);
            }
        }
        for (String promoter : promoters) {
            if (!staff.contains(promoter)) {
                add(byRole, new Login(promoter, Role.PROMOTER, null, null, promoter));
                staff.add(promoter);
            }
        }
        users.stream().filter(user -> !staff.contains(user) && orders.getOrDefault(user, 0) > 0)
                .sorted(Comparator.comparing((String user) -> -invites.getOrDefault(user, 0))
                        .thenComparing(user -> -orders.getOrDefault(user, 0)))
                .forEach(user -> add(byRole, new Login(user, Role.CONSUMER, null, null, user)));
        List<Login> logins = new ArrayList<>();
        byRole.values().forEach(logins::addAll);
        return logins;
    }

    private static void add(Map<Role, List<Login>> byRole, Login login) {
        List<Login> logins = byRole.get(login.role());
        boolean taken = byRole.values().stream().flatMap(List::stream)
                .anyMatch(other -> other.username().equals(login.username()));
        if (logins.size() < PER_ROLE && !taken) {
            logins.add(login);
        }
    }
}
