package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.earshot.scoring.Scoring.score;

import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Score;
import org.earshot.domain.UrgencyLevel;
import org.junit.jupiter.api.Test;

class UrgencyTest {

    @Test
    void safetyAndHealthAreCritical() {
        for (String text : new String[] {
            "The power bank in the seat pocket caught fire on AC881",
            "Got food poisoning from the chicken meal on my flight",
            "My son had an allergic reaction to the snack you said was nut free",
            "Found glass in my salad from your Camden store",
            "Is the X200 heater part of the safety recall?",
            "Your driver was driving dangerously on the motorway, we were terrified",
            "Ended up in hospital after your delivery driver knocked me off my bike",
            "There's a gas leak smell in the hotel corridor and nobody is doing anything"}) {
            assertThat(score(text).urgencyLevel()).as(text).isEqualTo(UrgencyLevel.CRITICAL);
        }
    }

    @Test
    void securityIsCritical() {
        for (String text : new String[] {
            "My account was hacked and someone booked flights with my miles",
            "There are purchases I didn't make on my card from your store",
            "Someone changed my password and took over my account",
            "Your app is showing me someone else's account details, that's a data breach"}) {
            assertThat(score(text).urgencyLevel()).as(text).isEqualTo(UrgencyLevel.CRITICAL);
        }
    }

    @Test
    void legalThreatsAreCritical() {
        for (String text : new String[] {
            "I have spoken to my lawyer about this",
            "If this isn't refunded by Friday I'm taking you to court",
            "I'll be reporting you to the financial ombudsman"}) {
            assertThat(score(text).urgencyLevel()).as(text).isEqualTo(UrgencyLevel.CRITICAL);
        }
    }

    @Test
    void anOutageHittingManyIsCritical() {
        for (String text : new String[] {
            "Is your app down? Can't log in and neither can anyone in my office",
            "Massive outage in Leeds, no internet for the whole street since 6am",
            "Your website is down again, can't pay my bill"}) {
            assertThat(score(text).urgencyLevel()).as(text).isEqualTo(UrgencyLevel.CRITICAL);
        }
        assertThat(score("The website is down again").reasons()).first().isEqualTo("outage: 'website is down'");
    }

