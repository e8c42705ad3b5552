package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.earshot.config.FaqAnswer;
import org.earshot.config.ReplyPolicy;
import org.earshot.scoring.model.LearnedNegativity;
import org.junit.jupiter.api.Test;

/**
 * The thresholds by meaning with the real e5 model loaded (the shared reading's, the one the daemon runs):
 * an answer chosen by meaning ({@link AnswerFinder#NEAR}), only its part that answers, and promises outside
 * the policy ({@link PromiseMeaning#NEAR}) told from the ones it allows. One class, so the model loads once.
 */
class ReplyByMeaningIT {
    private static final Meaning MEANING = new Meaning(LearnedNegativity.load());
    private static final FaqAnswer INSTRUMENTS = new FaqAnswer("instruments", List.of("musical instruments"),
            "Skis and snowboards travel in the hold for a fixed fee. A musical instrument such as a guitar or violin"
                    + " may come into the cabin as your hand luggage if it fits the overhead locker.", Map.of());
    /** The example airline's preformatted answers (config/replies/faq.yaml), as the daemon loads them. */
    private static final AnswerFinder AIRLINE = new AnswerFinder(org.earshot.config.ConfigLoader
            .fromEnvironment(org.earshot.Wiring.CHANNELS).load(java.nio.file.Path.of("config/earshot.yaml")).policy().faq(),
            MEANING);

    private static Optional<String> airline(String question) {
        return AIRLINE.find(PhraseText.of(question), MEANING.read(question)).map(f -> f.answer().id());
    }

    @Test
    void aQuestionWordedUnlikeTheAnswersTextFindsItByMeaning() {
        assertThat(AIRLINE.find(PhraseText.of("how do I fly with my surfing board?"))).as("not by words").isEmpty();
        assertThat(airline("how do I fly with my surfing board?")).contains("sports-and-instruments");
        assertThat(airline("my surname is spelt wrong on the reservation")).contains("name-correction");
        assertThat(airline("I want my money back for the trip I cancelled")).contains("refunds");
    }

    @Test
    void anUnrelatedMentionFindsNoAnswer() {
        assertThat(airline("my credit card was charged twice for one booking")).isEmpty();
        assertThat(airline("I am stuck in Lisbon with no hotel")).isEmpty();
        assertThat(airline("the app crashes every time I open it")).isEmpty();
        assertThat(airline("thank you to the crew, you were wonderful")).isEmpty();
    }

    @Test
    void aQuestionNearTwoAnswersBelowTheThresholdGetsNoneRatherThanTheWrongOne() {
        // 0.877 to flight status with the model: the Wi-Fi answer is not near enough, and neither is the wrong one.
        assertThat(airline("will I be able to get online during the flight?")).isEmpty();
    }

    @Test
    void onlyThePartThatAnswersIsUsed() {
        String q = "can I take my guitar on the plane with me?";
        String part = AnswerPart.of(INSTRUMENTS.answer(), PhraseText.of(q), INSTRUMENTS.match(), MEANING.read(q), MEANING);
        assertThat(part).contains("guitar").doesNotContain("Skis");
    }

    @Test
    void aPromiseOutsideThePolicyIsFoundByMeaningWithoutItsKeywords() {
        PromiseMeaning promises = new PromiseMeaning(policy(List.of()), MEANING);
        assertThat(promises.outsidePolicy("we'll arrange a hotel for you tonight")).isPresent();
        assertThat(promises.outsidePolicy("I will sort out a room for you to sleep in tonight")).isPresent();
        assertThat(promises.outsidePolicy("we'll cover what the cab costs you")).isPresent();
    }

    @Test
    void aPromiseThePolicyAllowsOrNoPromiseAtAllIsNotFlagged() {
        PromiseMeaning promises = new PromiseMeaning(policy(List.of("a meal voucher while you wait at the airport")), MEANING);
        assertThat(promises.outsidePolicy("I'll send you a meal voucher to use while you wait at the airport")).isEmpty();
        assertThat(promises.outsidePolicy("I'll look into what happened to your bag and get back to you")).isEmpty();
        assertThat(promises.outsidePolicy("we'll check the status of your flight for you")).isEmpty();
    }

    private static ReplyPolicy policy(List<String> mayPromise) {
        return new ReplyPolicy("friendly", "Alex from the care team", Duration.ofHours(24), mayPromise, List.of(), Map.of());
    }
}
