package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.score;

import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

/** Words that look like an emergency, a threat or a goodbye, said in a way that is none of these. */
class NonTriggerTest {

    @Test
    void negatedEmergenciesDoNotTrigger() {
        assertNotCritical(
                "Nobody was hurt, the crew handled it calmly",
                "No one was injured, just a bit of a scare on landing",
                "Luckily nobody got hurt when the trolley tipped over",
                "I'm not a lawyer, but that sounds odd",
                "My flight wasn't delayed, for once",
                "I'm not stranded any more, found a hotel myself",
                "No outage on my side, the app works fine");
    }

    @Test
    void figuresOfSpeechDoNotTrigger() {
        assertNotCritical(
                "I'd kill for a burger right now",
                "These cabin pretzels are dangerously addictive",
                "The new menu is to die for",
                "This song is fire, play it on every flight",
                "The crew was on fire today, best service ever",
                "What a fraud of a referee last night",
                "The fraud of a referee cost us the match",
                "This heat is killing me, any chance of cold drinks on board?",
                "The update killed my battery",
                "That price is criminal, but I still love the coffee",
                "Add insult to injury, the coffee was cold too",
                "Your new flavour is an explosion of flavour",
                "Took a crash course in your loyalty scheme, love it",
                "The new sofa sparks joy",
                "Emergency exit row seats are worth every penny",
                "I'm dying to try the new menu",
                "Your fries are so good I'll sue you for making me addicted 😂",
                "I feel like a fraud using the business lounge",
                "That life hack with the app saved me ten minutes",
                "Sue from your Leeds branch was brilliant, thank you");
    }

    @Test
    void placesAndWordsAloneAreNotAnEmergency() {
        assertNotCritical(
                "I work nights at the hospital and your app is perfect for my shifts",
                "Does the shuttle stop at the hospital?",
                "Is there a fraud department I can email about a suspicious text?",
                "My lawyer friend says your new terms are the clearest she has read",
                "I recall being told breakfast was included, is that still true?",
                "The hotel room smelled of smoke, not great");
    }

    @Test
    void switchingSeatsOrFlightsIsNotChurn() {
        for (String text : new String[] {
            "Can I switch to another seat on my flight tomorrow?",
            "I'm switching to another flight, how do I do that in the app?",
            "Moving to another gate now, thanks for the heads up",
            "I'm done with my exams, time for a holiday with you!"}) {
            Score s = score(text);
            assertThat(s.reasons()).as(text).noneMatch(r -> r.startsWith("churn"));
            assertThat(s.urgencyLevel()).as(text).isNotEqualTo(UrgencyLevel.HIGH);
        }
    }

    @Test
    void noRushKeepsAQuestionCalm() {
        Score s = score("No rush, but could you tell me when the lounge opens?");
        assertThat(s.urgencyLevel()).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
    }

    @Test
    void customersJokesAndCalmWordsDoNotTrigger() {
        assertNotCritical(
                "@Wendys i'd kill for a baconator right now",
                "@Oreo these are dangerously addictive lol",
                "@tiktok_us the new editing tools are fire",
                "@ComEd is there an outage map for the north side",
                "@CVSHealth can i get a flu shot without an appointment",
                "@Delta my lawyer friend says your new app is great",
                "@Chase i'm not saying it's fraud, just asking what this charge is");
        for (String text : new String[] {
                "@SouthwestAir no rush, but how do i use my travel funds online",
                "@Hilton please help, how do i link my honors account",
                "@AmericanAir is it the third time you've changed the menu this year? love it",
                "@TMobile just switched from at&t, saving $40 a month"}) {
            Score s = score(text);
            assertThat(s.urgencyLevel()).as(text + " " + s.reasons()).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
        }
    }

    private static void assertNotCritical(String... texts) {
        for (String text : texts) {
            Score s = score(text);
            assertThat(s.urgencyLevel()).as(text + " " + s.reasons()).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
        }
    }
}
