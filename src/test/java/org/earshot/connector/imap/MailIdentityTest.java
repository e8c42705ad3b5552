package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MailIdentityTest {
    private static final String MAIL = """
            From: Maria <maria@example.net>
            To: support@acme.example
            Message-ID: <same@example.net>
            Date: Mon, 02 Nov 2026 08:14:52 +0100
            Subject: %s

            %s
            """;

    private static String id(String mail) {
        return MailIdentity.of(mail.getBytes(StandardCharsets.ISO_8859_1), "<same@example.net>");
    }

    @Test
    void theSameMailReadTwiceHasTheSameId() {
        String mail = MAIL.formatted("Charged twice", "You charged me twice.");

        assertThat(id(mail)).isEqualTo(id(mail)).startsWith("<same@example.net>#").hasSize("<same@example.net>#".length() + 16);
    }

    @Test
    void aSecondCopyThroughAnotherServerWithOtherTraceHeadersAndCrlfHasTheSameId() {
        String mail = MAIL.formatted("Charged twice", "You charged me twice.");
        String copy = ("Received: from mx2.example.net by imap.acme.example; Mon, 02 Nov 2026 08:15:01 +0100\n"
                + "Delivered-To: help@acme.example\nX-Spam-Score: 0.1\n" + mail).replace("\n", "\r\n");

        assertThat(id(copy)).isEqualTo(id(mail));
    }

    @Test
    void twoDifferentMailsSharingAMessageIdHaveDifferentIds() {
        assertThat(id(MAIL.formatted("Charged twice", "You charged me twice.")))
                .isNotEqualTo(id(MAIL.formatted("Charged twice", "You charged me three times.")))
                .isNotEqualTo(id(MAIL.formatted("Lost bag", "You charged me twice.")));
    }

    @Test
    void aMailWithoutMessageIdIsKnownByItsFingerprintAlone() {
        assertThat(MailIdentity.of("Subject: hi\n\nhello\n".getBytes(StandardCharsets.ISO_8859_1), ""))
                .matches("mail#[0-9a-f]{16}");
    }

    @Test
    void aHugeMessageIdIsCutSoTheIdFitsItsColumn() {
        String huge = "<" + "x".repeat(2000) + "@example.net>";

        assertThat(MailIdentity.of("Subject: hi\n\nhello\n".getBytes(StandardCharsets.ISO_8859_1), huge))
                .hasSize(MailIdentity.MAX_MESSAGE_ID_CHARS + 17);
    }
}
