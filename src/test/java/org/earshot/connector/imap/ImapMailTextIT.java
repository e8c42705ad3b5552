package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.connector.imap.ImapTestMail.PASSWORD;
import static org.earshot.connector.imap.ImapTestMail.SUPPORT;
import static org.earshot.connector.imap.ImapTestMail.brand;
import static org.earshot.connector.imap.ImapTestMail.parse;
import static org.earshot.connector.imap.ImapTestMail.settings;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.util.Properties;
import java.util.Random;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a mention's text and subject become for the shapes mail clients really send, read over IMAP. */
class ImapMailTextIT {
    @RegisterExtension
    static final GreenMailExtension server = ImapTestMail.server();

    private GreenMailUser support;

    @BeforeEach
    void mailbox() {
        support = server.setUser(SUPPORT, SUPPORT, PASSWORD);
    }

    private IncomingMention read(MimeMessage message) throws Exception {
        support.deliver(message);
        return new ImapMentionSource(settings(server), brand()).poll(null).mentions().get(0);
    }

    private IncomingMention read(String eml) throws Exception {
        return read(parse(eml));
    }

    @Test
    void multipartAlternativeIsReadFromItsPlainTextPart() throws Exception {
        IncomingMention m = read("""
                From: jordan@example.com
                Message-ID: <alt@example.com>
                Subject: Wi-Fi
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                The Wi-Fi never worked.
                --b1
                Content-Type: text/html; charset=UTF-8

                <p>The <b>HTML</b> version.</p>
                --b1--
                """);

        assertThat(m.text()).isEqualTo("The Wi-Fi never worked.");
    }

    @Test
    void htmlOnlyMailBecomesTextWithoutScriptsOrStyles() throws Exception {
        IncomingMention m = read("""
                From: jordan@example.com
                Message-ID: <html@example.com>
                Subject: Seat
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8

                <html><head><title>t</title><style>p { color: red }</style>
                <script>steal(document.cookie)</script></head>
                <body><p>My seat 14C was <b>broken</b>&nbsp;&amp; nobody helped.</p>
                <p>Thanks,<br>Jordan</p><script>alert('x')</script></body></html>
                """);

        assertThat(m.text()).isEqualTo("My seat 14C was broken & nobody helped.\n\nThanks,\nJordan");
        assertThat(m.text()).doesNotContain("steal", "alert", "color");
    }

    @Test
    void quotedPrintableUtf8BodyIsDecoded() throws Exception {
        IncomingMention m = read("""
                From: priya@example.com
                Message-ID: <qp@example.com>
                Subject: Bag
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                File DENAA20814 =E2=80=93 nobody has call=
                ed me back. Caf=C3=A9 voucher?
                """);

        assertThat(m.text()).isEqualTo("File DENAA20814 \u2013 nobody has called me back. Caf\u00e9 voucher?");
    }

    @Test
    void base64BodyIsDecoded() throws Exception {
        IncomingMention m = read("""
                From: priya@example.com
                Message-ID: <b64@example.com>
                Subject: Bag
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: base64

                V2hlcmUgaXMgbXkgYmFnPyDwn5Kp
                """);

        assertThat(m.text()).isEqualTo("Where is my bag? \uD83D\uDCA9");
    }

    @Test
    void isoLatin1QuotedPrintableBodyAndEncodedWordSubjectAreDecoded() throws Exception {
        IncomingMention m = read("""
                From: =?ISO-8859-1?Q?H=E9l=E8ne_Dubois?= <helene@example.fr>
                Message-ID: <latin1@example.fr>
                Subject: =?ISO-8859-1?Q?R=E9servation_annul=E9e_:_o=F9_est_mon_rembourseme?=
                 =?ISO-8859-1?Q?nt_=3F?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Ma r=E9servation a =E9t=E9 annul=E9e, rien re=E7u.
                """);

        assertThat(m.subject()).isEqualTo("R\u00e9servation annul\u00e9e : o\u00f9 est mon remboursement ?");
        assertThat(m.author().name()).isEqualTo("H\u00e9l\u00e8ne Dubois");
        assertThat(m.text()).isEqualTo("Ma r\u00e9servation a \u00e9t\u00e9 annul\u00e9e, rien re\u00e7u.");
    }

