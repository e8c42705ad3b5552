package org.earshot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportsCsvFieldTest {
    @Test
    void aFieldWithACommaQuoteOrLineBreakIsQuotedWithItsQuotesDoubled() {
        assertThat(ReportsApi.field("lost, again")).isEqualTo("\"lost, again\"");
        assertThat(ReportsApi.field("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
        assertThat(ReportsApi.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(ReportsApi.field("plain")).isEqualTo("plain");
    }

    @Test
    void textASpreadsheetWouldRunAsAFormulaGetsAnApostropheButNumbersDoNot() {
        assertThat(ReportsApi.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReportsApi.field("@cmd")).isEqualTo("'@cmd");
        assertThat(ReportsApi.field("+1 refund")).isEqualTo("'+1 refund");
        assertThat(ReportsApi.field("-12")).isEqualTo("-12");
    }
}
