package org.zengzhi.engine.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Merchants with dense int ids in order of onboarding: owner, recruiter, region, rate, suspension. */
public final class Merchants {
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Merchant> merchants = new ArrayList<>();

    /** One merchant; the ids are dense participant ids (−1 for no recruiter). */
    public static final class Merchant {
        public final String id;
        public final int owner;
        public final int recruiter;
        public final String region;
        public final long commissionPpm;
        public boolean suspended;

        public Merchant(String id, int owner, int recruiter, String region, long commissionPpm) {
            this.id = id;
            this.owner = owner;
            this.recruiter = recruiter;
            this.region = region;
            this.commissionPpm = commissionPpm;
        }
    }

    public int count() {
        return merchants.size();
    }

    /** The dense id, or −1. */
    public int find(String id) {
        Integer merchant = index.get(id);
        return merchant == null ? -1 : merchant;
    }

    public Merchant get(int merchant) {
        return merchants.get(merchant);
    }

    public int add(Merchant merchant) {
        index.put(merchant.id, merchants.size());
        merchants.add(merchant);
        return merchants.size() - 1;
    }
}
