package org.zengzhi.engine.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.zengzhi.engine.Units;

/** Reads and checks the member tiers of a plan. */
final class PlanTiers {
    private PlanTiers() {
    }

    /** The tiers under {@code tiers}, lowest first; one tier "member" open to everyone when the key is absent. */
    static List<Plan.Tier> read(PlanFields root) {
        List<PlanFields> items = root.list("tiers");
        if (items == null) {
            return List.of(PlanReader.DEFAULT_TIER);
        }
        if (items.isEmpty() && !root.anyFailed("tiers")) {
            root.error("tiers", "must list at least one tier; leave the key out for a single tier open to everyone");
        }
        List<Plan.Tier> tiers = new ArrayList<>();
        for (PlanFields item : items) {
            tiers.add(readTier(item));
        }
        checkOrder(items, tiers);
        return tiers;
    }

    private static Plan.Tier readTier(PlanFields fields) {
        String name = fields.parse("name", "", String::strip);
        if (!fields.has("name") || (name.isEmpty() && !fields.anyFailed(fields.field("name")))) {
            fields.error(fields.field("name"), "is required");
        }
        long minSpend = fields.fen("minSpend", 0);
        int minInvitees = fields.whole("minInvitees", 0, PlanReader.INVITEES_MAX);
        long rebate = fields.rate("rebate", 0);
        // −1 says "not set": a referrer at this tier then earns the plan's own rate.
        long direct = fields.rate("direct", -1);
        long indirect = fields.rate("indirect", -1);
        fields.rejectUnknownKeys();
        return new Plan.Tier(name, minSpend, minInvitees, rebate, direct, indirect);
    }

    /**
     * The first tier must be open to everyone, so every member has a tier; each further tier must ask for
     * more spend, or as much spend and more invitees, so "lowest first" has one meaning. Names are unique.
     */
    private static void checkOrder(List<PlanFields> items, List<Plan.Tier> tiers) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            PlanFields fields = items.get(i);
            Plan.Tier tier = tiers.get(i);
            if (!tier.name().isEmpty() && !names.add(tier.name())) {
                fields.error(fields.field("name"), "\"" + tier.name() + "\" names an earlier tier too; names must be unique");
            }
            if (fields.anyFailed(fields.field("minSpend"), fields.field("minInvitees"))) {
                continue;
            }
            if (i == 0) {
                if (tier.minSpendFen() != 0 || tier.minInvitees() != 0) {
                    fields.error(fields.field("minSpend"), "the first tier must start at minSpend 0.00 and "
                            + "minInvitees 0 so that every member has a tier");
                }
                continue;
            }
            Plan.Tier below = tiers.get(i - 1);
            boolean higher = tier.minSpendFen() > below.minSpendFen()
                    || (tier.minSpendFen() == below.minSpendFen() && tier.minInvitees() > below.minInvitees());
            if (!higher) {
                fields.error(fields.field("minSpend"), Units.formatFen(tier.minSpendFen()) + " (minInvitees "
                        + tier.minInvitees() + ") does not rise above " + items.get(i - 1).path() + " ("
                        + Units.formatFen(below.minSpendFen()) + ", minInvitees " + below.minInvitees()
                        + "); tiers are listed lowest first by minSpend");
            }
        }
    }
}
