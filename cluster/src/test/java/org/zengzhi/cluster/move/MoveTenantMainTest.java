package org.zengzhi.cluster.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

/** {@code bin/zengzhi cluster-move-tenant} (issue 21 deliver 5): its options and its two languages. */
class MoveTenantMainTest {

    private static Map<String, String> parse(String... args) {
        Map<String, String> o = new HashMap<>(Map.of("--tenants", "50", "--target-cluster", "target", "--lang", "zh"));
        MoveTenantMain.parse(args, o);
        return o;
    }

    @Test
    void optionsTakeASpaceOrAnEqualsSignAndTheTargetHasTheSourcesTenantsUnlessTold() {
        Map<String, String> o = parse("--from", "127.0.0.1:9092", "--to=127.0.0.1:9093", "--tenant", "tenant-07");
        assertThat(o).containsEntry("--from", "127.0.0.1:9092").containsEntry("--to", "127.0.0.1:9093")
                .containsEntry("--tenant", "tenant-07").containsEntry("--target-tenants", "50");
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> parse("--from", "a:1", "--tenant", "tenant-01")).hasMessageContaining("--to");
        assertThatThrownBy(() -> parse("--from", "a:1", "--to", "b:2", "--tenant", "shop"))
                .hasMessageContaining("--tenant");
        assertThatThrownBy(() -> parse("--from", "a:1", "--to", "b:2", "--tenant", "tenant-09", "--target-tenants",
                "5")).as("the target has no partition for it").hasMessageContaining("--tenant");
        assertThatThrownBy(() -> parse("--from", "a:1", "--to", "b:2", "--tenant", "tenant-01", "--tenants", "x"))
                .hasMessageContaining("--tenants");
        assertThatThrownBy(() -> parse("--colour", "red")).hasMessageContaining("--colour");
    }

    @Test
    void chineseByDefaultEnglishWithLangEn() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH); // the JVM's locale must not turn the Chinese default into English
        try {
            ResourceBundle zh = MoveTenantMain.messages(new String[] {"--tenant", "tenant-01"});
            ResourceBundle en = MoveTenantMain.messages(new String[] {"--lang", "en"});
            assertThat(en.keySet()).isEqualTo(zh.keySet());
            assertThat(zh.getString("failed")).startsWith("✘ 迁移失败");
            assertThat(en.getString("failed")).startsWith("✘ Move failed");
        } finally {
            Locale.setDefault(before);
        }
    }
}
