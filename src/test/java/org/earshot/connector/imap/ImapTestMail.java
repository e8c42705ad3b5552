package org.earshot.connector.imap;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.earshot.config.BrandConfig;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;

/** A GreenMail server per test, the brand's mailbox on it, and e-mails written the way clients write them. */
final class ImapTestMail {
    static final String SUPPORT = "support@acme.example";
    static final String PASSWORD = "s3cret-app-password";

    private ImapTestMail() {
    }

    static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup[] {
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)}).withPerMethodLifecycle(true);
    }

    static ImapSettings settings(GreenMailExtension server) {
        return settings(server, PASSWORD, 200);
    }

    static ImapSettings settings(GreenMailExtension server, String password, int maxMessagesPerPoll) {
        return new ImapSettings("support-mail", "127.0.0.1", server.getImap().getPort(), "127.0.0.1",
                server.getSmtp().getPort(), false, false, SUPPORT, password, "INBOX", "Sent", SUPPORT,
                "Acme Air Support", Duration.ofSeconds(5), Duration.ofSeconds(10), maxMessagesPerPoll, true, true);
    }

    static ImapSettings withSmtpPort(ImapSettings s, int smtpPort) {
        return new ImapSettings(s.connectorId(), s.imapHost(), s.imapPort(), s.smtpHost(), smtpPort, s.ssl(),
                s.starttls(), s.username(), s.password(), s.folder(), s.sentFolder(), s.fromAddress(), s.fromName(),
                s.connectTimeout(), s.readTimeout(), s.maxMessagesPerPoll(), s.readExisting(), s.saveToSent());
    }

    static BrandConfig brand() {
        return new BrandConfig("acme", "Acme Air", List.of("acme air"), List.of(), List.of(), List.of(),
                List.of("reseller-bot@example.com"), List.of("noreply@acme.example", SUPPORT));
    }

    static MimeMessage parse(String eml) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(eml.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain customer e-mail. */
    static MimeMessage mail(String from, String messageId, String subject, String body) {
        return parse("""
                From: %s
                To: support@acme.example
                Message-ID: %s
                Date: Mon, 02 Nov 2026 08:14:52 +0100
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(from, messageId, subject, body));
    }

    /** The mail's own Message-ID (a mention's id adds a fingerprint of the mail to it). */
    static String messageId(IncomingMention m) {
        return m.replyContext().get(MailMention.MESSAGE_ID);
    }

    /** The mention as the core would have stored it after a poll. */
    static Mention stored(IncomingMention m) {
        return new Mention(1, "support-mail", "acme", m.platform(), m.externalId(), m.author(), m.text(), m.subject(),
                m.createdAt(), m.url(), m.replyContext(), Instant.now());
    }
}
