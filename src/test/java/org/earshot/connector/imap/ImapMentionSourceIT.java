package org.earshot.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.earshot.connector.imap.ImapTestMail.PASSWORD;
import static org.earshot.connector.imap.ImapTestMail.SUPPORT;
import static org.earshot.connector.imap.ImapTestMail.brand;
import static org.earshot.connector.imap.ImapTestMail.mail;
import static org.earshot.connector.imap.ImapTestMail.parse;
import static org.earshot.connector.imap.ImapTestMail.settings;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PollResult;
import org.earshot.domain.IncomingMention;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ImapMentionSourceIT {
    @RegisterExtension
    static final GreenMailExtension server = ImapTestMail.server();

    private GreenMailUser support;
    private ImapMentionSource source;

    @BeforeEach
    void mailbox() {
        support = server.setUser(SUPPORT, SUPPORT, PASSWORD);
        source = new ImapMentionSource(settings(server), brand());
    }

    private void customerWrites(int n) {
        support.deliver(mail("Customer " + n + " <customer" + n + "@example.net>", "<mail-" + n + "@example.net>",
                "Question " + n, "Where is my bag number " + n + "?"));
    }

    @Test
    void firstPollReadsEveryMailInTheFolderOldestFirst() throws Exception {
        customerWrites(1);
        customerWrites(2);
        customerWrites(3);

        PollResult result = source.poll(null);

        assertThat(result.mentions()).extracting(ImapTestMail::messageId)
                .containsExactly("<mail-1@example.net>", "<mail-2@example.net>", "<mail-3@example.net>");
        assertThat(result.nextCursor()).matches("\\d+:3");
    }

    @Test
    void mailIsTakenWithItsSenderSubjectAndWhatAReplyNeeds() throws Exception {
        support.deliver(parse("""
                From: "Lopez, Maria" <Maria.Lopez@Example.NET>
                Reply-To: maria.private@example.org
                To: support@acme.example
                Message-ID: <second@example.net>
                References: <first@example.net>
                 <acme-answer@acme.example>
                Date: Mon, 02 Nov 2026 08:14:52 +0100
                Subject: Charged twice
                Content-Type: text/plain; charset=UTF-8

                You charged me twice.
                """));

        IncomingMention m = source.poll(null).mentions().get(0);

        assertThat(m.author().handle()).isEqualTo("maria.lopez@example.net");
        assertThat(m.author().name()).isEqualTo("Lopez, Maria");
        assertThat(m.author().followers()).isZero();
        assertThat(m.subject()).isEqualTo("Charged twice");
        assertThat(m.text()).isEqualTo("You charged me twice.");
        assertThat(m.createdAt()).hasToString("2026-11-02T07:14:52Z");
        assertThat(m.replyContext()).containsEntry("messageId", "<second@example.net>")
                .containsEntry("references", "<first@example.net> <acme-answer@acme.example>")
                .containsEntry("replyTo", "maria.private@example.org")
                .containsEntry("subject", "Charged twice");
    }

    @Test
    void secondPollFromTheCursorReadsNothingWhenNoMailCame() throws Exception {
        customerWrites(1);
        customerWrites(2);
        PollResult first = source.poll(null);

        PollResult second = source.poll(first.nextCursor());

        assertThat(second.mentions()).isEmpty();
        assertThat(second.nextCursor()).isEqualTo(first.nextCursor());
    }

    @Test
    void theNewestMailIsNotReturnedAgainAlthoughImapAnswersAfterLastWithIt() throws Exception {
        customerWrites(1);
        String cursor = source.poll(null).nextCursor();

        // "UID FETCH 2:*" returns message 1 when nothing newer exists.
        assertThat(source.poll(cursor).mentions()).isEmpty();
        assertThat(source.poll(cursor).mentions()).isEmpty();
    }

    @Test
    void mailArrivingAfterThePollIsReadOnceByTheNextPoll() throws Exception {
        customerWrites(1);
        String cursor = source.poll(null).nextCursor();
        customerWrites(2);

        PollResult next = source.poll(cursor);
        PollResult after = source.poll(next.nextCursor());

        assertThat(next.mentions()).extracting(ImapTestMail::messageId).containsExactly("<mail-2@example.net>");
        assertThat(after.mentions()).isEmpty();
    }

    @Test
    void emptyFolderGivesACursorThatStillFindsTheFirstMail() throws Exception {
        PollResult empty = source.poll(null);
        customerWrites(1);

        assertThat(empty.mentions()).isEmpty();
        assertThat(source.poll(empty.nextCursor()).mentions()).hasSize(1);
    }

    @Test
    void aBacklogIsReadInBatchesOverSeveralPollsWithoutLosingMail() throws Exception {
        for (int i = 1; i <= 5; i++) {
            customerWrites(i);
        }
        ImapMentionSource small = new ImapMentionSource(settings(server, PASSWORD, 2), brand());

        PollResult a = small.poll(null);
        PollResult b = small.poll(a.nextCursor());
        PollResult c = small.poll(b.nextCursor());
        PollResult d = small.poll(c.nextCursor());

        assertThat(a.mentions()).extracting(ImapTestMail::messageId)
                .containsExactly("<mail-1@example.net>", "<mail-2@example.net>");
        assertThat(b.mentions()).extracting(ImapTestMail::messageId)
                .containsExactly("<mail-3@example.net>", "<mail-4@example.net>");
        assertThat(c.mentions()).extracting(ImapTestMail::messageId).containsExactly("<mail-5@example.net>");
        assertThat(d.mentions()).isEmpty();
    }

    @Test
    void aChangedUidValidityReadsTheFolderFromTheBeginning() throws Exception {
        customerWrites(1);
        customerWrites(2);
        String cursor = source.poll(null).nextCursor();
        long validity = Long.parseLong(cursor.split(":")[0]);

        PollResult afterRenumbering = source.poll((validity - 1) + ":2");

        assertThat(afterRenumbering.mentions()).extracting(ImapTestMail::messageId)
                .containsExactly("<mail-1@example.net>", "<mail-2@example.net>");
        assertThat(afterRenumbering.nextCursor()).isEqualTo(cursor);
    }

    @Test
    void readExistingOffStartsAfterTheMailAlreadyThere() throws Exception {
        customerWrites(1);
        ImapSettings s = settings(server);
        ImapMentionSource onlyNew = new ImapMentionSource(new ImapSettings(s.connectorId(), s.imapHost(), s.imapPort(),
                s.smtpHost(), s.smtpPort(), false, false, s.username(), s.password(), s.folder(), s.sentFolder(),
                s.fromAddress(), s.fromName(), s.connectTimeout(), s.readTimeout(), 200, false, true), brand());

        PollResult first = onlyNew.poll(null);
        customerWrites(2);

        assertThat(first.mentions()).isEmpty();
        assertThat(onlyNew.poll(first.nextCursor()).mentions()).extracting(ImapTestMail::messageId)
                .containsExactly("<mail-2@example.net>");
    }

    @Test
    void mailFromTheBrandsOwnAccountsAndExcludedSendersIsSkippedButPassed() throws Exception {
        support.deliver(mail("Acme Air <NoReply@acme.example>", "<own@acme.example>", "Your booking", "Confirmed."));
        support.deliver(mail("support@acme.example", "<self@acme.example>", "Re: bag", "We are on it."));
        support.deliver(mail("reseller-bot@example.com", "<bot@example.com>", "Cheap flights", "Buy now"));
        customerWrites(4);

        PollResult result = source.poll(null);

        assertThat(result.mentions()).extracting(ImapTestMail::messageId).containsExactly("<mail-4@example.net>");
        assertThat(result.nextCursor()).endsWith(":4");
    }

    @Test
    void outOfOfficeAnswersAreNotTakenForMentions() throws Exception {
        support.deliver(parse("""
                From: traveller@example.net
                Message-ID: <ooo@example.net>
                Auto-Submitted: auto-replied
                Subject: Out of office: Re: your bag

                I am away until Monday.
                """));

        assertThat(source.poll(null).mentions()).isEmpty();
    }

    @Test
    void mailWithoutMessageIdGetsAnIdFromItsContent() throws Exception {
        support.deliver(parse("""
                From: old-client@example.net
                Subject: no id

                Hello?
                """));

        PollResult result = source.poll(null);

        assertThat(result.mentions().get(0).externalId()).matches("mail#[0-9a-f]{16}");
        assertThat(result.mentions().get(0).replyContext()).containsEntry("messageId", "")
                .containsEntry("replyTo", "old-client@example.net");
    }

    @Test
    void anOrdinaryMailWhoseToIsABareLocalNameIsRead() throws Exception {
        support.deliver(parse("""
                From: Maria Lopez <maria@example.net>
                To: support
                Cc: undisclosed-recipients:;
                Message-ID: <bare-to@example.net>
                Subject: Lost bag

                My bag did not arrive.
                """));

        IncomingMention m = source.poll(null).mentions().get(0);

        assertThat(m.author().handle()).isEqualTo("maria@example.net");
        assertThat(m.text()).isEqualTo("My bag did not arrive.");
    }

    @Test
    void aMailWithoutAnySenderIsStillTakenAndTheOnesAfterItToo() throws Exception {
        support.deliver(parse("""
                To: support@acme.example
                Message-ID: <nobody@example.net>
                Subject: who am I

                No From at all.
                """));
        customerWrites(2);

        PollResult result = source.poll(null);

        assertThat(result.mentions()).extracting(ImapTestMail::messageId)
                .containsExactly("<nobody@example.net>", "<mail-2@example.net>");
        assertThat(result.mentions().get(0).author().handle()).isEmpty();
        assertThat(result.nextCursor()).endsWith(":2");
    }

    @Test
    void twoDifferentMailsSharingAMessageIdBothArrive() throws Exception {
        support.deliver(mail("a@example.net", "<reused@example.net>", "Refund", "Where is my refund?"));
        support.deliver(mail("b@example.net", "<reused@example.net>", "Seat", "I lost my seat."));

        PollResult result = source.poll(null);

        assertThat(result.mentions()).hasSize(2);
        assertThat(result.mentions()).extracting(IncomingMention::externalId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith("<reused@example.net>#"));
    }

    @Test
    void theSameMailDeliveredTwiceOrReadAgainKeepsOneIdSoItFolds() throws Exception {
        support.deliver(mail("a@example.net", "<once@example.net>", "Refund", "Where is my refund?"));
        support.deliver(mail("a@example.net", "<once@example.net>", "Refund", "Where is my refund?"));

        PollResult first = source.poll(null);
        PollResult fromTheStart = source.poll("0:0");

        assertThat(first.mentions()).hasSize(2);
        assertThat(first.mentions().get(0).externalId()).isEqualTo(first.mentions().get(1).externalId());
        assertThat(fromTheStart.mentions().get(0).externalId()).isEqualTo(first.mentions().get(0).externalId());
    }

    @Test
    void bouncesAndAutoRepliesAreSkippedWithTheirReasonAndTheCursorMovesPastThem() throws Exception {
        support.deliver(parse("""
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: support@acme.example
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Final-Recipient: rfc822; gone@example.org
                Action: failed
                Status: 5.1.1
                --b--
                """));
        support.deliver(parse("""
                From: traveller@example.net
                X-Autoreply: yes
                Subject: Away

                I am away.
                """));
        customerWrites(3);

        ImapPoll poll = source.pollInDetail(null);

        assertThat(poll.mails()).extracting(ReadMail::skipReason)
                .containsExactly(AutomaticMail.BOUNCE, AutomaticMail.AUTO_REPLY, null);
        assertThat(poll.result().mentions()).extracting(ImapTestMail::messageId).containsExactly("<mail-3@example.net>");
        assertThat(poll.result().nextCursor()).endsWith(":3");
    }

    @Test
    void wrongPasswordIsAPermanentFailureThatNamesTheKeysToFix() {
        ImapMentionSource wrong = new ImapMentionSource(settings(server, "not-the-password", 200), brand());

        assertThatThrownBy(() -> wrong.poll(null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageStartingWith("IMAP login refused for support@acme.example: check connectors.support-mail.username/password");
    }

    @Test
    void unreachableServerIsATransientFailure() {
        ImapSettings s = settings(server);
        int closedPort = s.smtpPort();
        server.stop();
        ImapMentionSource down = new ImapMentionSource(new ImapSettings(s.connectorId(), s.imapHost(), closedPort,
                s.smtpHost(), s.smtpPort(), false, false, s.username(), s.password(), s.folder(), s.sentFolder(),
                s.fromAddress(), s.fromName(), s.connectTimeout(), s.readTimeout(), 200, true, true), brand());

        assertThatThrownBy(() -> down.poll(null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isFalse())
                .hasMessageContaining("cannot reach the IMAP server 127.0.0.1:" + closedPort);
    }

    @Test
    void missingFolderIsAPermanentFailureThatNamesTheKey() {
        ImapSettings s = settings(server);
        ImapMentionSource lost = new ImapMentionSource(new ImapSettings(s.connectorId(), s.imapHost(), s.imapPort(),
                s.smtpHost(), s.smtpPort(), false, false, s.username(), s.password(), "Customers", s.sentFolder(),
                s.fromAddress(), s.fromName(), s.connectTimeout(), s.readTimeout(), 200, true, true), brand());

        assertThatThrownBy(() -> lost.poll(null))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isPermanent()).isTrue())
                .hasMessageContaining("connectors.support-mail.folder");
    }
}
