package org.zengzhi.server.wallet;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.pool.PoolMath;

/**
 * Every asset of a consumer's wallet the plan uses (issue 20 item 1), each under its plain label
 * ({@code account.<CODE>} in the console's messages): 零钱, 积分 and its value at the current price, 消费抵扣积分,
 * 贡献值, 绿色积分, 抵用券, 金币 and what is pending of each. An asset the plan does not use is left out unless the
 * consumer holds some of it (from an earlier plan, say). Runs on the gateway's reader.
 */
public final class WalletAssets {
    private WalletAssets() {
    }

    /** One line of the wallet: the account (its label's key), the amount, and for points their value now. */
    public record Line(String account, String amount, String value) {
    }

    public static List<Line> of(Engine engine, String user) {
        Plan plan = engine.plan();
        List<Line> lines = new ArrayList<>();
        for (AccountType type : AccountType.values()) {
            if (!type.perParticipant()) {
                continue;
            }
            long balance = engine.balance(type, user);
            if (balance == 0 && !uses(plan, type.asset())) {
                continue;
            }
            lines.add(new Line(type.name(), Units.format(balance, type.asset().decimals()),
                    type == AccountType.USER_POINTS ? pointsValue(engine, user) : null));
        }
        return lines;
    }

    /** Whether the plan's models can credit this asset to a consumer. */
    static boolean uses(Plan plan, Asset asset) {
        return switch (asset) {
            case CNY -> true;
            case POINT -> plan.party() == null && plan.greenPoints() == null;
            case DEDUCT -> plan.deduct() != null && (plan.deduct().storeMultiplePpm() > 0 || plan.deduct().mallMaxPpm() > 0);
            case CONTRIB -> plan.party() != null || plan.tiers().stream().anyMatch(tier -> tier.rebatePpm() > 0);
            case GREEN, VOUCHER, COIN -> plan.greenPoints() != null;
            case STOKEN -> false;
        };
    }

    /** What the user's points are worth at the current price (before the sale's payout ratio). */
    private static String pointsValue(Engine engine, String user) {
        Holder holder = engine.holder(user);
        long points = holder == null ? 0 : holder.pointsMicro();
        return Units.formatFen(points == 0 ? 0 : PoolMath.grossValue(points, engine.poolCash(), engine.circulatingPoints()));
    }
}
