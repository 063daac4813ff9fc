package org.zengzhi.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.MallSplitFen;

/** A written command parses back to the same command, for every command type: journals are replayable logs. */
class CommandWriterTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:15:30.5Z");

    @Test
    void everyCommandTypeRoundTripsThroughTheLogFormat() {
        List<Command> commands = List.of(
                new Command.SettleOrder("o1", AT, "u1", 100_000, 30_000),
                new Command.SellPoints("s1", AT, "u1", 210_000_001),
                new Command.InjectSubsidy("x1", AT, 50_000),
                new Command.InjectSubsidy("x2", AT, 50_000, "launch round, board minute 12"),
                new Command.RegisterUser("r1", AT, "u2", "u1"),
                new Command.RegisterUser("r2", AT, "u3", null),
                new Command.OnboardMerchant("m1", AT, "shop", "u1", "u2", "440106", 150_000),
                new Command.OnboardMerchant("m2", AT, "shop2", "u1", null, "440106", -1),
                new Command.SuspendMerchant("s2", AT, "shop", false, "report 7 dismissed"),
                new Command.AppointAgent("a1", AT, "u2", "440100"),
                new Command.RemoveAgent("a2", AT, "440100"),
                new Command.PayOrder("p1", AT, "u3", "shop", Channel.STORE, 12_345, 0, null, null),
                new Command.PayOrder("p2", AT, "u3", null, Channel.MALL, 100_000, 50_000,
                        new MallSplitFen(30_000, 30_000, 10_000, 30_000), "440106"),
                new Command.ConfirmReceipt("c1", AT, "p2"),
                new Command.RefundOrder("f1", AT, "p1"),
                new Command.Tick("t1", AT),
                new Command.ReassignReferrer("g1", AT, "u3", "u2", "reported shadow account"),
                new Command.GrantBonus("b1", AT, "u3", 5_000, "report 9 upheld"),
                new Command.ChangePlan("c1", AT, PlanFiles.checkText("name: tighter\npool: {exitMultiple: 2}\n").plan(),
                        "name: tighter\npool: {exitMultiple: 2}\n"),
                new Command.RequestWithdrawal("w1", AT, "u1", 12_345),
                // A store's withdrawal by its owner (issue 19 item 2).
                new Command.RequestWithdrawal("w2", AT, "u1", 12_345, "shop"),
                new Command.ReviewWithdrawal("v1", AT, "w1", true, null),
                new Command.ReviewWithdrawal("v2", AT, "w1", false, "name does not match"),
                new Command.SettleWithdrawal("c2", AT, "w1", true, "bank-0001"),
                new Command.SettleWithdrawal("c3", AT, "w1", false, null),
                new Command.PayOrder("p3", AT, "u3", "shop", Channel.STORE, 12_345, 0, null, null, 2_345),
                new Command.PayOrder("p4", AT, "u3", "shop", Channel.COIN, 500, 0, null, null, 0),
                new Command.AppointPromoter("pr1", AT, "u1", null),
                new Command.AppointPromoter("pr2", AT, "u2", "u1"),
                new Command.CloseMonth("cm1", AT, "2026-02"),
                new Command.RegisterSupplier("y1", AT, "tea-farm", 10_000, 500_000),
                new Command.ListProduct("y2", AT, "oolong", "tea-farm", 15_000, 4_500),
                new Command.PayPartyOrder("y3", AT, "u3", "oolong", 2, 0, null, "d1", "10.0.0.1"),
                new Command.PayPartyOrder("y4", AT, "u3", "oolong", 1, 1_200, "u2", "d1", "10.0.0.1"),
                new Command.RateProduct("y5", AT, "u3", "oolong", 450),
                new Command.TransferContrib("y6", AT, "u3", "u2", 1_000),
                new Command.RedeemContrib("y7", AT, "u3", 500),
                new Command.RedeemTokens("y8", AT, "tea-farm", "feeDiscount"),
                new Command.VerifyOrder("y9", AT, "y3", false),
                new Command.SetCreditScore("z1", AT, "u2", 680),
                new Command.EscrowStatement("z2", AT, 0),
                new Command.ChargeDataService("z3", AT, "tea-farm", 200_000),
                new Command.RecordOperatingCost("z4", AT, 10_000_000, null),
                new Command.CloseMonth("z5", AT, "2026-02"),
                new Command.CloseYear("z6", AT, "2025"));
        assertThat(commands).extracting(Command::type).as("every command type is covered")
                .containsAll(List.of(org.zengzhi.engine.CommandType.values()));
        LogLines lines = new LogLines(() -> Instant.EPOCH);
        for (int i = 0; i < commands.size(); i++) {
            String line = LogLines.write(commands.get(i));
            assertThat(lines.parse(i + 1, line)).as(line).isEqualTo(commands.get(i));
        }
    }
}