    @Test
    void windows1252BodyKeepsItsCurlyQuotesAndEuroSign() throws Exception {
        // Raw 8-bit bytes: 0x93/0x94 are curly quotes and 0x80 the euro sign in Windows-1252.
        IncomingMention m = read("""
                From: outlook-user@example.de
                Message-ID: <cp1252@example.de>
                Subject: Refund
                MIME-Version: 1.0
                Content-Type: text/plain; charset="windows-1252"
                Content-Transfer-Encoding: 8bit

                You said \u0093seven days\u0094 for my 612,40 \u0080.
                """);

        assertThat(m.text()).isEqualTo("You said \u201cseven days\u201d for my 612,40 \u20ac.");
    }

    @Test
    void windows1252TextLabelledAsIsoLatin1IsReadAsWindows1252() throws Exception {
        IncomingMention m = read("""
                From: old-outlook@example.fr
                Message-ID: <mislabelled@example.fr>
                Subject: Vol
                MIME-Version: 1.0
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Paris =96 Montr=E9al, 612,40 =80
                """);

        assertThat(m.text()).isEqualTo("Paris \u2013 Montr\u00e9al, 612,40 \u20ac");
    }

    @Test
    void unknownCharsetFallsBackInsteadOfDroppingTheMail() throws Exception {
        IncomingMention m = read("""
                From: odd-client@example.net
                Message-ID: <odd@example.net>
                Subject: =?x-unknown-42?Q?odd?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset="x-unknown-42"
                Content-Transfer-Encoding: 8bit

                Caf\u00c3\u00a9 was cold.
                """);

        assertThat(m.externalId()).startsWith("<odd@example.net>#");
        assertThat(m.text()).isEqualTo("Caf\u00e9 was cold.");
        assertThat(m.subject()).isNotBlank();
    }

    @Test
    void brokenTransferEncodingStillGivesAMention() throws Exception {
        IncomingMention m = read("""
                From: broken@example.net
                Message-ID: <broken@example.net>
                Subject: broken
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: x-made-up

                Plain words anyway.
                """);

        assertThat(m.externalId()).startsWith("<broken@example.net>#");
        assertThat(m.text()).contains("Plain words anyway.");
    }

    @Test
    void aTenMegabyteAttachmentIsIgnoredAndTheMailIngested() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom("traveller@example.net");
        message.setSubject("Receipts attached");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Please refund the hotel, receipts attached.", "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        new Random(7).nextBytes(tenMegabytes);
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(tenMegabytes, "application/pdf")));
        attachment.setFileName("receipts.pdf");
        MimeBodyPart textAttachment = new MimeBodyPart();
        textAttachment.setText("log line that is not the customer's text", "UTF-8");
        textAttachment.setFileName("log.txt");
        message.setContent(new MimeMultipart(attachment, textAttachment, text));
        message.saveChanges();

        IncomingMention m = read(message);

        assertThat(m.text()).isEqualTo("Please refund the hotel, receipts attached.");
    }

    @Test
    void quotedHistoryAndSignatureAreLeftOut() throws Exception {
        IncomingMention m = read("""
                From: tom@example.org
                Message-ID: <quoted@example.org>
                Subject: Re: Your flight AA 412 has been cancelled
                Content-Type: text/plain; charset=us-ascii

                Do I get a full refund or only a voucher?

                Tom
                --\s
                Tom Becker | Hamburg

                On Sun, 1 Nov 2026 at 18:40, Acme Air <noreply@acme.example>
                wrote:
                > Dear customer,
                > your flight AA 412 has been cancelled.
                """);

        assertThat(m.text()).isEqualTo("Do I get a full refund or only a voucher?\n\nTom");
    }

    @Test
    void interleavedQuotesAreDroppedAndTheAnswersKept() throws Exception {
        IncomingMention m = read("""
                From: tom@example.org
                Message-ID: <inline@example.org>
                Subject: Re: booking
                Content-Type: text/plain; charset=us-ascii

                > What is your booking reference?
                AC7X2P
                > And your flight?
                AA 412
                """);

        assertThat(m.text()).isEqualTo("AC7X2P\nAA 412");
    }
}
