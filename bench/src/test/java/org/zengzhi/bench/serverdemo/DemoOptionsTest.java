package org.zengzhi.bench.serverdemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 21 deliver 3: the server-node demo's options; a bad value is refused naming the option, in both languages. */
class DemoOptionsTest {

    @Test
    void defaultsAreThreeBrokersThreeNodesAndAKill() {
        DemoOptions o = DemoOptions.parse(new String[0]);
        assertThat(o.brokers()).isEqualTo(3);
        assertThat(o.nodes()).isEqualTo(3);
        assertThat(o.killAt()).isPositive().isLessThan(o.seconds());
        assertThat(o.lang()).isEqualTo("zh");
        assertThat(o.schema()).isEqualTo("server_demo");
        assertThat(o.port(2)).isEqualTo(19_402);
        assertThat(o.standby()).as("every node stands by for up to 100 tenants").isEqualTo(100);
        assertThat(o.sessionMs()).as("the light demo's session timeout").isEqualTo(3_000);
    }

    @Test
    void readsBothSpellingsOfAValue() {
        DemoOptions o = DemoOptions.parse(new String[] {"--tenants", "50", "--nodes=1", "--kill-at", "0", "--lang=en",
            "--schema", "demo_b", "--heap", "2g", "--standby=0"});
        assertThat(o.tenants()).isEqualTo(50);
        assertThat(o.nodes()).isEqualTo(1);
        assertThat(o.killAt()).isZero();
        assertThat(o.lang()).isEqualTo("en");
        assertThat(o.schema()).isEqualTo("demo_b");
        assertThat(o.heap()).isEqualTo("2g");
        assertThat(o.standby()).isZero();
    }

    @Test
    void badValuesNameTheirOption() {
        assertBad(new String[] {"--tenants", "many"}, "--tenants", "须为 1 到 500 的整数", "needs a whole number from 1 to 500, not many");
        assertBad(new String[] {"--nodes", "0"}, "--nodes", "须为 1 到 9 的整数", "not 0");
        assertBad(new String[] {"--window"}, "--window", "缺少取值", "needs a value");
        assertBad(new String[] {"--speed", "9"}, "--speed", "未知选项", "unknown option");
        assertBad(new String[] {"--lang", "fr"}, "--lang", "须为 zh 或 en", "is zh or en, not fr");
        assertBad(new String[] {"--schema", "public"}, "--schema", "不可为 public", "not public");
        assertBad(new String[] {"--schema", "x; DROP TABLE y"}, "--schema", "小写字母", "lower-case");
        assertBad(new String[] {"--heap", "lots"}, "--heap", "1200m", "not lots");
        assertBad(new String[] {"--port", "80"}, "--port", "1024", "not 80");
        assertBad(new String[] {"--standby", "-1"}, "--standby", "须为 0 到 10000 的整数", "not -1");
    }

    @Test
    void aKillNeedsASecondNodeAndTimeLeft() {
        assertBad(new String[] {"--nodes", "1", "--kill-at", "5"}, "--kill-at", "只有 1 个节点", "one node");
        assertBad(new String[] {"--seconds", "10", "--kill-at", "10"}, "--kill-at", "必须小于 --seconds 10",
                "must be below --seconds 10");
        assertThat(DemoOptions.parse(new String[] {"--nodes", "1", "--kill-at", "0"}).killAt()).isZero();
        assertBad(new String[] {"--seconds", "40", "--kill-at", "20", "--kills", "2", "--nodes", "3"}, "--kill-at",
                "（乘以 --kills 2）必须小于 --seconds 40", "times --kills 2 must be below --seconds 40");
        assertBad(new String[] {"--kill-at", "random", "--kills", "3", "--nodes", "3"}, "--kills",
                "最后一个节点不杀", "(the last node alive is never killed), not 3");
        assertBad(new String[] {"--kill-at", "random", "--nodes", "1"}, "--kill-at", "只有 1 个节点", "one node");
    }

    @Test
    void randomKillsTakeASeedToRepeatARun() {
        DemoOptions drawn = DemoOptions.parse(new String[] {"--kill-at", "random", "--kills", "2"});
        assertThat(drawn.killAt()).isEqualTo(DemoOptions.RANDOM);
        assertThat(drawn.killing()).isTrue();
        assertThat(drawn.kills()).isEqualTo(2);
        assertThat(drawn.seed()).as("drawn when the run starts, and printed").isNull();
        assertThat(DemoOptions.parse(new String[] {"--kill-at=random", "--seed", "-42"}).seed()).isEqualTo(-42L);
        assertBad(new String[] {"--kill-at", "random", "--seed", "soon"}, "--seed", "须为整数", "not soon");
        assertBad(new String[] {"--kill-at", "sometimes"}, "--kill-at", "须为 0 到 3600 的整数", "not sometimes");
    }

    @Test
    void tenantsAreNumberedShortSlugs() {
        assertThat(DemoOptions.slug(0)).isEqualTo("t01");
        assertThat(DemoOptions.slug(49)).isEqualTo("t50");
    }

    private static void assertBad(String[] args, String option, String chinese, String english) {
        assertThatThrownBy(() -> DemoOptions.parse(args)).isInstanceOfSatisfying(DemoOptions.BadOption.class, e -> {
            assertThat(e.option()).isEqualTo(option);
            assertThat(e.say(false)).startsWith("参数错误 " + option).contains(chinese);
            assertThat(e.say(true)).startsWith("bad option " + option).contains(english);
        });
    }
}
