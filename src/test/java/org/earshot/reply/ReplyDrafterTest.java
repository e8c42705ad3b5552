package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.earshot.Wiring;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Warning;
import org.junit.jupiter.api.Test;

class ReplyDrafterTest {
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);

    private static DraftInput on(Platform platform, String name, String text) {
        return new DraftInput(platform, new Author("handle", name, 120), text, "", null, CustomerHistory.NONE);
    }

    @Test
    void aJournalistsArticleIsThankedAndHandedToThePressOfficeWithoutACustomerApology() {
        Draft d = drafter.draft(new DraftInput(Platform.RSS, new Author("Hannah Brooks", "Hannah Brooks", 0),
                "Acme Air cancels 40 Lisbon flights as crew shortage bites\n\nAcme Air has cancelled 40 flights.",
                "", null, CustomerHistory.NONE, true));

        assertThat(d.text()).startsWith("Hi Hannah, thank you for your article, “Acme Air cancels 40 Lisbon flights")
                .contains("press office")
                .doesNotContain("sorry");
        assertThat(d.warnings()).as(d.toString()).allMatch(Warning::isNotice)
                .anyMatch(w -> w.line().equals("escalate: press: a news report → the press office"));
        assertThat(d.followUp()).isTrue();
    }

    @Test
    void complaintDraftUsesTheNameAndNamesTheProblem() {
        Draft d = drafter.draft(on(Platform.X, "Maria Lopez", "You lost my bag and my wedding is tomorrow"));
        assertThat(d.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(d.text()).startsWith("Hi Maria,").contains("I'm sorry about your lost bag");
        assertThat(d.warnings()).isEmpty();
        assertThat(d.followUp()).isTrue();
    }

    @Test
    void problemIsTakenFromTheCustomersWords() {
        assertThat(drafter.draft(on(Platform.X, "Tom", "I was charged twice for my ticket")).text())
                .contains("I'm sorry you were charged twice for your ticket");
        assertThat(drafter.draft(on(Platform.X, "Tom", "Flight AC123 delayed again, third time this month")).text())
                .contains("I'm sorry flight AC123 was delayed again");
        assertThat(drafter.draft(on(Platform.X, "Tom", "My flight to Porto got cancelled")).text())
                .contains("your cancelled flight");
        assertThat(drafter.draft(on(Platform.X, "Tom", "Where is my refund?")).text()).contains("your refund");
    }

    @Test
    void noNameGivesAGreetingWithoutOne() {
        Draft d = drafter.draft(on(Platform.X, "", "I was charged twice for my ticket"));
        assertThat(d.text()).startsWith("Hi there, ");
        assertThat(drafter.draft(on(Platform.X, "", "Lovely crew today, thank you!")).text())
                .startsWith("Thank you so much!");
    }

    @Test
    void unclearComplaintAsksOneSpecificQuestion() {
        Draft d = drafter.draft(on(Platform.X, "Zoe", "This is terrible"));
        assertThat(d.text()).contains("I couldn't tell from your message exactly what went wrong")
                .endsWith(Policies.ACME.askWhenUnclear());
        assertThat(d.followUp()).isFalse();
        assertThat(d.text().chars().filter(c -> c == '?').count()).isEqualTo(1);
    }

    @Test
    void questionPurchaseAndFeatureRequestUseTheirTemplates() {
        Draft builtIn = new ReplyDrafter(Policies.BUILT_IN, Wiring.CHANNELS).draft(on(Platform.X, "Ana", "How do I change my seat?"));
        assertThat(builtIn.text()).contains("thanks for asking about your seat").contains("within 24 hours");
        assertThat(drafter.draft(on(Platform.X, "Ana", "How much is a ticket to Lisbon in May?")).text())
                .contains("your interest in Economy").contains("acmeair.example/book");
        assertThat(drafter.draft(on(Platform.X, "Ana", "Please add a vegetarian meal option on short flights")).text())
                .contains("thanks for suggesting a vegetarian meal option on short flights");
    }

    @Test
    void spamGetsNoDraftAndAWarningWithTheReason() {
        Draft d = drafter.draft(on(Platform.X, "Bot", "Get free followers now, click here!"));
        assertThat(d.intent()).isEqualTo(Intent.SPAM);
        assertThat(d.text()).isEmpty();
        assertThat(d.blocks()).isEmpty();
        assertThat(d.warningLines()).containsExactly("spam: no reply drafted ('free followers')");
        assertThat(d.followUp()).isFalse();
    }

    @Test
    void abuseWithNothingToAnswerGetsNoDraftAndTheReasonButAnAngryComplaintGetsOne() {
        Draft abuse = drafter.draft(on(Platform.X, "", "fuck you, I hope your planes crash"));
        assertThat(abuse.intent()).isEqualTo(Intent.SPAM);
        assertThat(abuse.text()).isEmpty();
        assertThat(abuse.warningLines()).containsExactly("abuse: no reply drafted ('fuck you')");
        Draft angry = drafter.draft(on(Platform.X, "Rob", "fuck you, you lost my bag again"));
        assertThat(angry.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(angry.text()).contains("Rob").contains("your lost bag");
    }

    @Test
    void crisisGetsAHoldingReplyAndAnEscalationWarning() {
        Draft d = drafter.draft(on(Platform.MASTODON, "Bob", "The power bank of the man next to me caught fire"));
        assertThat(d.intent()).isEqualTo(Intent.CRISIS);
        assertThat(d.warningLines()).first().isEqualTo("escalate: safety ('caught fire') → the safety team");
        assertThat(d.text()).contains("Bob").contains("the fire").contains("get back to you").doesNotContain("within")
                .contains(ReplyDrafter.SAFETY_FIRST);
        assertThat(d.followUp()).isTrue();
    }

    @Test
    void securityCrisisGetsNoEmergencyServicesLine() {
        Draft d = drafter.draft(on(Platform.X, "Bob", "My account was hacked and my miles are gone"));
        assertThat(d.intent()).isEqualTo(Intent.CRISIS);
        assertThat(d.warningLines()).first().isEqualTo("escalate: security ('hacked') → the security team");
        assertThat(d.text()).contains("the security of your account").doesNotContain("emergency");
    }

    @Test
    void mailDraftHasAGreetingTheWholeTextInOneBlockAndASignOff() {
        DraftInput mail = new DraftInput(Platform.EMAIL, new Author("maria@example.com", "Maria Lopez", 0),
                "Hello, you charged my card twice for booking XY7Q2.", "Double charge", null, CustomerHistory.NONE);
        Draft d = drafter.draft(mail);
        assertThat(d.text()).startsWith("Hi Maria,\n\n").contains("the double charge")
                .endsWith("\n\nKind regards,\nSam from the Acme Air care team");
        assertThat(d.blocks()).containsExactly(d.text());
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void socialDraftsAreSplitIntoBlocksWithinTheLimitAndAbout30Words() {
        for (Platform p : new Platform[] {Platform.X, Platform.BLUESKY, Platform.MASTODON}) {
            Draft d = drafter.draft(on(p, "Maria", "This is terrible"));
            assertThat(d.blocks()).isNotEmpty().allSatisfy(b -> {
                assertThat(b.length()).isLessThanOrEqualTo(Wiring.CHANNELS.of(p).maxPostLength() - ReplyBlocks.HANDLE_ROOM);
                assertThat(ReplyBlocks.words(b)).isLessThanOrEqualTo(ReplyBlocks.MAX_WORDS);
            });
            assertThat(d.text()).isEqualTo(String.join("\n\n", d.blocks()));
            assertThat(d.warnings()).as(p.id()).isEmpty();
        }
    }

    @Test
    void praiseOpensNoFollowUp() {
        Draft d = drafter.draft(on(Platform.X, "Lee", "You guys are the best, the crew was amazing"));
        assertThat(d.intent()).isEqualTo(Intent.PRAISE);
        assertThat(d.followUp()).isFalse();
        assertThat(d.warnings()).isEmpty();
    }
}
