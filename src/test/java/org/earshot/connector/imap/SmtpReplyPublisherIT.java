package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.earshot.connector.imap.ImapTestMail.PASSWORD;
import static org.earshot.connector.imap.ImapTestMail.SUPPORT;
import static org.earshot.connector.imap.ImapTestMail.brand;
import static org.earshot.connector.imap.ImapTestMail.parse;
import static org.earshot.connector.imap.ImapTestMail.settings;
import static org.earshot.connector.imap.ImapTestMail.stored;
import static org.earshot.connector.imap.ImapTestMail.withSmtpPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.domain.Mention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpReplyPublisherIT {
    private static final String CUSTOMER = "maria.lopez@example.net";

    @RegisterExtension
    static final GreenMailExtension server = ImapTestMail.server();

    private GreenMailUser support;

    @BeforeEach
    void mailbox() {
        support = server.setUser(SUPPORT, SUPPORT, PASSWORD);
    }

    /** The customer's mail as the core stored it after a poll. */
    private Mention customerMail(String subject) throws Exception {
        support.deliver(parse("""
                From: Maria Lopez <Maria.Lopez@example.net>
                To: support@acme.example
                Message-ID: <second@example.net>
                References: <first@example.net>
                Subject: %s
                Content-Type: text/plain; charset=UTF-8

                You charged me twice for AC7X2P.
                """.formatted(subject)));
        return stored(new ImapMentionSource(settings(server), brand()).poll(null).mentions().get(0));
    }

    private static ReplyBlock block(Mention mention, String key) {
        return new ReplyBlock(mention, "Hi Maria,\n\nwe are refunding the second charge. \u2013 Acme Air",
                mention.externalId(), 0, 1, key);
    }

    private List<MimeMessage> receivedByCustomer() {
        return server.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(CUSTOMER), m -> true).toList();
    }

    private int messagesInSent() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), SUPPORT, PASSWORD);
        try {
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                return 0;
            }
            sent.open(Folder.READ_ONLY);
            int count = sent.getMessageCount();
            sent.close(false);
            return count;
        } finally {
            store.close();
        }
    }

    /** The Sent folder's copies as (Message-ID, flagged \\Draft). */
    private List<String> sentCopies() throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), SUPPORT, PASSWORD);
        try {
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                return List.of();
            }
            sent.open(Folder.READ_ONLY);
            List<String> copies = new java.util.ArrayList<>();
            for (Message m : sent.getMessages()) {
                copies.add(m.getHeader("Message-ID")[0] + (m.isSet(Flags.Flag.DRAFT) ? " draft" : " sent"));
            }
            sent.close(false);
            return copies;
        } finally {
            store.close();
        }
    }

    /** What a process killed after handing the reply to SMTP and before the answer leaves behind: its copy, flagged \\Draft. */
    private void leaveUnconfirmedCopy(Mention mention, String key) throws Exception {
        Session session = Session.getInstance(new Properties());
        String messageId = ReplyMessage.messageId(key, SUPPORT);
        MimeMessage copy = ReplyMessage.compose(session, settings(server), block(mention, key),
                new jakarta.mail.internet.InternetAddress(CUSTOMER), messageId);
        copy.setFlag(Flags.Flag.DRAFT, true);
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", server.getImap().getPort(), SUPPORT, PASSWORD);
        try {
            Folder sent = store.getFolder("Sent");
            if (!sent.exists()) {
                sent.create(Folder.HOLDS_MESSAGES);
            }
            sent.appendMessages(new Message[] {copy});
        } finally {
            store.close();
        }
    }

    @Test
    void theCopyInSentIsConfirmedOnceTheServerTookTheReply() throws Exception {
        Mention mention = customerMail("Charged twice");

        new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-20-block-0"));

        assertThat(sentCopies()).containsExactly("<task-20-block-0.earshot@acme.example> sent");
    }

    @Test
    void aReplyWhoseEarlierAttemptWasCutOffBeforeSmtpAnsweredIsBlockedForAPersonNotSentAgain() throws Exception {
        Mention mention = customerMail("Charged twice");
        leaveUnconfirmedCopy(mention, "task-21-block-0");

        assertThatThrownBy(() -> new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-21-block-0")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("may have gone out already")
                .hasMessageContaining("retry the reply to send it again");
        assertThat(receivedByCustomer()).isEmpty();
        assertThat(sentCopies()).isEmpty();
    }

    @Test
    void aPersonsRetryAfterTheCutOffAttemptSendsTheReplyOnce() throws Exception {
        Mention mention = customerMail("Charged twice");
        leaveUnconfirmedCopy(mention, "task-22-block-0");
        SmtpReplyPublisher publisher = new SmtpReplyPublisher(settings(server));
        assertThatThrownBy(() -> publisher.publish(block(mention, "task-22-block-0")))
                .isInstanceOf(ConnectorException.class);

        publisher.publish(block(mention, "task-22-block-0"));

        assertThat(receivedByCustomer()).extracting(MimeMessage::getMessageID)
                .containsExactly("<task-22-block-0.earshot@acme.example>");
        assertThat(sentCopies()).containsExactly("<task-22-block-0.earshot@acme.example> sent");
    }

    @Test
    void aReplyTheServerRefusedLeavesNoCopyBehindSoTheNextAttemptSendsIt() throws Exception {
        Mention mention = customerMail("Charged twice");
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("451 4.3.0 Try again later")) {
            assertThatThrownBy(() -> new SmtpReplyPublisher(withSmtpPort(settings(server), smtp.port()))
                    .publish(block(mention, "task-23-block-0"))).isInstanceOf(ConnectorException.class);
        }
        assertThat(sentCopies()).isEmpty();

        new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-23-block-0"));

        assertThat(receivedByCustomer()).hasSize(1);
    }

    @Test
    void replyArrivesInTheCustomersMailboxThreadedUnderTheirMail() throws Exception {
        Mention mention = customerMail("Charged twice");

        PostedReply posted = new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-7-block-0"));

        assertThat(receivedByCustomer()).hasSize(1);
        MimeMessage reply = receivedByCustomer().get(0);
        assertThat(reply.getSubject()).isEqualTo("Re: Charged twice");
        assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<second@example.net>");
        assertThat(reply.getHeader("References")[0].replaceAll("\\s+", " "))
                .isEqualTo("<first@example.net> <second@example.net>");
        assertThat(reply.getHeader("From")[0]).isEqualTo("Acme Air Support <support@acme.example>");
        assertThat(reply.getMessageID()).isEqualTo("<task-7-block-0.earshot@acme.example>");
        assertThat(posted.externalId()).isEqualTo("<task-7-block-0.earshot@acme.example>");
        assertThat(((String) reply.getContent()).strip())
                .isEqualTo("Hi Maria,\r\n\r\nwe are refunding the second charge. \u2013 Acme Air");
    }

    @Test
    void subjectThatAlreadyStartsWithReGetsNoSecondRe() throws Exception {
        Mention mention = customerMail("RE: Charged twice");

        new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-8-block-0"));

        assertThat(receivedByCustomer().get(0).getSubject()).isEqualTo("RE: Charged twice");
    }

    @Test
    void publishingTheSameBlockTwiceSendsOneEmail() throws Exception {
        Mention mention = customerMail("Charged twice");
        SmtpReplyPublisher publisher = new SmtpReplyPublisher(settings(server));

        PostedReply first = publisher.publish(block(mention, "task-9-block-0"));
        PostedReply again = new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-9-block-0"));

        assertThat(again).isEqualTo(first);
        assertThat(receivedByCustomer()).hasSize(1);
        assertThat(messagesInSent()).isEqualTo(1);
    }

    @Test
    void eachBlockOfAReplyIsItsOwnEmail() throws Exception {
        Mention mention = customerMail("Charged twice");
        SmtpReplyPublisher publisher = new SmtpReplyPublisher(settings(server));

        publisher.publish(block(mention, "task-10-block-0"));
        publisher.publish(block(mention, "task-10-block-1"));

        assertThat(receivedByCustomer()).extracting(Message::getSubject).containsExactly("Re: Charged twice", "Re: Charged twice");
    }

    @Test
    void aCopyIsFiledInTheSentFolderWhichIsCreatedWhenMissing() throws Exception {
        Mention mention = customerMail("Charged twice");
        assertThat(messagesInSent()).isZero();

        new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-11-block-0"));

        assertThat(messagesInSent()).isEqualTo(1);
    }

    @Test
    void replyOurOwnSourceReadsBackIsNotTakenForAMention() throws Exception {
        Mention mention = customerMail("Charged twice");
        new SmtpReplyPublisher(settings(server)).publish(block(mention, "task-12-block-0"));
        // Some servers deliver a copy of what the account sends to its own inbox.
        support.deliver(receivedByCustomer().get(0));

        assertThat(new ImapMentionSource(settings(server), brand()).poll("0:0").mentions())
                .extracting(ImapTestMail::messageId).containsExactly("<second@example.net>");
    }

    @Test
    void wrongPasswordIsAPermanentFailureAndNothingIsSent() throws Exception {
        Mention mention = customerMail("Charged twice");

        assertThatThrownBy(() -> new SmtpReplyPublisher(settings(server, "wrong", 200)).publish(block(mention, "k-13")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("check connectors.support-mail.username/password");
        assertThat(receivedByCustomer()).isEmpty();
    }

    @Test
    void smtpRefusalWith5xxIsPermanent() throws Exception {
        Mention mention = customerMail("Charged twice");
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("554 5.7.1 Message rejected as spam")) {
            SmtpReplyPublisher publisher = new SmtpReplyPublisher(withSmtpPort(settings(server), smtp.port()));

            assertThatThrownBy(() -> publisher.publish(block(mention, "k-14")))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isTrue())
                    .hasMessageContaining("554");
            assertThat(smtp.messagesAttempted()).isEqualTo(1);
        }
        assertThat(messagesInSent()).isZero();
    }

    @Test
    void smtpTemporaryRefusalWith4xxIsTransientAndNotRetriedByThePublisher() throws Exception {
        Mention mention = customerMail("Charged twice");
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("451 4.3.0 Try again later")) {
            SmtpReplyPublisher publisher = new SmtpReplyPublisher(withSmtpPort(settings(server), smtp.port()));

            assertThatThrownBy(() -> publisher.publish(block(mention, "k-15")))
                    .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isFalse());
            assertThat(smtp.messagesAttempted()).isEqualTo(1);
        }
    }

    @Test
    void unreachableSmtpServerIsTransient() throws Exception {
        Mention mention = customerMail("Charged twice");
        int closedPort;
        try (ScriptedSmtpServer gone = new ScriptedSmtpServer("250 ok")) {
            closedPort = gone.port();
        }
        SmtpReplyPublisher publisher = new SmtpReplyPublisher(withSmtpPort(settings(server), closedPort));

        assertThatThrownBy(() -> publisher.publish(block(mention, "k-16")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageContaining("SMTP 127.0.0.1:" + closedPort);
    }
}
