package org.earshot.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.earshot.scoring.MentionScorer;
import org.earshot.scoring.SeenProblem;
import org.earshot.scoring.model.LearnedNegativity;
import org.junit.jupiter.api.Test;

/**
 * What is at stake, read by the learned model's nearest problem examples: what the lexicon has no
 * phrase for becomes pressing or critical with the reason shown, and what merely looks like it does not.
 */
class ProblemExamplesIT {
    private static final LearnedNegativity MODEL = LearnedNegativity.load();
    private static final MentionReader READER = new MentionReader(LanguageDetector.load(Languages.DEFAULT), MODEL);
    private final MentionScorer scorer = new MentionScorer(MODEL);

    private Score score(String text) {
        return UrgencyReadings.score(READER, scorer, text);
    }

    private static SeenProblem.Kind seen(String text) {
        return READER.read(null, text).problem().map(SeenProblem::kind).orElse(SeenProblem.Kind.NONE);
    }

    @Test
    void moneyTakenForAPurchaseNeverReceivedIsHighWithTheReason() {
        Score s = score("@GameStore I paid for the season pass last week and it never showed up in my library");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).anyMatch(r -> r.startsWith("money taken (reads like '"));
    }

    @Test
    void aForgottenPasswordWithNoWayBackInIsALockedAccount() {
        assertThat(seen("@MailCo forgot my password and the recovery email is an address that no longer exists"))
                .isEqualTo(SeenProblem.Kind.ACCOUNT_LOCKED);
    }

    @Test
    void anAccountSomeoneElseTookIsCritical() {
        Score s = score("@PhotoShare somebody got into my profile, changed my email and is posting ads as me");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void aPrinterThatWillNotPrintIsNotALockedAccount() {
        assertThat(seen("@PrintCo my printer says the print head is missing and refuses to print")).isEqualTo(SeenProblem.Kind.NONE);
    }

    @Test
    void questionsAndThanksAreNoProblem() {
        assertThat(seen("@ShopCo do you ship to Canada?")).isEqualTo(SeenProblem.Kind.NONE);
        assertThat(seen("@FiberNet the outage last year was rough but they've been rock solid since"))
                .isEqualTo(SeenProblem.Kind.NONE);
    }

    @Test
    void withoutTheModelNothingIsSeen() {
        MentionReader lexicon = new MentionReader(LanguageDetector.load(Languages.DEFAULT), null);
        assertThat(lexicon.read(null, "@ShopCo you took my money twice").problem()).isEmpty();
    }
}
