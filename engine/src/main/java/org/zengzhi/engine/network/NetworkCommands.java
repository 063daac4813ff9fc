package org.zengzhi.engine.network;

import java.util.List;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Command.AppointAgent;
import org.zengzhi.engine.Command.OnboardMerchant;
import org.zengzhi.engine.Command.ReassignReferrer;
import org.zengzhi.engine.Command.RegisterUser;
import org.zengzhi.engine.Command.RemoveAgent;
import org.zengzhi.engine.Command.SuspendMerchant;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Event.CommandRejected;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Problem;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.plan.Plan;

/**
 * Who is connected to whom: registrations with referrers, merchants with
 * their owners and recruiters, regional agents, and the operator's reassignments and suspensions. The
 * state they change is the {@link Network}'s; each handler returns false when it rejects the command.
 */
public final class NetworkCommands {
    private final Network network;
    private final Ledger ledger;
    private final Participants participants;
    private final Merchants merchants;

    public NetworkCommands(Network network, Ledger ledger) {
        this.network = network;
        this.ledger = ledger;
        this.participants = network.participants();
        this.merchants = network.merchants();
    }

    public boolean register(RegisterUser command, EngineOutput out) {
        RejectionCode code = network.participantProblem(command.user());
        String field = "user";
        if (code == null && participants.find(command.user()) >= 0) {
            code = RejectionCode.ALREADY_REGISTERED;
        } else if (code == null && command.referrer() != null && participants.find(command.referrer()) < 0) {
            code = RejectionCode.UNKNOWN_REFERRER;
            field = "referrer";
        }
        if (reject(command, code, field, out)) {
            return false;
        }
        int user = network.findOrRegister(command.user());
        if (command.referrer() != null) {
            participants.bindReferrer(user, participants.find(command.referrer()), -1);
        }
        out.event(new Event.UserRegistered(command.id(), command.user(), command.referrer()));
        return true;
    }

    public boolean onboard(OnboardMerchant command, EngineOutput out) {
        Problem problem = merchantProblem(command);
        if (problem != null) {
            reject(command, problem.code(), problem.field(), out);
            return false;
        }
        long rate = command.commissionPpm() < 0 ? network.plan().store().defaultCommissionPpm() : command.commissionPpm();
        int owner = network.findOrRegister(command.owner());
        int recruiter = command.recruiter() == null ? -1 : network.findOrRegister(command.recruiter());
        network.addMerchant(new Merchants.Merchant(command.merchant(), owner, recruiter, command.region(), rate));
        out.event(new Event.MerchantOnboarded(command.id(), command.merchant(), command.owner(), command.recruiter(),
                command.region(), rate));
        return true;
    }

    private Problem merchantProblem(OnboardMerchant command) {
        String id = command.merchant();
        if (id == null || id.isEmpty() || id.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return new Problem(RejectionCode.INVALID_MERCHANT_ID, "merchant");
        }
        if (merchants.find(id) >= 0) {
            return new Problem(RejectionCode.MERCHANT_EXISTS, "merchant");
        }
        RejectionCode owner = network.participantProblem(command.owner());
        if (owner != null) {
            return new Problem(owner, "owner");
        }
        if (command.recruiter() != null && network.participantProblem(command.recruiter()) != null) {
            return new Problem(network.participantProblem(command.recruiter()), "recruiter");
        }
        if (command.region() == null || network.regions().path(command.region()).isEmpty()) {
            return new Problem(RejectionCode.UNKNOWN_REGION, "region");
        }
        Plan.StoreSplit store = network.plan().store();
        long rate = command.commissionPpm();
        if (rate >= 0 && (rate < store.minCommissionPpm() || rate > store.maxCommissionPpm())) {
            return new Problem(RejectionCode.COMMISSION_OUT_OF_RANGE, "commissionRate");
        }
        return null;
    }

    public boolean suspend(SuspendMerchant command, EngineOutput out) {
        int merchant = command.merchant() == null ? -1 : merchants.find(command.merchant());
        if (reject(command, merchant < 0 ? RejectionCode.UNKNOWN_MERCHANT : reasonProblem(command.reason()),
                merchant < 0 ? "merchant" : "reason", out)) {
            return false;
        }
        merchants.get(merchant).suspended = command.suspended();
        out.event(new Event.MerchantSuspended(command.id(), command.merchant(), command.suspended(), command.reason()));
        return true;
    }

