package org.zengzhi.engine.network;

/**
 * A merchant as the outside sees it: its owner and recruiter (participant ids, the
 * recruiter null when nobody recruited it), its region's GB/T 2260 code, the commission rate it was onboarded
 * with in ppm (the plan's default already resolved when onboarding said −1), and whether it is suspended.
 */
public record MerchantProfile(String merchant, String owner, String recruiter, String region, long commissionPpm,
        boolean suspended) {
}
