package org.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.earshot.config.BrandConfig;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.imap.ImapMentionSource;
import org.earshot.connector.imap.ImapSettings;
import org.earshot.connector.imap.SmtpReplyPublisher;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Mention;
import org.junit.jupiter.api.Test;

class DemoMailServerIT {
    private static final BrandConfig ACME = new BrandConfig("acme", "Acme Air", List.of("acme air"), List.of(),
            List.of(), List.of(), List.of(), List.of("support@acme.example"));

    private static ImapSettings settings(DemoMailServer demo) {
        return new ImapSettings("support-mail", demo.host(), demo.imapPort(), demo.host(), demo.smtpPort(), false, false,
                demo.user(), demo.password(), "INBOX", "Sent", "support@acme.example", "Acme Air Support",
                Duration.ofSeconds(5), Duration.ofSeconds(10), 200, true, true);
    }

    @Test
    void seedsTheSupportMailboxWithTheDemoCustomerEmails() throws Exception {
        try (DemoMailServer demo = DemoMailServer.start()) {
            List<IncomingMention> mentions = new ImapMentionSource(settings(demo), ACME).poll(null).mentions();

            assertThat(demo.seededCount()).isEqualTo(6);
            assertThat(mentions).extracting(IncomingMention::subject).containsExactly(
                    "Charged twice for booking AC7X2P",
                    "Re: Your flight AA 412 has been cancelled",
                    "URGENT: bag missing since Saturday, I need it by Thursday",
                    "Thank you to the crew of AA 77",
                    "R\u00e9servation annul\u00e9e : o\u00f9 est mon remboursement ?",
                    "Paid for Wi-Fi on AA 95 and it never worked");
        }
    }

    @Test
    void demoEmailsReadAsTheirCustomersWroteThem() throws Exception {
        try (DemoMailServer demo = DemoMailServer.start()) {
            List<IncomingMention> mentions = new ImapMentionSource(settings(demo), ACME).poll(null).mentions();

            assertThat(mentions.get(1).text()).endsWith("How long does that usually take?\n\nBest,\nTom")
                    .doesNotContain("Dear customer");
            assertThat(mentions.get(2).text()).contains("DENAA20814 \u2013 nobody has called me back");
            assertThat(mentions.get(4).author().name()).isEqualTo("H\u00e9l\u00e8ne Dubois");
            assertThat(mentions.get(4).text()).contains("Paris \u2013 Montr\u00e9al", "612,40 \u20ac", "re\u00e7u");
            assertThat(mentions.get(5).text()).contains("I paid $19 for the Wi-Fi pass").doesNotContain("script", "tracker");
        }
    }

    @Test
    void everyEmailFileIsListedInTheIndex() {
        File dir = new File(Objects.requireNonNull(getClass().getClassLoader().getResource("demo/mail/index.txt")).getFile())
                .getParentFile();
        String[] files = dir.list((d, name) -> name.endsWith(".eml"));

        assertThat(DemoMailServer.indexedFiles()).containsExactlyInAnyOrderElementsOf(Arrays.asList(files));
    }

    @Test
    void aReplyToACustomerArrivesInTheCustomersOwnMailbox() throws Exception {
        try (DemoMailServer demo = DemoMailServer.start()) {
            IncomingMention m = new ImapMentionSource(settings(demo), ACME).poll(null).mentions().get(0);
            Mention mention = new Mention(1, "support-mail", "acme", m.platform(), m.externalId(), m.author(), m.text(),
                    m.subject(), m.createdAt(), m.url(), m.replyContext(), Instant.now());

            new SmtpReplyPublisher(settings(demo)).publish(new ReplyBlock(mention, "Hi Maria, we refund the second charge.",
                    m.externalId(), 0, 1, "demo-task-1-0"));

            assertThat(demo.receivedBy("maria.lopez@example.net")).singleElement()
                    .satisfies(reply -> assertThat(reply.getSubject()).isEqualTo("Re: Charged twice for booking AC7X2P"));
            assertThat(demo.receivedBy("priya.nair@example.com")).isEmpty();
        }
    }

    @Test
    void twoDemoServersRunSideBySideOnTheirOwnPorts() {
        try (DemoMailServer a = DemoMailServer.start(); DemoMailServer b = DemoMailServer.start()) {
            assertThat(List.of(a.imapPort(), a.smtpPort())).doesNotContain(0).doesNotContainAnyElementsOf(List.of(b.imapPort(), b.smtpPort()));
        }
    }
}
