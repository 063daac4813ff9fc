package org.zengzhi.server.localize;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.plan.ComplianceReport;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;

/** Issue 20 item 7: the compliance report of the plan check in Chinese (the default) and English. */
class ComplianceTextTest {
    /** Every finding code the engine declares: the String constants named as their value in the report's classes. */
    private static List<String> findingCodes() throws ReflectiveOperationException {
        List<String> codes = new ArrayList<>();
        for (String name : List.of("ComplianceReport", "GreenCompliance", "PartyCompliance")) {
            for (Field field : Class.forName("org.zengzhi.engine.plan." + name).getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    if (field.getName().equals(field.get(null))) {
                        codes.add(field.getName());
                    }
                }
            }
        }
        return codes;
    }

    @Test
    void issue20Item7EveryFindingCodeHasAChineseAndAnEnglishText() throws ReflectiveOperationException {
        List<String> codes = findingCodes();
        assertThat(codes).contains("RETURN_ABOVE_PRINCIPAL", "GREEN_VOUCHER_PROMISE", "PARTY_FUNDS_STAY");
        for (String code : codes) {
            assertThat(ComplianceText.finding(code, Locale.SIMPLIFIED_CHINESE)).as(code + " (zh)").isNotBlank()
                    .matches(text -> text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                            == Character.UnicodeScript.HAN), "has Chinese");
            assertThat(ComplianceText.finding(code, Locale.ENGLISH)).as(code + " (en)").isNotBlank()
                    .isNotEqualTo(ComplianceText.finding(code, Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void issue20Item7AFlaggedPlanReadsInChineseByDefaultAndInEnglishWhenAsked() {
        PlanCheck check = PlanFiles.checkText("name: risky\ncompliance:\n  fundsInEscrow: false\n");
        assertThat(check.valid()).as(check.text()).isTrue();
        ComplianceReport report = ComplianceReport.of(check.plan());
        Map<String, Object> zh = ComplianceText.of("risky", report, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.get("heading")).isEqualTo("方案“risky”的合规报告（R-4.6、R-9.3）。本报告说明风险，不构成法律意见。");
        List<Map<String, String>> findings = (List<Map<String, String>>) zh.get("findings");
        assertThat(findings).extracting(f -> f.get("code")).contains("FUNDS_NOT_IN_ESCROW");
        Map<String, String> escrow = findings.stream().filter(f -> f.get("code").equals("FUNDS_NOT_IN_ESCROW"))
                .findFirst().orElseThrow();
        assertThat(escrow.get("text")).startsWith("客户资金未交由存管");
        assertThat(escrow.get("field")).isEqualTo("compliance.fundsInEscrow");
        assertThat((String) zh.get("findingsHeading")).contains(findings.size() + " 项");
        Map<String, Object> en = ComplianceText.of("risky", report, Locale.US);
        assertThat((String) en.get("heading")).startsWith("Compliance report for plan \"risky\"");
        assertThat((String) en.get("legal")).contains("downline's sales");
        assertThat(en.get("text")).isEqualTo(report.text());
    }
}