    public boolean appoint(AppointAgent command, EngineOutput out) {
        List<RegionDirectory.RegionRef> path = command.region() == null ? List.of()
                : network.regions().path(command.region());
        RejectionCode code = network.participantProblem(command.user());
        String field = "user";
        if (code == null && path.isEmpty()) {
            code = RejectionCode.UNKNOWN_REGION;
            field = "region";
        } else if (code == null && network.agentOf(command.region()) >= 0) {
            code = RejectionCode.REGION_TAKEN;
            field = "region";
        }
        if (reject(command, code, field, out)) {
            return false;
        }
        network.setAgent(command.region(), network.findOrRegister(command.user()));
        out.event(new Event.AgentAppointed(command.id(), command.user(), command.region(), path.get(0).level()));
        return true;
    }

    public boolean remove(RemoveAgent command, EngineOutput out) {
        int agent = command.region() == null ? -1 : network.agentOf(command.region());
        if (reject(command, agent < 0 ? RejectionCode.NO_AGENT : null, "region", out)) {
            return false;
        }
        network.setAgent(command.region(), -1);
        out.event(new Event.AgentRemoved(command.id(), participants.id(agent), command.region()));
        return true;
    }

    public boolean reassign(ReassignReferrer command, EngineOutput out) {
        int user = command.user() == null ? -1 : participants.find(command.user());
        int referrer = command.referrer() == null ? -1 : participants.find(command.referrer());
        RejectionCode code = null;
        String field = null;
        if (user < 0) {
            code = RejectionCode.UNKNOWN_PARTICIPANT;
            field = "user";
        } else if (referrer < 0) {
            code = RejectionCode.UNKNOWN_REFERRER;
            field = "referrer";
        } else if (participants.isAncestor(user, referrer)) {
            code = RejectionCode.REFERRAL_CYCLE;
            field = "referrer";
        } else if (reasonProblem(command.reason()) != null) {
            code = RejectionCode.REASON_REQUIRED;
            field = "reason";
        }
        if (reject(command, code, field, out)) {
            return false;
        }
        int previous = participants.referrer(user);
        participants.bindReferrer(user, referrer, -1);
        out.event(new Event.ReferrerReassigned(command.id(), command.user(),
                previous < 0 ? null : participants.id(previous), command.referrer(), command.reason()));
        return true;
    }

    /** A bonus from the platform's own funds (PLATFORM_BONUSES) into a known user's cash wallet. */
    public boolean grantBonus(Command.GrantBonus command, EngineOutput out) {
        int user = command.user() == null ? -1 : participants.find(command.user());
        RejectionCode code = null;
        String field = "amount";
        if (command.amountFen() <= 0) {
            code = RejectionCode.NON_POSITIVE_AMOUNT;
        } else if (command.amountFen() > Limits.AMOUNT_FEN_MAX) {
            code = RejectionCode.AMOUNT_TOO_LARGE;
        } else if (user < 0) {
            code = RejectionCode.UNKNOWN_PARTICIPANT;
            field = "user";
        } else if (reasonProblem(command.reason()) != null) {
            code = RejectionCode.REASON_REQUIRED;
            field = "reason";
        }
        if (reject(command, code, field, out)) {
            return false;
        }
        ledger.transfer(AccountType.PLATFORM_BONUSES, 0, AccountType.USER_CASH, user, command.amountFen(), out,
                network.ownerIds());
        out.event(new Event.BonusGranted(command.id(), command.user(), command.amountFen(), command.reason()));
        return true;
    }

    private static RejectionCode reasonProblem(String reason) {
        return reason == null || reason.isBlank() ? RejectionCode.REASON_REQUIRED : null;
    }

    private static boolean reject(Command command, RejectionCode code, String field, EngineOutput out) {
        if (code == null) {
            return false;
        }
        out.event(new CommandRejected(command.id(), code, field));
        return true;
    }
}
