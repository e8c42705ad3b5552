package org.earshot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.earshot.Wiring;
import org.earshot.config.PolicyLanguage;
import org.earshot.config.PolicyLanguages;
import org.earshot.config.ReplyPolicy;
import org.earshot.domain.Author;
import org.earshot.domain.CustomerHistory;
import org.earshot.domain.Draft;
import org.earshot.domain.Intent;
import org.earshot.domain.Platform;
import org.earshot.domain.Warning;
import org.earshot.reading.MentionReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Drafts in the customer's language, and the rules that read replies in it. */
class DraftLanguagesTest {
    private static final MentionReader READER = MentionReader.standard(null);
    private final ReplyDrafter drafter = new ReplyDrafter(Policies.ACME, Wiring.CHANNELS);

    private static DraftInput mention(Platform platform, String name, String text) {
        return new DraftInput(platform, new Author("handle", name, 10), text, "", null, CustomerHistory.NONE, false,
                READER.read("", text));
    }

    private static List<String> ruleIds(List<Warning> warnings) {
        return warnings.stream().map(Warning::rule).toList();
    }

    private static void assumeWordLists() {
        Assumptions.assumeTrue(java.nio.file.Files.isReadable(Path.of("/usr/share/dict/french"))
                        && java.nio.file.Files.isReadable(Path.of("/usr/share/dict/spanish"))
                        && java.nio.file.Files.isReadable(Path.of("/usr/share/dict/ngerman"))
                        && java.nio.file.Files.isReadable(Path.of("/usr/share/dict/portuguese")),
                "Debian's word lists are not installed (apt-get install wspanish wfrench wngerman wportuguese)");
    }

