package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What happens to a mail the server will not hand over. A real server does this for a mail whose
 * stored file is damaged ("NO [SERVERBUG]"); GreenMail cannot be made to, so a message that refuses
 * its bytes stands in for it here.
 */
class MailReaderTest {
    private final Session session = Session.getInstance(new Properties());
    private final MailReader reader = new MailReader("support-mail", session, Set.of("support@acme.example"));

    private MimeMessage onServer(String refusal) throws MessagingException {
        MimeMessage m = new MimeMessage(session) {
            @Override
            public void writeTo(OutputStream os) throws MessagingException {
                if (refusal != null) {
                    throw new MessagingException(refusal);
                }
            }
        };
        m.setHeader("From", "maria@example.net");
        m.setHeader("Subject", "Lost bag");
        return m;
    }

    @Test
    void aMailWhoseBytesTheServerRefusesIsHandedOverUnreadableWithItsPositionAndTheReason() throws Exception {
        ReadMail read = reader.read(onServer("A7 NO [SERVERBUG] Internal error occurred"), 7, "uid:42:7@INBOX");

        assertThat(read.mention()).isNull();
        assertThat(read.unreadable().externalId()).isEqualTo("uid:42:7@INBOX");
        assertThat(read.unreadable().reason()).isEqualTo("MessagingException: A7 NO [SERVERBUG] Internal error occurred");
        assertThat(read.unreadable().raw()).isEmpty();
    }

    @Test
    void aMailTheServerSendsNoBytesForIsUnreadableNotAnEmptyMention() throws Exception {
        ReadMail read = reader.read(onServer(null), 8, "uid:42:8@INBOX");

        assertThat(read.unreadable().reason()).isEqualTo("the server sent no bytes for it");
    }

    @Test
    void aLostConnectionIsNotHiddenAsAnUnreadableMail() throws Exception {
        MimeMessage m = onServer(null);
        MimeMessage lost = new MimeMessage(m) {
            @Override
            public void writeTo(OutputStream os) throws MessagingException {
                throw new MessagingException("read failed", new java.net.SocketTimeoutException("Read timed out"));
            }
        };

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(lost, 9, "uid:42:9@INBOX"))
                .isInstanceOf(MessagingException.class).hasMessage("read failed");
    }

    @Test
    void aKeptMailIsReadAgainFromItsBytesAloneAndAnAutomaticOneGivesNoMention() throws Exception {
        byte[] mail = ("From: Maria Lopez <maria@example.net>\r\nTo: support@acme.example\r\n"
                + "Subject: Lost bag\r\nMessage-ID: <lost-bag@example.net>\r\n\r\nMy bag never arrived in Madrid.\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bounce = ("From: MAILER-DAEMON@example.net\r\nAuto-Submitted: auto-replied\r\nSubject: Undeliverable\r\n"
                + "\r\nThe mail could not be delivered.\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var read = reader.reread(new org.earshot.connector.UnreadableItem("uid:42:9@INBOX", "was odd", mail, false));
        var none = reader.reread(new org.earshot.connector.UnreadableItem("uid:42:10@INBOX", "was odd", bounce, false));

        assertThat(read).singleElement().satisfies(m -> {
            assertThat(m.author().handle()).isEqualTo("maria@example.net");
            assertThat(m.text()).contains("My bag never arrived in Madrid.");
        });
        assertThat(none).isEmpty();
    }
}
