package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.earshot.domain.Intent;
import org.earshot.scoring.MentionAnalyzer;
import org.junit.jupiter.api.Test;

class IntentDetectorTest {
    private final IntentDetector detector = new IntentDetector();

    private Intent intent(String text) {
        return detector.detect(MentionAnalyzer.standard().analyze(text)).intent();
    }

    @Test
    void complaints() {
        assertThat(intent("You lost my bag in Frankfurt and nobody answers the phone")).isEqualTo(Intent.COMPLAINT);
        assertThat(intent("Where is my refund? Third time asking")).isEqualTo(Intent.COMPLAINT);
        assertThat(intent("The seats on this plane are awful")).isEqualTo(Intent.COMPLAINT);
    }

    @Test
    void questions() {
        assertThat(intent("Can I bring my guitar as hand luggage?")).isEqualTo(Intent.QUESTION);
        assertThat(intent("What time does the lounge in terminal 2 open")).isEqualTo(Intent.QUESTION);
    }

    @Test
    void praise() {
        assertThat(intent("Lovely crew on AC881 today, thank you!")).isEqualTo(Intent.PRAISE);
    }

    @Test
    void purchaseIntent() {
        assertThat(intent("How much is a ticket to Lisbon in May?")).isEqualTo(Intent.PURCHASE_INTENT);
        assertThat(intent("Thinking of booking business class for our honeymoon")).isEqualTo(Intent.PURCHASE_INTENT);
    }

    @Test
    void featureRequests() {
        assertThat(intent("Please add a vegetarian meal option on short flights")).isEqualTo(Intent.FEATURE_REQUEST);
        assertThat(intent("Would be great if the app showed the gate number")).isEqualTo(Intent.FEATURE_REQUEST);
    }

    @Test
    void spam() {
        assertThat(intent("Get 10k free followers today!!! click here")).isEqualTo(Intent.SPAM);
        assertThat(intent("#travel #deal #cheap #flights #win #promo #free")).isEqualTo(Intent.SPAM);
    }

    @Test
    void crisisForSafetySecurityAndLegal() {
        assertThat(intent("A phone caught fire under seat 14C")).isEqualTo(Intent.CRISIS);
        assertThat(intent("My account was hacked and my miles are gone")).isEqualTo(Intent.CRISIS);
        assertThat(intent("My lawyer will be in touch")).isEqualTo(Intent.CRISIS);
    }

    @Test
    void crisisSaysWhy() {
        assertThat(detector.detect(MentionAnalyzer.standard().analyze("A phone caught fire under seat 14C")).why())
                .isEqualTo("safety ('caught fire')");
    }

    @Test
    void somethingUnclearIsOther() {
        assertThat(intent("hmm @acmeair")).isEqualTo(Intent.OTHER);
    }

    private String why(String text) {
        return detector.detect(MentionAnalyzer.standard().analyze(text)).why();
    }

    @Test
    void failuresToldPlainlyAndDamagedGoodsAreComplaints() {
        assertThat(intent("I paid for the Wi-Fi pass and it never connected")).isEqualTo(Intent.COMPLAINT);
        assertThat(intent("my stroller came back with a bent wheel")).isEqualTo(Intent.COMPLAINT);
        assertThat(intent("Three hours at FRA and counting")).isEqualTo(Intent.COMPLAINT);
        assertThat(intent("my flight was lovely and the wheel of my trolley squeaked")).isNotEqualTo(Intent.COMPLAINT);
    }

    @Test
    void thanksWithoutStrongWordsIsPraise() {
        assertThat(intent("This is why I fly Acme Air. Crew found my daughter's rabbit")).isEqualTo(Intent.PRAISE);
        assertThat(intent("This is why I fly Acme Air. Crew lost my bag and were awful")).isEqualTo(Intent.COMPLAINT);
    }

    @Test
    void reportsOfADangerOrASecurityHoleAreEscalatedLikeACrisis() {
        assertThat(intent("the overhead bin popped open and a bag nearly fell on a passenger")).isEqualTo(Intent.CRISIS);
        assertThat(why("the overhead bin popped open and a bag nearly fell on a passenger"))
                .isEqualTo("safety report ('popped open')");
        assertThat(why("your booking form echoes <script>alert(1)</script> back")).isEqualTo("security report ('script')");
    }

    @Test
    void shoutedOffersAreSpam() {
        assertThat(intent("CHEAP FLIGHTS 90% OFF click NOW limited offer!!!")).isEqualTo(Intent.SPAM);
    }
}
