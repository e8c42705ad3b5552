package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailCharsetsTest {
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aBodyLabelledUsAsciiWhoseBytesAreUtf8IsReadAsUtf8() {
        byte[] bytes = "Ich möchte mein Geld zurück – sofort.".getBytes(StandardCharsets.UTF_8);

        assertThat(MailCharsets.decode(bytes, "us-ascii")).isEqualTo("Ich möchte mein Geld zurück – sofort.");
    }

    @Test
    void aBodyLabelledIso88591IsReadAsWindows1252SoCurlyQuotesAndTheEuroSurvive() {
        byte[] bytes = "“Refund 20 €” please".getBytes(Charset.forName("windows-1252"));

        assertThat(MailCharsets.decode(bytes, "ISO-8859-1")).isEqualTo("“Refund 20 €” please");
    }

    @Test
    void aDeclaredCharsetThatIsNotUtf8IsUsedWhenTheBytesAreNotUtf8() {
        byte[] bytes = "Верните деньги за билет".getBytes(Charset.forName("KOI8-R"));

        assertThat(MailCharsets.decode(bytes, "koi8-r")).isEqualTo("Верните деньги за билет");
    }

    @Test
    void sevenBitIso2022JpNeedsItsLabelAndGetsIt() {
        byte[] bytes = "日本語のテスト".getBytes(Charset.forName("ISO-2022-JP"));

        assertThat(MailCharsets.decode(bytes, "iso-2022-jp")).isEqualTo("日本語のテスト");
    }

    @Test
    void unlabelledEightBitTextThatIsNotUtf8IsReadAsWindows1252() {
        byte[] bytes = "Où est ma valise?".getBytes(Charset.forName("windows-1252"));

        assertThat(MailCharsets.decode(bytes, null)).isEqualTo("Où est ma valise?");
        assertThat(MailCharsets.decode(bytes, "x-unknown-charset")).isEqualTo("Où est ma valise?");
    }

    @Test
    void utf8WithOneStrayByteIsStillReadAsUtf8() {
        byte[] good = "Юникод запрещен".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1);
        bytes[good.length] = (byte) 0xF1;

        assertThat(MailCharsets.decode(bytes, null)).isEqualTo("Юникод запрещен\uFFFD");
    }

    @Test
    void rawEightBitUtf8InAHeaderIsReadAsUtf8NotLatin1() {
        String raw = latin1("Réclamation: bagage perdu à Zürich".getBytes(StandardCharsets.UTF_8));

        assertThat(MailCharsets.header(raw, null)).isEqualTo("Réclamation: bagage perdu à Zürich");
    }

    @Test
    void rawEightBitLatin1InAHeaderIsReadAsWindows1252() {
        String raw = latin1("Gepäck verloren".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(MailCharsets.header(raw, null)).isEqualTo("Gepäck verloren");
    }

    @Test
    void anEncodedWordWithTheCharsetNoneIsDecodedByItsBytes() {
        assertThat(MailCharsets.header("=?NONE?B?" + java.util.Base64.getEncoder()
                .encodeToString("Où est ma valise?".getBytes(StandardCharsets.UTF_8)) + "?=", null))
                .isEqualTo("Où est ma valise?");
    }

    @Test
    void anEncodedWordLabelledUsAsciiOverUtf8BytesIsReadAsUtf8() {
        assertThat(MailCharsets.header("=?us-ascii?Q?caf=C3=A9_cr=C3=A8me?=", null)).isEqualTo("café crème");
    }

    @Test
    void aCharacterSplitOverTwoEncodedWordsIsJoinedBeforeDecoding() {
        // "é" is C3 A9: the first word ends with C3, the next starts with A9.
        assertThat(MailCharsets.header("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?= ouvert", null)).isEqualTo("café ouvert");
    }

    @Test
    void wordsAndPlainTextMixAndFoldedLinesAreUnfolded() {
        assertThat(MailCharsets.header("Re: =?iso-8859-1?Q?Die_Hasen_und_die_Fr=F6sche?=\r\n  (again)", null))
                .isEqualTo("Re: Die Hasen und die Frösche  (again)");
    }

    @Test
    void aBrokenEncodedWordStaysAsWritten() {
        assertThat(MailCharsets.header("=?utf-8?B?@@@?= hello", null)).isEqualTo("=?utf-8?B?@@@?= hello");
    }
}
