package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.score;

import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

class UrgencyTest {

    @Test
    void safetySecurityLegalAndStrandedAreCritical() {
        assertThat(score("The power bank in the seat pocket caught fire on AC881").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("Got food poisoning from the chicken meal on my flight").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("My account was hacked and someone booked flights with my miles").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("I have spoken to my lawyer about this").urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("Stranded in Madrid with two kids and nobody at the desk").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void criticalReasonsNameTheKindAndTheWords() {
        assertThat(score("The power bank in the seat pocket caught fire").reasons()).first()
                .isEqualTo("safety: 'caught fire'");
        assertThat(score("Someone hacked my account").reasons()).contains("security: 'hacked'");
        assertThat(score("I will sue you for this").reasons()).contains("legal: 'sue you'");
    }

    @Test
    void moneyTakenWronglyChurnAndLostGoodsWithADeadlineAreHigh() {
        Score charged = score("You charged me twice for the same ticket");
        assertThat(charged.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(charged.reasons()).contains("money: 'charged me twice'");
        assertThat(score("Cancel my subscription, I'm switching to another airline").urgencyLevel())
                .isEqualTo(UrgencyLevel.HIGH);
        Score wedding = score("You lost my luggage and my wedding is on Saturday");
        assertThat(wedding.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(wedding.reasons()).contains("lost goods with a deadline: 'wedding'");
    }

    @Test
    void lostGoodsWithoutADeadlineIsNormal() {
        assertThat(score("You lost my luggage on the way back from Rome").urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
    }

    @Test
    void bigAudienceMakesAComplaintHighAndSaysHowBig() {
        Score s = score("The delay on my flight today was ridiculous", 12_400, CustomerHistory.NONE);
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("audience 12k");
        assertThat(score("The delay was ridiculous", 820_000, CustomerHistory.NONE).reasons()).contains("audience 820k");
        assertThat(score("The delay was ridiculous", 1_500_000, CustomerHistory.NONE).reasons()).contains("audience 1.5M");
    }

    @Test
    void bigAudiencePraiseIsNotUrgent() {
        Score s = score("Lovely crew on the Lisbon flight today", 500_000, CustomerHistory.NONE);
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
        assertThat(s.reasons()).contains("audience 500k");
    }

    @Test
    void repeatComplainerIsHighAndCounted() {
        Score s = score("My refund still hasn't arrived", 80, new CustomerHistory(3, 1, 1));
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("2nd complaint");
        assertThat(score("Still no refund", 80, new CustomerHistory(5, 2, 1)).reasons()).contains("3rd complaint");
    }

    @Test
    void ordinaryComplaintsAndQuestionsAreNormalAndPraiseIsLow() {
        assertThat(score("The wifi on board didn't work at all").urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(score("Can I bring my guitar as hand luggage?").urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(score("Thanks for a smooth flight!").urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
    }

    @Test
    void negationsAndFiguresOfSpeechDoNotTrigger() {
        for (String text : new String[] {
            "No rush, but could you tell me when the lounge opens?",
            "I'd kill for a burger right now",
            "These cabin pretzels are dangerously addictive",
            "Nobody was hurt, the crew handled it calmly",
            "The new menu is to die for",
            "My flight wasn't delayed, for once",
            "The crew was on fire today, best service ever",
            "I'm not a lawyer, but that sounds odd"}) {
            assertThat(score(text).urgencyLevel()).as(text).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
        }
    }

    @Test
    void aCalmNoteKeepsItFromHigh() {
        Score s = score("No rush at all, just wondering about my seat");
        assertThat(s.urgencyLevel()).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
        assertThat(s.reasons()).contains("can wait: 'no rush'");
    }

    @Test
    void urgencyStaysBetweenZeroAndOne() {
        Score s = score("Fire in the cabin, people injured, my account hacked and I'm calling my lawyer", 2_000_000,
                new CustomerHistory(9, 9, 9));
        assertThat(s.urgency()).isBetween(0.85, 1.0);
    }
}
