package org.zengzhi.cluster.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** Issue 21 deliver 3: the demo's options and its two message bundles (Chinese by default, English with --lang en). */
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
