package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.Plan;

/**
 * Seed 001's worked examples of referral, recruitment and regional income, run
 * through the engine as real orders: store payments, settlement ticks, rewards in the recipients' wallets.
 * The expected figures are the seed's; nothing is recomputed here.
 */
class Seed001NetworkGoldenTest {
    private static final Instant MONTH_START = Instant.parse("2026-03-01T00:00:00Z");
    private static final long ORDER_FEN = 100_000; // 1000.00 CNY a consumer a month

    /**
     * "直推1万人*每月消费1000*直推1%=10万元，间推3万人*每月消费1000元*0.5%间推收益=15万元": store A's
     * owner earns 100,000 from 10,000 direct and 150,000 from 30,000 indirect consumers, wherever they pay.
     */
    @Test
    void crossStoreIncomeOfStoreA() {
        Engine engine = new Engine(TestPlans.referralOnly(10_000, 5_000), RegionDirectory.STANDARD);
        run(engine, new Command.RegisterUser("r-a", MONTH_START, "ownerA", null));
        run(engine, new Command.OnboardMerchant("m-a", MONTH_START, "storeA", "ownerA", null, "440106", 200_000));
        run(engine, new Command.OnboardMerchant("m-b", MONTH_START, "storeB", "ownerB", null, "440103", 200_000));
        for (int i = 0; i < 10_000; i++) {
            run(engine, new Command.RegisterUser("r-d" + i, MONTH_START, "d" + i, "ownerA"));
        }
        for (int i = 0; i < 30_000; i++) {
            run(engine, new Command.RegisterUser("r-i" + i, MONTH_START, "i" + i, "d" + (i % 10_000)));
        }
        for (int i = 0; i < 10_000; i++) {
            run(engine, pay("pd" + i, "d" + i, i % 2 == 0 ? "storeA" : "storeB"));
        }
        for (int i = 0; i < 30_000; i++) {
            run(engine, pay("pi" + i, "i" + i, "storeB"));
        }
        assertThat(engine.balance(AccountType.USER_CASH_PENDING, "ownerA")).isEqualTo(25_000_000);
        run(engine, new Command.Tick("t", MONTH_START.plusSeconds(86_400)));
        assertThat(engine.balance(AccountType.USER_CASH, "ownerA")).as("100,000 + 150,000 CNY in fen")
                .isEqualTo(10_000_000 + 15_000_000);
        assertThat(engine.balance(AccountType.USER_CASH_PENDING, "ownerA")).isZero();
        assertThat(engine.checkInvariants()).isEmpty();
    }

    /** "300万流水*1%收益=3万元": 20 recruited stores at 5,000 a day for 30 days pay their recruiter 30,000. */
    @Test
    void recruitmentOf20Stores() {
        Plan plan = TestPlans.withRecruitment(TestPlans.referralOnly(0, 0), 10_000);
        Engine engine = new Engine(plan, RegionDirectory.STANDARD);
        for (int store = 0; store < 20; store++) {
            run(engine, new Command.OnboardMerchant("m" + store, MONTH_START, "store" + store, "owner" + store,
                    "recruiterA", "440106", 200_000));
        }
        for (int day = 0; day < 30; day++) {
            Instant at = MONTH_START.plusSeconds(86_400L * day);
            for (int store = 0; store < 20; store++) {
                run(engine, new Command.PayOrder("o" + day + "-" + store, at, "c" + day + "-" + store, "store" + store,
                        Channel.STORE, 500_000, 0, null, null));
            }
            run(engine, new Command.Tick("t" + day, at));
        }
        assertThat(engine.balance(AccountType.USER_CASH, "recruiterA")).as("30,000 CNY in fen").isEqualTo(3_000_000);
        assertThat(engine.checkInvariants()).isEmpty();
    }

    /** The Tianhe (天河区, 440106) district agent earns 0.1% of 200,000,000 of orders in the district: 200,000. */
    @Test
    void tianheDistrictAgent() {
        Plan plan = TestPlans.withAgents(TestPlans.referralOnly(0, 0), 1_000, 2_000, 3_000);
        Engine engine = new Engine(plan, RegionDirectory.STANDARD);
        run(engine, new Command.AppointAgent("a1", MONTH_START, "tianheAgent", "440106"));
        run(engine, new Command.OnboardMerchant("m1", MONTH_START, "tianheStore", "owner", null, "440106", 200_000));
        for (int i = 0; i < 2_000; i++) {
            run(engine, new Command.PayOrder("o" + i, MONTH_START, "c" + i, "tianheStore", Channel.STORE,
                    10_000_000, 0, null, null));
        }
        run(engine, new Command.Tick("t", MONTH_START));
        assertThat(engine.balance(AccountType.USER_CASH, "tianheAgent")).as("200,000 CNY in fen").isEqualTo(20_000_000);
        assertThat(engine.checkInvariants()).isEmpty();
    }

    private static Command.PayOrder pay(String id, String user, String merchant) {
        return new Command.PayOrder(id, MONTH_START, user, merchant, Channel.STORE, ORDER_FEN, 0, null, null);
    }

    private static void run(Engine engine, Command command) {
        EngineOutput out = new EngineOutput();
        engine.execute(command, out);
        assertThat(out.events()).as("events of %s", command).noneMatch(e -> e instanceof Event.CommandRejected);
        for (Asset asset : Asset.values()) {
            assertThat(out.postingSum(asset, 0)).isZero();
        }
    }
}
