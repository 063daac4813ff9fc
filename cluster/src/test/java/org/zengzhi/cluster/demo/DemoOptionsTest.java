package org.zengzhi.cluster.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** Issue 21 deliver 3 and 4: the demo's options and its two message bundles (Chinese by default, English with --lang en). */
class DemoOptionsTest {

    @Test
    void defaultsAreThreeBrokersThreeNodesFiftyTenantsAndAKill() {
        DemoOptions o = DemoOptions.parse(new String[0]);
        assertThat(o.brokers()).isEqualTo(3);
        assertThat(o.nodes()).isEqualTo(3);
        assertThat(o.tenants()).isEqualTo(50);
        assertThat(o.killAt()).isPositive().isLessThan(o.seconds());
        assertThat(o.lang()).isEqualTo("zh");
    }

    @Test
    void optionsTakeASpaceOrAnEqualsSign() {
        DemoOptions o = DemoOptions.parse(new String[] {"--nodes", "2", "--tenants=8", "--kill-at", "0", "--lang=en"});
        assertThat(o.nodes()).isEqualTo(2);
        assertThat(o.tenants()).isEqualTo(8);
        assertThat(o.killAt()).isZero();
        assertThat(o.lang()).isEqualTo("en");
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--seconds", "ten"})).hasMessageContaining("--seconds");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--nodes"})).hasMessageContaining("--nodes");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--colour", "red"})).hasMessageContaining("--colour");
        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--nodes", "1"}))
                .as("one node cannot be killed and taken over").hasMessageContaining("--nodes");
    }

    @Test
    void quotasKillsAndSeedParse() {
        DemoOptions o = DemoOptions.parse(new String[] {"--node-cpu", "0.5", "--broker-cpu=1.25", "--kill-at",
            "random", "--kills", "2", "--seed", "-7", "--warmup", "50"});
        assertThat(o.warmup()).isEqualTo(50);
        assertThat(o.nodeMilliCpu()).isEqualTo(500);
        assertThat(o.brokerMilliCpu()).isEqualTo(1_250);
        assertThat(o.killsRandomly()).isTrue();
        assertThat(o.kills()).isEqualTo(2);
        assertThat(o.seed()).isEqualTo(-7L);
        DemoOptions defaults = DemoOptions.parse(new String[0]);
        assertThat(defaults.nodeMilliCpu()).as("no quota unless asked").isZero();
        assertThat(defaults.brokerMilliCpu()).isZero();
        assertThat(defaults.seed()).as("drawn at the start and printed").isNull();
        assertThat(defaults.kills()).isEqualTo(1);
        assertThat(defaults.warmup()).as("no warm-up unless asked: the default run is as before").isZero();
        assertThat(defaults.killsRandomly()).isFalse();
    }

    @Test
    void badNewValuesNameTheOptionInChineseAndEnglish() {
        String[][] bad = {
            {"--node-cpu", "0"}, {"--node-cpu", "half"}, {"--node-cpu", "0.0005"}, {"--node-cpu", "65"},
            {"--broker-cpu", "-1"}, {"--kill-at", "soon"}, {"--seed", "1.5"}, {"--kills", "3"}, {"--warmup", "-5"},
            {"--kill-at", "random", "--payments", "10"}};
        String[] named = {"--node-cpu", "--node-cpu", "--node-cpu", "--node-cpu", "--broker-cpu", "--kill-at", "--seed",
            "--kills", "--warmup", "--kill-at"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = bad[i];
            assertThatThrownBy(() -> DemoOptions.parse(args)).as(String.join(" ", args))
                    .isInstanceOf(DemoOptions.OptionError.class)
                    .hasMessageContaining(named[i])
                    .hasMessageMatching("(?s).*[\\u4e00-\\u9fff].*\\(" + named[i] + " .*[a-z]{3,}.*\\)");
        }
    }

    @Test
    void aBadOptionEndsTheDemoWithExitCodeTwoBeforeAnythingStarts() throws Exception {
        Process demo = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), ClusterDemo.class.getName(), "--node-cpu", "lots")
                .redirectErrorStream(true).start();
        String out = new String(demo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(demo.waitFor()).as(out).isEqualTo(2);
        assertThat(out).contains("参数错误", "bad option", "--node-cpu", "lots", "核数", "cores")
                .doesNotContain("Kafka");
    }

    @Test
    void aQuotaSetsTheNodeJvmsProcessorsAndTheNodesNameTheirConnections() {
        assertThat(ClusterDemo.nodeJvmOptions(0)).containsExactly("-Xmx384m");
        assertThat(ClusterDemo.nodeJvmOptions(500)).contains("-XX:ActiveProcessorCount=1");
        assertThat(ClusterDemo.nodeJvmOptions(1_000)).contains("-XX:ActiveProcessorCount=1");
        assertThat(ClusterDemo.nodeJvmOptions(1_001)).contains("-XX:ActiveProcessorCount=2");
        assertThat(ClusterDemo.nodeJdbcUrl("jdbc:postgresql://h/db")).isEqualTo(
                "jdbc:postgresql://h/db?ApplicationName=zengzhi-demo-node");
        assertThat(ClusterDemo.nodeJdbcUrl("jdbc:postgresql://h/db?ssl=false")).isEqualTo(
                "jdbc:postgresql://h/db?ssl=false&ApplicationName=zengzhi-demo-node");
    }

    @Test
    void everyMessageIsInChineseAndInEnglish() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH); // the JVM's own locale must not turn the Chinese default into English
        try {
            ResourceBundle zh = ClusterDemo.messages(Locale.SIMPLIFIED_CHINESE);
            ResourceBundle en = ClusterDemo.messages(Locale.ENGLISH);
            assertThat(en.keySet()).isEqualTo(zh.keySet());
            assertThat(zh.getString("passed")).isEqualTo("全部检查通过");
            assertThat(en.getString("passed")).isEqualTo("All checks passed");
        } finally {
            Locale.setDefault(before);
        }
    }
}
