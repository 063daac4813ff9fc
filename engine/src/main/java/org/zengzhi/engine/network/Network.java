package org.zengzhi.engine.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Ledger;
import org.zengzhi.engine.plan.Plan;

/**
 * The network model's state: participants with their dense ids, merchants, regional
 * agents and the region table. Other models find and register participants here, and read referrers,
 * merchants, agents and tiers through its methods; {@link NetworkCommands} changes it.
 */
public final class Network {
    /** Merchants the ledger has room for at first; the room doubles as merchants are added. */
    public static final int MERCHANT_CAPACITY_MIN = 64;

    private final RegionDirectory regions;
    private final Ledger ledger;
    private final Participants participants;
    private final Merchants merchants = new Merchants();
    private final Map<String, Integer> agents = new HashMap<>();
    private final Ledger.OwnerIds ownerIds = this::ownerId;
    private int agentsVersion;
    private int merchantCapacity = MERCHANT_CAPACITY_MIN;
    private Plan plan;
    private IntConsumer grown = capacity -> { };

    public Network(Plan plan, RegionDirectory regions, Ledger ledger, int capacity) {
        this.plan = plan;
        this.regions = regions;
        this.ledger = ledger;
        this.participants = new Participants(capacity);
    }

    /** Who else keeps per-participant arrays (the pool's exit index) and must grow with the participants. */
    public void onGrowth(IntConsumer listener) {
        grown = listener;
    }

    public void usePlan(Plan newPlan) {
        plan = newPlan;
    }

    public Plan plan() {
        return plan;
    }

    public RejectionCode participantProblem(String id) {
        if (id == null || id.isEmpty() || id.length() > Limits.PARTICIPANT_ID_LENGTH_MAX) {
            return RejectionCode.INVALID_PARTICIPANT_ID;
        }
        if (participants.count() >= Limits.PARTICIPANTS_MAX && participants.find(id) < 0) {
            return RejectionCode.PARTICIPANT_LIMIT_REACHED;
        }
        return null;
    }

    public int findOrRegister(String id) {
        int participant = participants.find(id);
        if (participant >= 0) {
            return participant;
        }
        if (participants.count() == participants.capacity()) {
            grow();
        }
        return participants.register(id);
    }

    private void grow() {
        long wanted = (long) participants.capacity() + (participants.capacity() >> 1);
        int capacity = (int) Math.min(wanted, Limits.PARTICIPANTS_MAX);
        participants.growTo(capacity);
        ledger.growParticipants(capacity);
        grown.accept(capacity);
    }

    /** Registers a participant while restoring a snapshot; balances are restored separately. */
    public int restoreParticipant(String id, long spendFen, long realizedFen, int exits, long paidFen) {
        if (participants.count() == participants.capacity()) {
            grow();
        }
        participants.restore(id, spendFen, realizedFen, exits, paidFen);
        return participants.count() - 1;
    }

    /** The owner ids the ledger writes on postings: a participant's or a merchant's external id. */
    public Ledger.OwnerIds ownerIds() {
        return ownerIds;
    }

    private String ownerId(AccountType type, int owner) {
        if (type.perParticipant()) {
            return participants.id(owner);
        }
        return type.perMerchant() ? merchants.get(owner).id : null;
    }

    /** The external id of a participant, or null for −1. */
    public String externalId(int participant) {
        return participant < 0 ? null : participants.id(participant);
    }

    /** Adds a merchant and makes room for it in the ledger; returns its dense id. */
    public int addMerchant(Merchants.Merchant merchant) {
        int id = merchants.add(merchant);
        if (id >= merchantCapacity) {
            merchantCapacity *= 2;
            ledger.growMerchants(merchantCapacity);
        }
        return id;
    }

    /** Changes whenever an agent is appointed or removed, so a cache of {@link #agentOf} knows it is stale. */
    public int agentsVersion() {
        return agentsVersion;
    }

    /** The active agent of a region, or −1. */
    public int agentOf(String region) {
        Integer agent = agents.get(region);
        return agent == null ? -1 : agent;
    }

    public void setAgent(String region, int participant) {
        agentsVersion++;
        if (participant < 0) {
            agents.remove(region);
        } else {
            agents.put(region, participant);
        }
    }

    /** The highest tier whose spend and invitee thresholds the participant meets, or null. */
    public Plan.Tier tierOf(int participant) {
        Plan.Tier reached = null;
        List<Plan.Tier> tiers = plan.tiers();
        // By index: the for-each iterator was allocated on every payment (twice), even with no tiers.
        for (int i = 0; i < tiers.size(); i++) {
            Plan.Tier tier = tiers.get(i);
            if (participants.settledSpend(participant) >= tier.minSpendFen()
                    && participants.invitees(participant) >= tier.minInvitees()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** The direct reward rate a referrer earns: their tier's, if it sets one, else the plan's. */
    public long directRate(int referrer) {
        Plan.Tier tier = referrer < 0 ? null : tierOf(referrer);
        return tier != null && tier.directPpm() >= 0 ? tier.directPpm() : plan.referral().directPpm();
    }

    public long indirectRate(int referrer) {
        Plan.Tier tier = referrer < 0 ? null : tierOf(referrer);
        return tier != null && tier.indirectPpm() >= 0 ? tier.indirectPpm() : plan.referral().indirectPpm();
    }

    public RegionDirectory regions() {
        return regions;
    }

    public Participants participants() {
        return participants;
    }

    public Merchants merchants() {
        return merchants;
    }

    /** The active agents by region code, for the snapshot codec. */
    public Map<String, Integer> agents() {
        return agents;
    }

    // ----- queries -----

    /** Ids of every merchant, in order of onboarding. */
    public List<String> merchantIds() {
        List<String> ids = new ArrayList<>(merchants.count());
        for (int merchant = 0; merchant < merchants.count(); merchant++) {
            ids.add(merchants.get(merchant).id);
        }
        return ids;
    }

    /** A merchant's owner, recruiter, region, rate and suspension, or null for an unknown merchant. */
    public MerchantProfile merchant(String id) {
        int merchant = id == null ? -1 : merchants.find(id);
        return merchant < 0 ? null : profile(merchant);
    }

    /** Merchants in order of onboarding, {@code limit} of them at most from position {@code from} on. */
    public List<MerchantProfile> merchants(int from, int limit) {
        int end = (int) Math.min(merchants.count(), Math.max(0L, from) + Math.max(0, limit));
        List<MerchantProfile> profiles = new ArrayList<>(Math.max(0, end - from));
        for (int merchant = Math.max(0, from); merchant < end; merchant++) {
            profiles.add(profile(merchant));
        }
        return profiles;
    }

    private MerchantProfile profile(int merchant) {
        Merchants.Merchant entry = merchants.get(merchant);
        return new MerchantProfile(entry.id, externalId(entry.owner), externalId(entry.recruiter), entry.region,
                entry.commissionPpm, entry.suspended);
    }

    /** The participant who owns a merchant, or null for an unknown merchant. */
    public String merchantOwner(String merchant) {
        int id = merchant == null ? -1 : merchants.find(merchant);
        return id < 0 ? null : participants.id(merchants.get(id).owner);
    }

    /** The referrer of a participant, or null. */
    public String referrerOf(String participant) {
        int id = participants.find(participant);
        return id < 0 ? null : externalId(participants.referrer(id));
    }
}
