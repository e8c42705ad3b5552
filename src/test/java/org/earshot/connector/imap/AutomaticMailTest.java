package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.connector.imap.ImapTestMail.parse;

import org.junit.jupiter.api.Test;

class AutomaticMailTest {
    private static String reason(String headers) throws Exception {
        return AutomaticMail.reason(parse(headers + "\n\nbody\n")).orElse("a person");
    }

    @Test
    void aDeliveryStatusReportIsABounce() throws Exception {
        assertThat(reason("From: MAILER-DAEMON@mx.example.net\nContent-Type: multipart/report;"
                + " report-type=delivery-status; boundary=x")).isEqualTo(AutomaticMail.BOUNCE);
        assertThat(reason("From: postmaster@example.net\nContent-Type: multipart/report;"
                + " report-type=\"delivery-status\"; boundary=x")).isEqualTo(AutomaticMail.BOUNCE);
    }

    @Test
    void anOldStyleBounceIsKnownByItsSenderOrItsFailedRecipients() throws Exception {
        assertThat(reason("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery failed"))
                .isEqualTo(AutomaticMail.BOUNCE);
        assertThat(reason("From: root@mx.example.net\nX-Failed-Recipients: gone@example.net"))
                .isEqualTo(AutomaticMail.BOUNCE);
    }

    @Test
    void aDispositionNotificationIsAReadReceiptAndAFeedbackReportAnAbuseReport() throws Exception {
        assertThat(reason("From: a@example.net\nContent-Type: multipart/report;"
                + " report-type=disposition-notification; boundary=x")).isEqualTo(AutomaticMail.READ_RECEIPT);
        assertThat(reason("From: scomp@aol.net\nContent-Type: multipart/report; report-type=feedback-report;"
                + " boundary=x")).isEqualTo(AutomaticMail.ABUSE_REPORT);
    }

    @Test
    void autoSubmittedXAutoreplyAndPrecedenceAutoReplyAreAutoReplies() throws Exception {
        assertThat(reason("From: a@example.net\nAuto-Submitted: auto-replied")).isEqualTo(AutomaticMail.AUTO_REPLY);
        assertThat(reason("From: a@example.net\nAuto-Submitted: auto-generated")).isEqualTo(AutomaticMail.AUTO_REPLY);
        assertThat(reason("From: a@example.net\nX-Autoreply: yes")).isEqualTo(AutomaticMail.AUTO_REPLY);
        assertThat(reason("From: a@example.net\nPrecedence: auto_reply")).isEqualTo(AutomaticMail.AUTO_REPLY);
        assertThat(reason("From: a@example.net\nReturn-Path: <>")).isEqualTo(AutomaticMail.AUTO_REPLY);
    }

    @Test
    void precedenceBulkOrJunkIsBulkMail() throws Exception {
        assertThat(reason("From: news@shop.example\nPrecedence: bulk")).isEqualTo(AutomaticMail.BULK);
        assertThat(reason("From: news@shop.example\nPrecedence: junk")).isEqualTo(AutomaticMail.BULK);
    }

    @Test
    void aPersonsMailIncludingAutoSubmittedNoIsNotAutomatic() throws Exception {
        assertThat(reason("From: a@example.net\nSubject: my bag")).isEqualTo("a person");
        assertThat(reason("From: a@example.net\nAuto-Submitted: no")).isEqualTo("a person");
        assertThat(reason("From: a@example.net\nPrecedence: list")).isEqualTo("a person");
        assertThat(reason("From: a@example.net\nContent-Type: multipart/mixed; boundary=x")).isEqualTo("a person");
    }
}