    @Test
    void someoneStrandedNowIsCritical() {
        assertThat(score("Stranded in Madrid with two kids and nobody at the desk").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("Missed the last train because yours was cancelled, no way to get home").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void stuckAtANamedAirportIsStrandedButStuckAtHomeIsNot() {
        assertThat(score("my flight got cancelled and I am stuck at Lisbon airport with two kids, what now")
                .urgencyLevel()).isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("we are stuck at Newark Liberty airport and the desk is closed").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
        assertThat(score("stuck at home with the flu, so I'll rebook my flight next week").urgencyLevel())
                .isNotEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void criticalReasonsNameTheKindAndTheWordsAndComeFirst() {
        assertThat(score("The power bank in the seat pocket caught fire").reasons()).first()
                .isEqualTo("safety: 'caught fire'");
        assertThat(score("Someone hacked my account").reasons()).contains("security: 'hacked'");
        assertThat(score("I will sue you for this").reasons()).contains("legal: 'sue you'");
    }

    @Test
    void moneyTakenWronglyIsHigh() {
        Score charged = score("You charged me twice for the same ticket");
        assertThat(charged.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(charged.reasons()).contains("money: 'charged me twice'");
        assertThat(score("Still being charged after cancelling my plan in May").urgencyLevel())
                .isEqualTo(UrgencyLevel.HIGH);
    }

    @Test
    void churnThreatsAreHigh() {
        Score leaving = score("Cancel my subscription, I'm switching to another airline");
        assertThat(leaving.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(leaving.reasons()).contains("churn threat: 'switching to another airline'");
        assertThat(score("That's it, you've lost a customer").urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
    }

    @Test
    void lostGoodsAreHighAndADeadlineIsNamed() {
        Score wedding = score("You lost my luggage and my wedding is on Saturday");
        assertThat(wedding.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(wedding.reasons()).contains("lost goods with a deadline: 'wedding'");
        Score rome = score("You lost my luggage on the way back from Rome");
        assertThat(rome.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(rome.reasons()).contains("lost goods: 'lost my luggage'");
        assertThat(wedding.urgency()).isGreaterThan(rome.urgency());
    }

    @Test
    void thePressIsHigh() {
        Score s = score("I'm a journalist writing a story about your delays, can someone call me?");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).contains("press: 'i'm a journalist'");
    }

    @Test
    void askingForSpeedIsHigh() {
        Score s = score("Please respond asap, my card is blocked");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(s.reasons()).anyMatch(r -> r.startsWith("asks for speed:"));
    }

    @Test
    void littleTimeLeftIsHigh() {
        Score flight = score("My flight leaves in an hour and the app won't show my boarding pass");
        assertThat(flight.urgencyLevel()).isEqualTo(UrgencyLevel.HIGH);
        assertThat(flight.reasons()).contains("time: 'in an hour'");
        assertThat(score("Can you confirm my table for tonight? Nobody answers the phone").urgencyLevel())
                .isEqualTo(UrgencyLevel.HIGH);
        assertThat(score("The show starts in 20 minutes and the tickets still haven't arrived").reasons())
                .contains("time: 'in 20 minutes'");
    }

    @Test
    void timeWordsInPraiseAreNotPressing() {
        assertThat(score("Lovely flight tonight, thank you!").urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
    }

    @Test
    void ordinaryComplaintsAndQuestionsAreNormalAndPraiseIsLow() {
        assertThat(score("The wifi on board didn't work at all").urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(score("Can I bring my guitar as hand luggage?").urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(score("Thanks for a smooth flight!").urgencyLevel()).isEqualTo(UrgencyLevel.LOW);
    }

    @Test
    void aCalmNoteKeepsItFromHigh() {
        Score s = score("No rush at all, just wondering about my seat");
        assertThat(s.urgencyLevel()).isIn(UrgencyLevel.LOW, UrgencyLevel.NORMAL);
        assertThat(s.reasons()).contains("can wait: 'no rush'");
        assertThat(score("No rush, but you charged me twice for the seat").urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
    }

    @Test
    void aCalmNoteDoesNotHideAnEmergency() {
        assertThat(score("No rush, but I think the heater in room 12 is leaking gas, smell of gas everywhere").urgencyLevel())
                .isEqualTo(UrgencyLevel.CRITICAL);
    }

    @Test
    void praiseThatMentionsAPastScareIsNotAnEmergency() {
        Score s = score("Thank you so much to the crew who helped when my son had an allergic reaction, you were amazing");
        assertThat(s.urgencyLevel()).isEqualTo(UrgencyLevel.NORMAL);
        assertThat(s.reasons()).contains("mentions safety: 'allergic reaction'");
    }

    @Test
    void urgencyStaysBetweenZeroAndOne() {
        Score s = score("Fire in the cabin, people injured, my account hacked and I'm calling my lawyer", 2_000_000,
                new CustomerHistory(9, 9, 9));
        assertThat(s.urgency()).isBetween(0.85, 1.0);
    }

    @Test
    void customersOwnWordsForEmergenciesAreCritical() {
        for (String text : new String[] {
            "@Chase my account got hacked",
            "someone logged into my account from another country and changed my email",
            "@BankofAmerica theres an unauthorized transaction on my debit card",
            "@ATT someone ported my number out without my permission",
            "@united stuck at the airport, flight cancelled and no hotel",
            "@PGE i can smell gas in the kitchen",
            "@Wendys my kid got sick after eating your nuggets",
            "@Hilton woke up covered in bed bug bites",
            "@CVS pharmacy gave me the wrong medication",
            "@Hertz the brakes failed on the highway",
            "@StateFarm i'll sue if this isn't paid",
            "@Cigna i'm contacting my lawyer",
            "@Nissan see you in small claims court",
            "@Slack is slack down? nobody at work can send messages"}) {
            assertThat(score(text).urgencyLevel()).as(text + " " + score(text).reasons()).isEqualTo(UrgencyLevel.CRITICAL);
        }
    }

    @Test
    void customersOwnWordsForMoneyLeavingAndThePressAreHigh() {
        for (String text : new String[] {
            "@Uber_Support u charged me twice for one ride",
            "@netflix charged me after i cancelled",
            "@PlanetFitness still billing me after i cancelled in person",
            "@Spotify cancel my subscription",
            "@Xfinity porting out to another provider tomorrow",
            "@Robinhood a reporter at the WSJ is asking me about this",
            "@FedEx i'm a journalist and this is going in my column",
            "@AmazonHelp this is the 4th time i contact you about the same package",
            "@comcastcares i've called 5 times about this"}) {
            assertThat(score(text).urgencyLevel()).as(text + " " + score(text).reasons()).isIn(UrgencyLevel.HIGH,
                    UrgencyLevel.CRITICAL);
        }
    }

    @Test
    void questionsAndRequestsWithoutAQuestionMarkNeedAnAnswer() {
        for (String text : new String[] {
            "@VerizonSupport how do i add a line to my plan",
            "@Steam can i gift a game to someone in another country",
            "@Hilton please help, how do i link my honors account to my booking",
            "@comcastcares following up on my DM",
            "@AmazonHelp I'd like to return an item"}) {
            Score s = score(text);
            assertThat(s.urgencyLevel()).as(text).isEqualTo(UrgencyLevel.NORMAL);
            assertThat(s.sentiment()).as(text).isEqualTo(org.earshot.domain.Sentiment.NEUTRAL);
        }
    }
}
