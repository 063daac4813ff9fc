package org.zengzhi.server.operator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.ledger.AccountKind;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.Units;

/**
 * What the operator's dashboard shows of the engine, as plain records for the templates. Built on the gateway's
 * thread like the API's views; every amount is already a decimal string from {@link Units}.
 */
public final class DashboardViews {
    private DashboardViews() {
    }

    /** The operator's numbers: the pool, who is in it, the invariants, and what is owed per asset. */
    public record Dashboard(String poolCash, String circulatingPoints, String price, int participants, int holders,
            int merchants, int unsettledOrders, String plan, List<String> violations, String stateHash,
            List<Amount> liabilities, List<Amount> platform) {
    }

    public record Amount(String name, String amount) {
    }

    /**
     * The dashboard. Liabilities are what participants and merchants hold, available or pending, per asset:
     * one pass over the balances, O(n) like the invariant check beside it, fine for a page an operator opens.
     */
    public static Dashboard dashboard(Engine engine) {
        Map<Asset, Long> owed = new EnumMap<>(Asset.class);
        List<Amount> platform = new ArrayList<>();
        for (Balance balance : engine.balances()) {
            AccountType type = balance.type();
            if (type.system()) {
                platform.add(new Amount(type.name(), Units.format(balance.amount(), type.asset().decimals())));
            } else if (type.kind() == AccountKind.AVAILABLE || type.kind() == AccountKind.PENDING) {
                owed.merge(type.asset(), balance.amount(), Long::sum);
            }
        }
        List<Amount> liabilities = new ArrayList<>();
        owed.forEach((asset, total) -> liabilities.add(new Amount(asset.name(), Units.format(total, asset.decimals()))));
        return new Dashboard(Units.formatFen(engine.poolCash()), Units.formatPoints(engine.circulatingPoints()),
                engine.price().display(), engine.participantCount(), engine.holderCount(), engine.merchantIds().size(),
                engine.unsettledOrders(), engine.plan().name(), engine.checkInvariants(), engine.stateHash(),
                liabilities, platform);
    }

    /** The price a subsidy of {@code amountFen} would lift the pool to, shown before the operator confirms. */
    public static String priceAfterSubsidy(Engine engine, long amountFen) {
        if (engine.circulatingPoints() == 0) {
            return engine.price().display();
        }
        return new Price(engine.poolCash() + amountFen, engine.circulatingPoints()).display();
    }
}
