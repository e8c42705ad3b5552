package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.score;

import org.earshot.domain.Score;
import org.earshot.domain.Sentiment;
import org.junit.jupiter.api.Test;

class NegativityTest {

    @Test
    void plainComplaintIsNegativeAndPlainPraiseIsPositive() {
        assertThat(score("Worst airline ever, the staff were rude and useless").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("The crew on my flight to Lisbon were wonderful, thank you!").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(score("The crew on my flight to Lisbon were wonderful, thank you!").negativity()).isZero();
    }

    @Test
    void neutralQuestionIsNeitherNegativeNorPositive() {
        Score s = score("What time does the check-in desk at terminal 2 open?");
        assertThat(s.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(s.negativity()).isLessThan(0.1);
    }

    @Test
    void kindWordsInAQuestionAreNotPraise() {
        assertThat(score("Hi, what's the best way to contact your returns team?").sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(score("Can I use my gift card for hand luggage fees?").sentiment()).isNotEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void negationFlipsTheWordAfterIt() {
        assertThat(score("Honestly the food was not bad at all").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("The seat was not comfortable and the crew wasn't friendly").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Been with you ten years and never once had a problem").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void neverAgainIsNegativeWithoutANegativeWord() {
        assertThat(score("Never again, @acmeair.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void canNotBelieveDoesNotNegateWhatFollows() {
        assertThat(score("I can't believe how good the new lounge is").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Can't wait for my trip with you next month!").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aFailureToldInPlainWordsIsNegative() {
        for (String text : new String[] {
            "Got an email saying my order shipped 10 days ago, tracking hasn't moved since",
            "Nobody told us the pool was closed for the whole week",
            "Really? A £35 fee to change a name on a ticket?",
            "My broadband has dropped out 14 times today",
            "Had to chase this four times now. Please escalate."}) {
            assertThat(score(text).sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
        }
    }

    @Test
    void whatWasOrderedSetAgainstWhatCameIsAComplaintAndIsNamed() {
        Score s = score("Booked a sea view room, got a view of the car park");
        assertThat(s.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(s.reasons()).contains("booked a sea view room, got");
        assertThat(score("Ordered a pizza and got it in 20 minutes").sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void negativeIdiomsAreNamedAmongTheReasons() {
        assertThat(score("What a rip off, twelve pounds for a sandwich").reasons()).contains("negative: 'rip off'");
    }

    @Test
    void intensifiersCapitalsExclamationsAndStretchedWordsMakeItStronger() {
        double plain = score("The delay was bad").negativity();
        assertThat(score("The delay was very bad").negativity()).isGreaterThan(plain);
        assertThat(score("The delay was BAD").negativity()).isGreaterThan(plain);
        assertThat(score("The delay was bad!!!").negativity()).isGreaterThan(plain);
        assertThat(score("The delay was sooo bad").negativity()).isGreaterThan(plain);
    }

    @Test
    void dampenersMakeItWeaker() {
        assertThat(score("The delay was kinda bad").negativity()).isLessThan(score("The delay was bad").negativity());
    }

    @Test
    void askingTheSameQuestionTwiceInOneBreathIsImpatient() {
        assertThat(score("Any news on my claim??").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Where is my refund???").negativity()).isGreaterThan(score("Where is my refund?").negativity());
    }

    @Test
    void shoutingAMessageInCapitalsReadsAsAngry() {
        Score s = score("WHERE IS MY BAG I LANDED THREE HOURS AGO");
        assertThat(s.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(s.reasons()).contains("shouting (all caps)");
    }

    @Test
    void whatComesAfterButWeighsMore() {
        assertThat(score("The crew was lovely but you lost my bag").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("The boarding was a mess but the crew was lovely and kind").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Support was friendly, but my problem is still not fixed").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void whatFollowsAlthoughWeighsMoreAndAConcededClauseLess() {
        assertThat(score("Food was nice, although we waited an hour for it").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Although the crew was lovely, the flight was three hours late and the food awful").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("A great flight despite the awful weather").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void customerServicePhrasesAreNegativeWithoutANegativeWord() {
        for (String text : new String[] {
            "Still waiting for an answer about my booking",
            "This is the third time I write to you",
            "I have been on hold for 2 hours",
            "on hold for two hours now",
            "Where is my refund?",
            "My flight to Porto was cancelled",
            "Flight AC123 delayed again",
            "You lost my bag in Frankfurt",
            "I was charged twice for one ticket",
            "Been waiting 3 weeks for a callback",
            "My parcel was marked delivered but it's not here"}) {
            Score s = score(text);
            assertThat(s.sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
            assertThat(s.negativity()).as(text).isGreaterThan(0.3);
        }
    }

    @Test
    void politeButAngryIsNegative() {
        for (String text : new String[] {
            "With all due respect, this is the fourth email I've sent and nobody has replied.",
            "I have been more than patient. I would appreciate an answer today.",
            "Dear team, I expected better from a company like yours.",
            "As I said in my previous three messages, the order never arrived.",
            "Thanks for the reply, but it doesn't answer my question at all"}) {
            assertThat(score(text).sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
        }
    }

    @Test
    void negatedServicePhraseDoesNotCount() {
        assertThat(score("Lovely flight, and for once it was not delayed").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void sarcasmTurnsPraiseNegative() {
        Score another = score("Great, another delay. Love that for me.");
        assertThat(another.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(another.reasons()).contains("sarcasm: 'love that for me'", "sarcasm: 'great, another'")
                .doesNotContain("sarcasm: 'love that'");
        assertThat(score("Thanks for nothing, @acmeair").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Gotta love being stuck on hold for an hour").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Thank you so much for losing my luggage, really made my holiday").reasons())
                .contains("sarcasm: 'thank you so much for losing'");
        assertThat(score("Oh brilliant, the app update deleted all my saved addresses").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void strongPraiseBesideAProblemInOneSentenceIsSarcasm() {
        Score s = score("Best airline ever, lost my bag twice in one month");
        assertThat(s.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(s.reasons()).contains("sarcasm: 'best'");
        assertThat(score("Wow, 45 minutes on hold, amazing customer service as always").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void praiseForHowAProblemWasHandledStaysPraise() {
        assertThat(score("Amazing staff, they found my lost bag within an hour!").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Great service after my flight was cancelled, rebooked me in minutes").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void praiseOpeningAHappySentenceIsNotSarcasm() {
        Score s = score("Great, the upgrade made my day!");
        assertThat(s.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(s.reasons()).noneMatch(r -> r.startsWith("sarcasm"));
    }

    @Test
    void hashtagsEmojiEmoticonsAndEntitiesCount() {
        assertThat(score("Two hours at the gate #fail").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Two hours at the gate 😡").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Landed early :)").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Landed early :-D").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Gate changed three times >:(").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("&lt;3 this crew &amp; their jokes").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Seat 12C #NeverAgain").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("10/10 would fly again").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void handlesAndLinksAreIgnored() {
        assertThat(score("@terrible_service_bot https://example.com/awful-news").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void wordsTheListsDoNotKnowBorrowTheirStemsValence() {
        assertThat(score("Honestly the smoothest phone upgrade I've ever had").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void negativityStaysBetweenZeroAndOne() {
        Score s = score("WORST WORST WORST airline EVER!!!! 😡😡😡 never again, still waiting, third time, disgusting");
        assertThat(s.negativity()).isBetween(0.9, 1.0);
    }

    @Test
    void aQuestionWithoutItsMarkIsStillAQuestion() {
        for (String text : new String[] {
            "@Steam can i gift a game to someone in another country",
            "@zoom_us is there a time limit on free meetings now",
            "hi @AskNationwide what's the interest rate on the 1 year fixed saver"}) {
            assertThat(score(text).sentiment()).as(text).isEqualTo(Sentiment.NEUTRAL);
        }
        assertThat(score("@Delta would love to fly with you again, best crew ever").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("What a great crew on DL123").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void failuresToldInLowerCaseAndWithoutApostrophesAreNegative() {
        for (String text : new String[] {
            "@Argos_Online got to the store and they cant find it",
            "@PlayStation cant play anything all evening",
            "@Instacart half my items were swapped for stuff i didnt want",
            "@AppleSupport my iphone keeps restarting after the update",
            "@Kia car at the dealer for a month. no loaner, no updates"}) {
            assertThat(score(text).sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
        }
    }

    @Test
    void likeThatComparesIsNotPraise() {
        assertThat(score("@Marriott room smelled like smoke and they wouldnt move us").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("I really like the new app").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void thanksAnsweredByButArePoliteNotSarcastic() {
        Score s = score("@AmazonHelp thanks for the reply but my package is still missing");
        assertThat(s.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(s.reasons()).noneMatch(r -> r.startsWith("sarcasm"));
    }
}
