package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.earshot.store.AuditLog;
import org.junit.jupiter.api.Test;

class AuditExportTest {
    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(AuditExport.cell("plain")).isEqualTo("plain");
        assertThat(AuditExport.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(AuditExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe() {
        assertThat(AuditExport.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditExport.cell("+31 20 555")).isEqualTo("'+31 20 555");
        assertThat(AuditExport.cell("-oops")).isEqualTo("'-oops");
        assertThat(AuditExport.cell("@sam")).isEqualTo("'@sam");
    }

    @Test
    void eachEntryIsOneRowUnderTheHeader() {
        String csv = AuditExport.csv(List.of(new AuditLog.Entry(Instant.parse("2026-12-03T09:00:00Z"), 7L, "bea",
                "rejected", "spam")));

        assertThat(csv).isEqualTo("at,task_id,actor,action,detail\r\n2026-12-03T09:00:00Z,7,bea,rejected,spam\r\n");
    }
}
