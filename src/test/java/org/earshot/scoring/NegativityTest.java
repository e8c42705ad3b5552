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
    void negationFlipsTheWordAfterIt() {
        assertThat(score("Honestly the food was not bad at all").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("The seat was not comfortable and the crew wasn't friendly").sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void neverAgainIsNegativeWithoutANegativeWord() {
        assertThat(score("Never again, @acmeair.").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void canNotBelieveDoesNotNegateWhatFollows() {
        assertThat(score("I can't believe how good the new lounge is").sentiment()).isEqualTo(Sentiment.POSITIVE);
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
    }

    @Test
    void customerServicePhrasesAreNegativeWithoutANegativeWord() {
        for (String text : new String[] {
            "Still waiting for an answer about my booking",
            "This is the third time I write to you",
            "I have been on hold for 2 hours",
            "Where is my refund?",
            "My flight to Porto was cancelled",
            "Flight AC123 delayed again",
            "You lost my bag in Frankfurt",
            "I was charged twice for one ticket"}) {
            Score s = score(text);
            assertThat(s.sentiment()).as(text).isEqualTo(Sentiment.NEGATIVE);
            assertThat(s.negativity()).as(text).isGreaterThan(0.3);
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
        assertThat(another.reasons()).contains("sarcasm: 'love that for me'", "sarcasm: 'great, another'");
        assertThat(score("Thanks for nothing, @acmeair").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(score("Gotta love being stuck on hold for an hour").sentiment()).isEqualTo(Sentiment.NEGATIVE);
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
        assertThat(score("&lt;3 this crew &amp; their jokes").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(score("Seat 12C #NeverAgain").sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void handlesAndLinksAreIgnored() {
        assertThat(score("@terrible_service_bot https://example.com/awful-news").sentiment()).isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void negativityStaysBetweenZeroAndOne() {
        Score s = score("WORST WORST WORST airline EVER!!!! 😡😡😡 never again, still waiting, third time, disgusting");
        assertThat(s.negativity()).isBetween(0.9, 1.0);
    }
}
