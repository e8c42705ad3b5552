package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.reading.StructureReader;
import org.junit.jupiter.api.Test;

/** The trouble said back from the mention's grammar, and the failures of issue 14 that it fixes. */
class SaidBackTest {
    private static final StructureReader READER = new StructureReader();
    private final ReplyDrafter drafter = new ReplyDrafter(new ReplyPolicy("friendly", "Alex from the care team",
            Duration.ofHours(24), List.of(), List.of("voucher"), Map.of()), Wiring.CHANNELS);

    private static String said(String text) {
        return SaidBack.of(READER.read(text, "en")).orElse("");
    }

    private Draft draft(String text) {
        return drafter.draft(new DraftInput(Platform.X, new Author("kim", "Kim", 10), text, null, null, null));
    }

    @Test
    void theTroubleIsSaidBackInTheSecondPerson() {
        assertThat(said("Adobe Premiere crashes while I import, Windows 10 64-bit")).isEqualTo("Adobe Premiere crashes while you import");
        assertThat(said("my bag still hasn't arrived after 3 days")).isEqualTo("your bag still hasn't arrived after 3 days");
        assertThat(said("I was charged twice for my ticket")).isEqualTo("you were charged twice for your ticket");
        assertThat(said("@Yelp still can't claim my business .... What's going on ?")).isEqualTo("you still can't claim your business");
        assertThat(said("Flight AC123 delayed again")).isEqualTo("flight AC123 was delayed again");
    }

    @Test
    void noClauseIsBuiltFromAVagueSubjectWhatTheCustomerDidOrAnotherLanguage() {
        assertThat(said("Is it a problem from my end or is it a bug?")).isEmpty();
        assertThat(said("it did not work")).isEmpty();
        assertThat(said("I deleted the app and restarted my phone")).isEmpty();
        assertThat(said("This fucking app never works")).isEmpty();
        assertThat(SaidBack.of(READER.read("Mein Koffer ist nicht angekommen", "de"))).isEmpty();
    }

    @Test
    void aComplaintThatSaysWhatWentWrongIsAnsweredWithThatNotWithAStockQuestion() {
        Draft d = draft("Adobe Premiere crashes while I import, Windows 10 64-bit");
        assertThat(d.text()).startsWith("Hi Kim, I'm sorry Adobe Premiere crashes while you import.")
                .doesNotContain("booking").doesNotContain("something went wrong");
    }

    @Test
    void whenNothingCanBeSaidBackTheDraftSaysSoPlainly() {
        Draft d = draft("Is it a problem from my end or is it a bug? So annoying");
        assertThat(d.text()).doesNotContain("your end").contains("couldn't tell");
    }

    @Test
    void aPasswordHelpRequestWithAThanksIsNotPraise() {
        Draft d = draft("@YahooCare kindly I have forgotten my password and security questions... kindly help. Thanks");
        assertThat(d.intent()).isNotEqualTo(Intent.PRAISE);
        assertThat(d.text()).doesNotContain("kind words");
    }

    @Test
    void aThanksBesideWhatSomeoneWantsIsNotThankedForAsPraise() {
        Draft d = draft("Thx for reaching out. It would be nice to have more precise control over export sharpening");
        assertThat(d.text()).doesNotContain("Glad to hear from you").doesNotContain("kind words");
        assertThat(draft("Thank you so much, the crew were wonderful").intent()).isEqualTo(Intent.PRAISE);
    }

    @Test
    void aCustomerWhoUsesASpammersWordButAsksForHelpIsNotSpam() {
        Draft d = draft("@RockstarSupport Hello I went to the casino and won the tron bike but it did not deliver to my"
                + " garage I have waited 30 minutes and even restarted the game. Can you guys help");
        assertThat(d.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(d.text()).isNotEmpty();
        assertThat(draft("Win big at our casino tonight, click here").intent()).isEqualTo(Intent.SPAM);
    }

    @Test
    void aReferenceAlreadyGivenIsNotAskedFor() {
        String ask = "Could you send me your booking reference and a line on what went wrong?";
        assertThat(Asks.onlyMissing(ask, "this is terrible, booking X7K2PQ")).isEqualTo(ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR);
        assertThat(Asks.onlyMissing(ask, "this is terrible")).isEqualTo(ask);
        assertThat(Asks.onlyMissing("What is your account e-mail?", "mine is [email removed]")).isEqualTo(ReplyPolicy.DEFAULT_ASK_WHEN_UNCLEAR);
    }

    @Test
    void possessivesInTurnsOfPhraseAreNotProblems() {
        assertThat(StrayNoun.stray("your end", READER.read("Is it a problem from my end, it keeps failing", "en"))).isTrue();
        assertThat(StrayNoun.stray("your fiancée", READER.read("my fiancée booked it", "en"))).isTrue();
        assertThat(StrayNoun.stray("your password", READER.read("I can't reset my password", "en"))).isFalse();
    }

    @Test
    void languagesAreGuessedFromTheirCommonWords() {
        assertThat(Languages.guess("Bonjour, ma valise n'est pas arrivée et je suis à Paris")).isEqualTo("fr");
        assertThat(Languages.guess("Hola, mi maleta no llegó y estoy muy molesto con el servicio")).isEqualTo("es");
        assertThat(Languages.guess("Hallo, mein Koffer ist nicht angekommen, bitte helfen Sie mir")).isEqualTo("de");
        assertThat(Languages.guess("Olá, minha mala não chegou e estou muito chateado")).isEqualTo("pt");
        assertThat(Languages.guess("How long should a transmission last on a Honda Civic? Not a happy customer!")).isEqualTo("en");
    }

    @Test
    void aHearBackTimeNeverRunsPastADeadlineTheCustomerNamed() {
        assertThat(HearBack.fitting(Duration.ofHours(1), "boarding closes in 20 minutes and the desk is empty"))
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(HearBack.fitting(Duration.ofHours(1), "my flight leaves in 6 hours")).isEqualTo(Duration.ofHours(1));
        assertThat(HearBack.fitting(Duration.ofHours(24), "my bag is lost")).isEqualTo(Duration.ofHours(24));
        Draft d = draft("my boarding pass never arrived and boarding closes in 20 minutes");
        assertThat(d.text()).contains("within 10 minutes").doesNotContain("24 hours");
    }

    @Test
    void aReadOnlyChannelGetsNoPromiseToHearBackThroughIt() {
        Draft d = drafter.draft(new DraftInput(Platform.RSS, new Author("kim", "Kim", 10),
                "my bag still hasn't arrived after 3 days", null, null, null));
        assertThat(d.text()).contains("your bag still hasn't arrived after 3 days").doesNotContain("hear back from me")
                .contains("get in touch with us directly and we will be glad to follow this up");
        assertThat(draft("my bag still hasn't arrived after 3 days").text()).contains("hear back from me");
    }
}
