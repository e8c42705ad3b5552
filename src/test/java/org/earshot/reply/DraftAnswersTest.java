package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.earshot.domain.UrgencyLevel;
import org.earshot.domain.Warning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the drafts with the project's policy say: answers, hear-back times, products, crises, voices. */
class DraftAnswersTest {
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);

    private static DraftInput on(Platform platform, String name, String text, UrgencyLevel level) {
        Score score = new Score(0.5, Sentiment.NEGATIVE, 0.5, level, 50, List.of());
        return new DraftInput(platform, new Author("handle", name, 120), text, "", score, CustomerHistory.NONE);
    }

    private static DraftInput on(Platform platform, String name, String text) {
        return on(platform, name, text, UrgencyLevel.NORMAL);
    }

    @Test
    void aStrandedTravellerHearsBackWithinAnHourEvenWhenTheScoreIsNormal() {
        Draft d = drafter.draft(on(Platform.X, "Kim",
                "my flight got cancelled and I am stuck at Lisbon airport with two kids, what now"));
        assertThat(d.text()).contains("Kim").contains("I'm so sorry you are stuck at Lisbon airport with two kids")
                .contains("within 1 hour")
                .doesNotContain("24 hours");
        assertThat(d.followUp()).isTrue();
        assertThat(drafter.followUpWithin(d.text(), d.intent(), UrgencyLevel.NORMAL)).isEqualTo(Duration.ofHours(1));
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void theHearBackTimeFollowsTheUrgencyLevel() {
        String text = "You lost my bag on the way to Madrid";
        assertThat(drafter.draft(on(Platform.X, "Maria", text, UrgencyLevel.NORMAL)).text()).contains("within 24 hours");
        assertThat(drafter.draft(on(Platform.X, "Maria", text, UrgencyLevel.HIGH)).text()).contains("within 4 hours");
        assertThat(drafter.draft(on(Platform.X, "Maria", text, UrgencyLevel.CRITICAL)).text()).contains("within 1 hour");
    }

    @Test
    void aFrequentQuestionGetsItsPreformattedAnswerAndNeedsNoFollowUp() {
        Draft d = drafter.draft(on(Platform.MASTODON, "Lee", "what's your baggage allowance for hand luggage?"));
        assertThat(d.intent()).isEqualTo(Intent.QUESTION);
        assertThat(d.text()).startsWith("Hi Lee,").contains("cabin bag up to 10 kg").contains("acmeair.example/manage");
        assertThat(d.followUp()).isFalse();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void aQuestionThatSaysNothingSpecificAsksWhichBooking() {
        Draft d = drafter.draft(on(Platform.EMAIL, "Mark", "Hi, quick question about my booking."));
        assertThat(d.intent()).isEqualTo(Intent.QUESTION);
        assertThat(d.text()).contains("which flight or booking").doesNotContain("get back to you");
        assertThat(d.followUp()).isFalse();
    }

    @Test
    void someoneAboutToBuyGetsThePitchAndTheLinkOfWhatTheyAskedFor() {
        Draft d = drafter.draft(on(Platform.BLUESKY, "Ana",
                "Thinking of booking a flight to Tokyo with @acmeair, how much is business class?"));
        assertThat(d.intent()).isEqualTo(Intent.PURCHASE_INTENT);
        assertThat(d.text()).contains("Business class").contains("lie-flat").contains("acmeair.example/business");
        assertThat(d.followUp()).isFalse();
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void somethingTheBrandDoesNotSellGetsTheNearestItemWithoutPressure() {
        Draft d = drafter.draft(on(Platform.MASTODON, "Kate", "looking to book first class for our honeymoon"));
        assertThat(d.text()).contains("We don't offer first class at the moment, but Business class may suit you")
                .contains("acmeair.example/business");
        assertThat(d.warnings()).isEmpty();
    }

    @Test
    void aPurchaseNamingNothingInTheCatalogueAsksWhichRouteAndDates() {
        Draft d = drafter.draft(on(Platform.X, "Rob", "thinking about booking with you this summer"));
        assertThat(d.intent()).isEqualTo(Intent.PURCHASE_INTENT);
        assertThat(d.text()).contains("acmeair.example/book").contains("which route and dates");
    }

    @Test
    void praiseNamesWhatWasPraised() {
        Draft d = drafter.draft(on(Platform.X, "Zoe", "huge thanks to the crew on AC220 to Athens, you made my day"));
        assertThat(d.intent()).isEqualTo(Intent.PRAISE);
        assertThat(d.text()).contains("Zoe").contains("kind words about the crew");
        assertThat(d.followUp()).isFalse();
    }

    @Test
    void aLegalThreatGetsAHoldingReplyThatAdmitsNothingAndGoesToLegal() {
        Draft d = drafter.draft(on(Platform.EMAIL, "Jo",
                "My lawyer will be in touch about the way your crew removed me from flight AC455."));
        assertThat(d.intent()).isEqualTo(Intent.CRISIS);
        assertThat(d.warningLines()).containsExactly("escalate: legal ('my lawyer') → the legal team");
        assertThat(ReplyDrafter.escalatedTo(d)).contains("the legal team");
        // An escalation names the team that takes it, not a deadline for them.
        assertThat(d.text()).contains("what happened on flight AC455").contains("the team that looks after these matters")
                .doesNotContain("within")
                .doesNotContain("sorry").doesNotContain("fault");
        assertThat(d.followUp()).isTrue();
    }

    @Test
    void aFeedMentionGetsAPlainSuggestionToAnswerByHand() {
        Draft d = drafter.draft(on(Platform.RSS, "", "Acme Air lost my bag and nobody answers the phone"));
        assertThat(d.text()).doesNotContain("Kind regards");
        assertThat(d.blocks()).containsExactly(d.text());
        assertThat(d.warningLines()).first().asString().startsWith("answer by hand: rss is read-only; post this yourself");
        assertThat(d.warnings()).allMatch(Warning::isNotice);
    }

    @Test
    void theBrandVoiceChoosesTheTemplates(@TempDir Path dir) throws Exception {
        Path policy = Path.of("config/policy.yaml").toAbsolutePath();
        Files.writeString(dir.resolve("policy.yaml"), Files.readString(policy)
                .replace("brandVoice: friendly", "brandVoice: formal")
                .replace("faqFile: replies/", "faqFile: " + policy.getParent() + "/replies/")
                .replace("catalogueFile: replies/", "catalogueFile: " + policy.getParent() + "/replies/"));
        Files.writeString(dir.resolve("earshot.yaml"), Files.readString(Path.of("config/earshot.yaml")));
        ReplyPolicy formal = new ConfigLoader(n -> null, Wiring.CHANNELS).load(dir.resolve("earshot.yaml")).policy();
        Draft d = new ReplyDrafter(formal, Wiring.CHANNELS).draft(on(Platform.X, "Maria", "You lost my bag on the way to Madrid"));
        assertThat(d.text()).startsWith("Hello Maria, we are sorry to hear about your lost bag");
        assertThat(d.warnings()).isEmpty();
    }
}
