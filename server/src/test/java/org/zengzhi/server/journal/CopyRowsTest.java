package org.zengzhi.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The COPY text format of the group commit's bulk rows: what PostgreSQL must read back exactly. */
class CopyRowsTest {

    @Test
    void escapesTheFormatsSpecialCharactersAndWritesNullAsBackslashN() {
        CopyRows rows = new CopyRows("t (a, b, c, d)");
        rows.add(-42).add("back\\slash\ttab\nline\rreturn").add((String) null).add("\\N 双倍").endRow();
        assertThat(rows.text()).isEqualTo("-42\tback\\\\slash\\ttab\\nline\\rreturn\t\\N\t\\\\N 双倍\n");
    }

    @Test
    void rowsEndWithALineFeedAndTimesAreIsoInstants() {
        CopyRows rows = new CopyRows("t (a, b)");
        rows.add(Instant.parse("2026-11-22T05:00:00.123456Z")).add(1).endRow();
        rows.add((Instant) null).add(2).endRow();
        assertThat(rows.rows()).isEqualTo(2);
        assertThat(rows.text()).isEqualTo("2026-11-22T05:00:00.123456Z\t1\n\\N\t2\n");
    }

    @Test
    void jdbcStyleValuesAreWrittenAsTheirTypesAndAnythingElseIsRefused() {
        CopyRows rows = new CopyRows("t (a, b, c, d, e)");
        rows.addValue(7L).addValue(3).addValue("x\ty").addValue(java.sql.Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
                .addValue(null).endRow();
        assertThat(rows.text()).isEqualTo("7\t3\tx\\ty\t2026-01-01T00:00:00Z\t\\N\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rows.addValue(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Double");
    }
}