    @Test
    void aFrenchMailGetsAFrenchDraftItsOwnRulesPassAndIsNotAskedForTheBookingCodeItGave() {
        assumeWordLists();
        Draft d = drafter.draft(mention(Platform.EMAIL, "Marie Dubois", "Bonjour, ma valise n'est toujours pas arrivée à"
                + " Lisbonne depuis trois jours. Ma référence de réservation est ABC123. Merci de m'aider."));

        assertThat(d.intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(d.text()).startsWith("Bonjour Marie,\n\nJe regrette sincèrement ce qui est arrivé à votre valise.")
                .contains("vous aurez de mes nouvelles sous 24 heures")
                .endsWith("Cordialement,\nSam du service client d'Acme Air")
                .doesNotContain("référence").doesNotContain("Hi ").doesNotContain("sorry");
        assertThat(d.warnings()).as(d.toString()).isEmpty();
        assertThat(d.followUp()).isTrue();
        assertThat(HearBack.promised(d.text())).contains(Duration.ofHours(24));
    }

    @Test
    void aComplaintInEachLanguageIsAnsweredInItWithThePersonsNameAndTheirOwnPhraseSaidBack() {
        assumeWordLists();
        Map<String, List<String>> cases = Map.of(
                "Llevo tres días esperando mi maleta y nadie me responde. Es una vergüenza.",
                List.of("Hola, Carlos. Lamento mucho lo ocurrido con su maleta.", "recibirá noticias mías en un plazo de 24 horas"),
                "Mein Paket ist immer noch nicht angekommen und niemand antwortet mir. Sehr enttäuschend!",
                List.of("Hallo Carlos, es tut mir sehr leid, was mit Ihrem Paket passiert ist.", "Sie hören innerhalb von 24 Stunden von mir"),
                "Meu voo foi cancelado e ninguém me explica nada. Estou no aeroporto sem saber o que fazer.",
                List.of("Olá, Carlos. Lamento muito o que aconteceu com o seu voo.", "você terá notícias minhas em até 24 horas"),
                "Ma commande est arrivée cassée et personne ne répond à mes messages.",
                List.of("Bonjour Carlos, je regrette sincèrement ce qui est arrivé à votre commande.", "sous 24 heures"));
        cases.forEach((text, expected) -> {
            Draft d = drafter.draft(mention(Platform.X, "Carlos Pérez", text));
            assertThat(d.intent()).as(text).isEqualTo(Intent.COMPLAINT);
            assertThat(d.text()).as(text).startsWith(expected.get(0)).contains(expected.get(1));
            assertThat(d.warnings()).as(d.toString()).isEmpty();
            assertThat(d.followUp()).as(text).isTrue();
        });
    }

    @Test
    void withoutAPhraseToSayBackTheDraftSaysPlainlyItIsSorryAndAsksTheTeamsQuestionInTheLanguage() {
        assumeWordLists();
        Draft d = drafter.draft(mention(Platform.X, "Carlos", "Esto es una vergüenza, nadie responde desde hace una semana."));
        assertThat(d.text()).startsWith("Hola, Carlos. Siento mucho lo que nos cuenta.")
                .endsWith("¿Podría enviarme su código de reserva y contarme brevemente qué ha ocurrido, para que pueda revisarlo?");
        assertThat(d.warnings()).as(d.toString()).isEmpty();
    }

    @Test
    void praiseAndQuestionsInAnotherLanguageGetTheirOwnTemplates() {
        assumeWordLists();
        Draft praise = drafter.draft(mention(Platform.X, "Claire", "Merci beaucoup à l'équipe, le vol était parfait et le personnel très gentil !"));
        assertThat(praise.intent()).isEqualTo(Intent.PRAISE);
        assertThat(praise.text()).startsWith("Merci beaucoup, Claire !");
        assertThat(praise.warnings()).as(praise.toString()).isEmpty();

        Draft question = drafter.draft(mention(Platform.X, "Jonas", "Wie viel Handgepäck darf ich auf dem Flug nach Lissabon mitnehmen?"));
        assertThat(question.text()).startsWith("Hallo Jonas, zum Gepäck: Jeder Tarif enthält ein Handgepäckstück bis 10 kg");
        assertThat(question.warnings()).as(question.toString()).isEmpty();
    }

    @Test
    void anAnswerWithNoTextInTheMentionsLanguageIsGivenInTheTeamsLanguageWithANotice() {
        Draft d = drafter.draft(mention(Platform.X, "Pedro", "¿A qué hora abre el check-in online para mi vuelo a Lisboa?"));
        assertThat(d.text()).startsWith("Hi Pedro, online check-in opens 30 hours before departure");
        assertThat(d.warnings()).anyMatch(w -> w.isNotice() && w.rule().equals("language")
                && w.text().startsWith("the answer 'check-in' has no Spanish text in the policy"));
    }

    @Test
    void aMentionInALanguageDraftsAreNotWrittenInIsDraftedInTheTeamsLanguageWithANotice() {
        Draft d = drafter.draft(mention(Platform.X, "Lucia", "Il mio bagaglio non è mai arrivato a Roma e nessuno mi risponde da giorni"));
        assertThat(d.text()).startsWith("Hi Lucia,");
        assertThat(d.warnings()).anyMatch(w -> w.isNotice() && w.text().startsWith("written in Italian, which drafts are not"
                + " written in (en, es, fr, de, pt): drafted in English, the team's language"));
    }

    @Test
    void aTeamWhoseLanguageIsSpanishAnswersAnItalianMentionInSpanish() {
        ReplyPolicy spanishTeam = new ReplyPolicy("friendly", "Sam", Duration.ofHours(24), List.of(), List.of(), Map.of(),
                null, null, null, null, null, null, null, null, new PolicyLanguages("es", Map.of()), null, null);
        Draft d = new ReplyDrafter(spanishTeam, Wiring.CHANNELS).draft(mention(Platform.X, "Lucia",
                "Il mio bagaglio non è mai arrivato a Roma e nessuno mi risponde da giorni"));
        assertThat(d.text()).startsWith("Hola, Lucia.");
        assertThat(d.warnings()).anyMatch(w -> w.text().contains("drafted in Spanish, the team's language"));
    }

    @Test
    void withoutThePolicysHandledByInALanguageTheTeamsIsUsedWithANotice() {
        Draft d = new ReplyDrafter(Policies.BUILT_IN, Wiring.CHANNELS).draft(mention(Platform.X, "Ana",
                "Minha mala chegou danificada e até agora não tenho resposta."));
        assertThat(d.text()).startsWith("Olá, Ana. Lamento muito o que aconteceu com a sua mala. Sou Sam from the Acme Air care team");
        assertThat(d.warnings()).anyMatch(w -> w.isNotice() && w.text().contains("the policy has no Portuguese handledBy"));
    }

    @Test
    void theRulesReadGreetingsStockPhrasesYesNoEndingsAndTyposInEachLanguage() {
        assumeWordLists();
        DraftInput french = mention(Platform.EMAIL, "Marie", "Bonjour, ma valise n'est toujours pas arrivée.");
        assertThat(ruleIds(drafter.check("Bonjour Marie,\n\nJe regrette ce qui est arrivé à votre valise ; je reviens"
                + " vers vous sous 24 heures.\n\nCordialement,\nSam", french))).isEmpty();
        assertThat(ruleIds(drafter.check("Votre valise est perdue. Votre appel est important pour nous.\n\nCordialement,\nSam",
                french))).contains("mail-greeting", "stock-phrase", "positive-ending");

        DraftInput spanish = mention(Platform.X, "Carlos", "¿Mi maleta ya ha llegado a Madrid?");
        assertThat(ruleIds(drafter.check("Sí.", spanish))).contains("yes-no");
        assertThat(ruleIds(drafter.check("Hola, Carlos. Su maleta ya está en Madrid; se la llevamos hoy mismo. ¡Que tenga un buen"
                + " día!", spanish))).doesNotContain("yes-no", "typos", "positive-ending");
        assertThat(drafter.check("Hola, Carlos. Lamentamos lo ocurridx con su malleta, estmos revisndo todo y le"
                + " responderemos pronto.", spanish)).anyMatch(w -> w.rule().equals("typos") && w.text().contains("'estmos'"));

        DraftInput german = mention(Platform.X, "Jonas", "Ist mein Paket schon unterwegs?");
        assertThat(ruleIds(drafter.check("Ja", german))).contains("yes-no");
        assertThat(ruleIds(drafter.check("Hallo Jonas, Ihr Paket ist verloren.", german))).contains("positive-ending");
        assertThat(ruleIds(drafter.check("Hallo Jonas, Ihr Paket ist unterwegs und kommt morgen an. Ich melde mich, sobald es"
                + " zugestellt ist.", german))).doesNotContain("positive-ending", "typos");

        DraftInput portuguese = mention(Platform.X, "Ana", "Minha mala chegou danificada.");
        assertThat(ruleIds(drafter.check("Não", portuguese))).contains("yes-no");
        assertThat(ruleIds(drafter.check("Olá, Ana. A sua ligação é muito importante para nós. Obrigado!", portuguese)))
                .contains("stock-phrase");
    }

    @Test
    void aReplyInAnotherLanguageThatPromisesToComeBackOpensAFollowUpForTheTimeItNames() {
        assertThat(ReplyGuardrails.opensFollowUp("Vous aurez de mes nouvelles sous 4 heures.")).isTrue();
        assertThat(HearBack.promised("Hola, Ana. Recibirá noticias mías en un plazo de 2 horas.")).contains(Duration.ofHours(2));
        assertThat(HearBack.promised("Hallo Jonas, Sie hören innerhalb von 3 Tagen von mir.")).contains(Duration.ofDays(3));
        assertThat(HearBack.promised("Olá, Ana. Você terá notícias minhas em até 30 minutos.")).contains(Duration.ofMinutes(30));
        assertThat(ReplyGuardrails.opensFollowUp("Merci pour votre message, bonne journée !")).isFalse();
    }

    @Test
    void theHearBackTimeIsSaidInTheDraftsLanguage() {
        assertThat(ReplyLanguage.of("es").spoken(Duration.ofHours(1))).isEqualTo("1 hora");
        assertThat(ReplyLanguage.of("fr").spoken(Duration.ofDays(2))).isEqualTo("2 jours");
        assertThat(ReplyLanguage.of("de").spoken(Duration.ofMinutes(30))).isEqualTo("30 Minuten");
        assertThat(ReplyLanguage.of("pt").spoken(Duration.ofHours(4))).isEqualTo("4 horas");
    }

    @Test
    void withoutTheLanguagesWordListTheTypoRuleIsSkippedWithANotice() {
        ReplyPolicy noList = new ReplyPolicy("friendly", "Sam", Duration.ofHours(24), List.of(), List.of(), Map.of(),
                null, null, null, null, null, null, null, null, new PolicyLanguages("en", Map.of("fr",
                new PolicyLanguage("Sam", "", "", Map.of(), "/nonexistent/french"))), null, null);
        Draft d = new ReplyDrafter(noList, Wiring.CHANNELS).draft(mention(Platform.X, "Marie",
                "Ma valise n'est toujours pas arrivée et personne ne répond."));
        assertThat(d.text()).startsWith("Bonjour Marie,");
        assertThat(d.warnings()).noneMatch(w -> w.rule().equals("typos"))
                .anyMatch(w -> w.isNotice() && w.text().startsWith("no French word list at /nonexistent/french (install the"
                        + " wfrench package") && w.text().endsWith("the typo rule is skipped for French"));
    }

    @Test
    void theGermanPossessiveIsSaidBackOnlyWhereItsEndingTellsTheCase() {
        Draft plural = drafter.draft(mention(Platform.X, "Jonas", "Meine Koffer sind immer noch nicht angekommen!"));
        assertThat(plural.text()).startsWith("Hallo Jonas, es tut mir leid, dass Sie Ärger hatten.")
                .doesNotContain("Ihrer Koffer");
    }
}
