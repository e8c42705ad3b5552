package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailAddressTest {
    @Test
    void anAddressWithoutADomainIsStillTheSender() {
        assertThat(MailAddress.first("nsb (Nathaniel Borenstein)", null))
                .contains(new MailAddress("nsb", "Nathaniel Borenstein"));
        assertThat(MailAddress.first("customer", null)).contains(new MailAddress("customer", ""));
    }

    @Test
    void aRawLatin1DisplayNameIsReadAsWritten() {
        String raw = new String("\"Ingo Lütkebohle\" <ingo@blank.pages.de>".getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1);

        assertThat(MailAddress.first(raw, null)).contains(new MailAddress("ingo@blank.pages.de", "Ingo Lütkebohle"));
    }

    @Test
    void aRawUtf8DisplayNameIsReadAsUtf8() {
        String raw = new String("Юникод <headers@gmail.com>".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(MailAddress.first(raw, null)).contains(new MailAddress("headers@gmail.com", "Юникод"));
    }

    @Test
    void anEncodedNameWithAMislabelledCharsetIsDecodedByItsBytes() {
        assertThat(MailAddress.first("=?us-ascii?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.es>", null))
                .contains(new MailAddress("jose@example.es", "José García"));
    }

    @Test
    void theFirstOfSeveralAddressesIsTheSenderAndAQuotedCommaStaysInTheName() {
        assertThat(MailAddress.first("\"Lopez, Maria\" <maria@example.net>, bob@example.net", null))
                .contains(new MailAddress("maria@example.net", "Lopez, Maria"));
    }

    @Test
    void anUnparseableHeaderStillGivesWhatStandsInAngleBrackets() {
        assertThat(MailAddress.first("Broken \"quote <broken@example.net>", null))
                .hasValueSatisfying(a -> assertThat(a.address()).isEqualTo("broken@example.net"));
    }

    @Test
    void noHeaderOrAnEmptyOneIsNoSender() {
        assertThat(MailAddress.first(null, null)).isEmpty();
        assertThat(MailAddress.first("  ", null)).isEmpty();
        assertThat(MailAddress.first("undisclosed-recipients:;", null)).isEmpty();
    }
}
