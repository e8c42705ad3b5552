package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.earshot.reading.StructureReader;
import org.junit.jupiter.api.Test;

/**
 * One shape of said-back clause per test, each with a mention it fits and one it must not. The mentions
 * are written here (not taken from the corpus) so each proves one rule.
 */
class SaidBackShapesTest {
    private static final StructureReader READER = new StructureReader();

    private static String said(String text) {
        return SaidBack.of(READER.read(text, "en")).orElse("");
    }

    @Test
    void aNegatedVerbAfterAndTakesTheSubjectOfTheClauseBefore() {
        assertThat(said("My tablet is acting up and won't open any apps")).isEqualTo("your tablet is acting up and won't open any apps");
        assertThat(said("i ordered the gold pack 2 days ago and didnt get anything")).isEqualTo("you ordered the gold pack 2 days ago and didn't get anything");
        assertThat(said("I reinstalled the app and restarted my phone")).isEmpty();
    }

    @Test
    void aTroubleThatKeepsComingBackIsSaidWithKeep() {
        assertThat(said("I keep getting an error code when I try to watch a film")).startsWith("you keep getting an error code");
        assertThat(said("my laptop keeps crashing")).isEqualTo("your laptop keeps crashing");
        assertThat(said("I keep telling everyone")).isEmpty();
    }

    @Test
    void anErrorOrIssueTheCustomerGetsOrHasIsTheTrouble() {
        assertThat(said("when I sign in on my console I get a error with login.")).isEqualTo("you get an error with login");
        assertThat(said("I have an issue with the music app which I need resolving")).isEqualTo("you have an issue with the music app");
        assertThat(said("I have a question about plans")).isEmpty();
    }

    @Test
    void aContractedSubjectCarriesItsAuxiliary() {
        assertThat(said("ive been unable to access the game for the past few weeks it just says unavailable"))
                .isEqualTo("you've been unable to access the game for the past few weeks");
        assertThat(said("I’m still getting the error that my card is invalid")).startsWith("you're still getting the error");
    }

    @Test
    void aWhyNotQuestionIsSaidBackAsTheStatementItAsksAbout() {
        assertThat(said("why can’t I stream anything?")).isEqualTo("you can't stream anything");
        assertThat(said("why won't my phone charge overnight?")).isEqualTo("your phone won't charge overnight");
        assertThat(said("why is the sky blue?")).isEmpty();
    }

    @Test
    void somethingWrongWithAThingIsSaidAsTheTroubleWithIt() {
        assertThat(said("is there something wrong with the playlist on my account?")).isEqualTo("about the trouble with the playlist");
        assertThat(said("nothing wrong with me")).isEmpty();
    }

    @Test
    void aVerbTheTaggerTookForANounStillTellsTheTrouble() {
        assertThat(said("my left earbud disconnects randomly")).isEqualTo("your left earbud disconnects randomly");
    }

    @Test
    void aBareItTakesTheThingNamedBeforeIt() {
        assertThat(said("having dropped my phone in water it now doesn't work")).isEqualTo("your phone now doesn't work");
        assertThat(said("it now doesn't work")).isEmpty();
    }

    @Test
    void wordsWrittenTogetherStayTogetherAndAnArticleFitsItsNoun() {
        assertThat(said("my AirPod disconnects all the time")).startsWith("your AirPod disconnects");
        assertThat(said("I got a error on checkout")).isEqualTo("you got an error on checkout");
    }

    @Test
    void aClauseEndsBeforeASwearWordANewSubjectOrADanglingWord() {
        assertThat(said("the editor crashes on import all the fucking time")).isEqualTo("the editor crashes on import");
        assertThat(said("my left earbud disconnects randomly even though it is charged")).isEqualTo("your left earbud disconnects randomly");
    }

    @Test
    void noClauseIsSaidForAnObjectSomeoneElseOrAVerbCutFromItsObject() {
        assertThat(said("help me delete my account")).isEmpty();
        assertThat(said("anyone else can't log in?")).isEmpty();
        assertThat(said("the ones that didn't work as well")).isEmpty();
        assertThat(said("I still don't get, the")).isEmpty();
        assertThat(said("my now cancelled wedding in Italy")).isEmpty();
    }

    @Test
    void notAbleIsATroubleToo() {
        assertThat(said("I am not able to recover my old mail account")).isEqualTo("you are not able to recover your old mail account");
    }

    @Test
    void aParticleThatEndsItsVerbStays() {
        assertThat(said("plz fix my account I can't log in")).isEqualTo("you can't log in");
        assertThat(said("my order is stuck at the")).isEqualTo("your order is stuck");
    }

    @Test
    void aTweetThatOpensOnTheTroubleLeavesOutItsImAndGetsItBack() {
        assertThat(said("Completely locked out of my mail account and they keep saying no")).isEqualTo("you're completely locked out of your mail account");
    }

    @Test
    void aBareItAfterButTakesTheClauseBeforeIt() {
        assertThat(said("i won the car in the casino but i didn't get it. Pls help")).isEqualTo("you won the car in the casino but didn't get it");
        assertThat(said("i didn't get it")).isEmpty();
    }

    @Test
    void anAdverbMayStandBeforeTheTroubleAndYetToIsATroubleToo() {
        assertThat(said("I am still unable to reset my password.")).isEqualTo("you are still unable to reset your password");
        assertThat(said("I have yet to receive my refund")).isEqualTo("you have yet to receive your refund");
    }
}
