package org.zengzhi.bench.serverdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.journal.CommandLog.JournalRow;

/**
 * Issue 21 deliver 3: how the server-node demo counts acknowledged payments and judges each tenant — a payment counts
 * only on its 2xx; every acknowledged one must be applied once; the pool must hold the applied pool shares.
 */
class DemoCountingTest {

    @Test
    void fiftyTenantsNeedMoreConnectionsThanPostgresqlsDefaultHundredTwentyDoNot() {
        // Found running --tenants 50 on a default PostgreSQL: the 48th tenant's pool was refused ("too many clients").
        assertThat(ServerNodes.connectionsNeeded(3, 50)).isEqualTo(50 * 2 + 3 * (3 + 10) + 10).isGreaterThan(100);
        assertThat(ServerNodes.connectionsNeeded(3, 20)).isLessThanOrEqualTo(100);
    }

    @Test
    void aPaymentIsAnOrderWithAThirtyPercentPoolShareInExactFen() {
        Payment p = new Payment("t07", 3);
        assertThat(p.orderId()).isEqualTo("t07-o3");
        assertThat(p.key()).isEqualTo("pay-t07-o3");
        assertThat(p.poolShareFen()).isEqualTo(p.amountFen() * 30 / 100);
        assertThat(p.json()).isEqualTo("{\"type\":\"order\",\"id\":\"t07-o3\",\"user\":\"" + p.user() + "\",\"amount\":\""
                + Payment.yuan(p.amountFen()) + "\",\"poolShare\":\"" + Payment.yuan(p.poolShareFen()) + "\"}");
        assertThat(Payment.yuan(1_005)).isEqualTo("10.05");
        assertThat(Payment.yuan(7)).isEqualTo("0.07");
        assertThat(Payment.fen("160.00")).isEqualTo(16_000);
        assertThat(Payment.fen("0.3")).isEqualTo(30);
        assertThatThrownBy(() -> Payment.fen("1.001")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void theBookCountsOnlyAcknowledgedPaymentsAndKeepsASampleOfFirstAnswers() {
        AckBook book = new AckBook(List.of("t01", "t02"));
        for (long n = 0; n < 3; n++) {
            book.sent();
        }
        book.acked(new Payment("t01", 0), "{\"events\":[0]}", 2_000_000);
        book.acked(new Payment("t01", 1), "{\"events\":[1]}", 4_000_000);
        book.failed(new Payment("t02", 0), "503 moving");
        assertThat(book.sentCount()).isEqualTo(3);
        assertThat(book.ackedCount()).isEqualTo(2);
        assertThat(book.failedCount()).isEqualTo(1);
        assertThat(book.ackedNumbers("t01")).containsExactlyInAnyOrder(0L, 1L);
        assertThat(book.ackedNumbers("t02")).isEmpty();
        assertThat(book.failedNumbers("t02")).containsExactly(0L);
        assertThat(book.poolSharesFen("t01")).isEqualTo(new Payment("t01", 0).poolShareFen()
                + new Payment("t01", 1).poolShareFen());
        // Payment 0 is in the sample (every 50th), payment 1 is not.
        assertThat(book.firstAnswers("t01")).isEqualTo(Map.of(0L, "{\"events\":[0]}"));
        assertThat(book.latencyMillis(0.5)).isEqualTo(2.0);
        assertThat(book.latencyMillis(0.99)).isEqualTo(4.0);
        assertThat(book.someFailures()).containsExactly("t02-o0: 503 moving");
    }

    @Test
    void allAcknowledgedAppliedOnceAndThePoolHoldingTheirSharesPasses() {
        long shares = new Payment("t01", 0).poolShareFen() + new Payment("t01", 1).poolShareFen();
        Verdict v = Verdict.of("t01", Set.of(0L, 1L), Set.of(), Map.of(0L, 1, 1L, 1), shares, true, "h", "h");
        assertThat(v.exactlyOnce()).isTrue();
        assertThat(v.poolHolds()).isTrue();
        assertThat(v.hashEqual()).isTrue();
    }

    @Test
    void aLostADoubledOrAStrayPaymentFailsExactlyOnce() {
        Verdict lost = Verdict.of("t01", Set.of(0L, 1L), Set.of(), Map.of(0L, 1), 0, true, "h", "h");
        assertThat(lost.missing()).isEqualTo(1);
        assertThat(lost.exactlyOnce()).isFalse();
        Verdict doubled = Verdict.of("t01", Set.of(0L), Set.of(), Map.of(0L, 2), 2 * new Payment("t01", 0).poolShareFen(),
                true, "h", "h");
        assertThat(doubled.doubled()).isEqualTo(1);
        assertThat(doubled.exactlyOnce()).isFalse();
        assertThat(doubled.poolHolds()).as("the pool holds both applications, as the journal says").isTrue();
        Verdict stray = Verdict.of("t01", Set.of(), Set.of(), Map.of(5L, 1), new Payment("t01", 5).poolShareFen(), true,
                "h", "h");
        assertThat(stray.strays()).isEqualTo(1);
        assertThat(stray.exactlyOnce()).isFalse();
    }

    @Test
    void aFailedSendThatTookEffectIsNotAStrayButIsCounted() {
        Verdict v = Verdict.of("t01", Set.of(0L), Set.of(1L), Map.of(0L, 1, 1L, 1),
                new Payment("t01", 0).poolShareFen() + new Payment("t01", 1).poolShareFen(), true, "h", "h");
        assertThat(v.exactlyOnce()).isTrue();
        assertThat(v.unansweredApplied()).isEqualTo(1);
        assertThat(v.poolHolds()).isTrue();
    }

    @Test
    void aPoolOffByOneFenBrokenInvariantsOrAnotherHashFail() {
        long share = new Payment("t01", 0).poolShareFen();
        assertThat(Verdict.of("t01", Set.of(0L), Set.of(), Map.of(0L, 1), share - 1, true, "h", "h").poolHolds()).isFalse();
        assertThat(Verdict.of("t01", Set.of(0L), Set.of(), Map.of(0L, 1), share, false, "h", "h").poolHolds()).isFalse();
        assertThat(Verdict.of("t01", Set.of(0L), Set.of(), Map.of(0L, 1), share, true, "h", "g").hashEqual()).isFalse();
        assertThat(Verdict.of("t01", Set.of(0L), Set.of(), Map.of(0L, 1), share, true, null, "g").hashEqual()).isFalse();
    }

    @Test
    void theReplayCountsAcceptedDemoPaymentsOnlyAndComparesSqlWithKafkaRowByRow() {
        List<JournalRow> log = List.of(
                new JournalRow(1, "{\"type\":\"register\",\"id\":\"r1\",\"user\":\"u1\"}", null),
                new JournalRow(2, "{\"type\":\"order\",\"id\":\"t01-o0\",\"user\":\"u0\"}", null),
                new JournalRow(3, "{\"type\":\"order\",\"id\":\"t01-o0\",\"user\":\"u0\"}", "DUPLICATE_ORDER"),
                new JournalRow(4, "{\"type\":\"order\",\"id\":\"t01-o7\",\"user\":\"u9\"}", null),
                new JournalRow(5, "{\"type\":\"order\",\"id\":\"t02-o1\",\"user\":\"u9\"}", null));
        assertThat(TenantReplay.appliedPayments("t01", log)).isEqualTo(Map.of(0L, 1, 7L, 1));
        assertThat(TenantReplay.sameRows(log.subList(0, 3), log)).isTrue();
        assertThat(TenantReplay.sameRows(List.of(new JournalRow(2, "{}", null)), log)).isFalse();
    }

    @Test
    void retryAfterIsHonouredUpToTwoSeconds() {
        assertThat(NodeHttp.retryAfterMs("2")).isEqualTo(2_000);
        assertThat(NodeHttp.retryAfterMs("30")).isEqualTo(2_000);
        assertThat(NodeHttp.retryAfterMs("0")).isEqualTo(100);
        assertThat(NodeHttp.retryAfterMs("soon")).isEqualTo(1_000);
        assertThat(NodeHttp.baseOf("http://127.0.0.1:19401/t/t01/api/v1/commands?x=1")).isEqualTo("http://127.0.0.1:19401");
    }

    @Test
    void theDemoPlanIsLocalLifeWithNoForcedExit() throws Exception {
        String plan = ServerDemo.demoPlan();
        assertThat(plan).contains("exitMultiple: 1000").contains("name: server-demo");
        assertThat(org.zengzhi.log.PlanFiles.checkText(plan).valid()).isTrue();
    }
}
