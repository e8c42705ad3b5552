package org.earshot.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
    private static final LanguageDetector DETECTOR = LanguageDetector.load(Languages.DEFAULT);

    /** Short mentions as customers write them, five to each language. */
    private static final Map<String, List<String>> SAID = Map.of(
            "en", List.of("@AcmeAir my flight is delayed 3 hours and nobody tells us anything",
                    "the power bank is smoking and smells like burning",
                    "where is my refund?? been waiting two weeks",
                    "love the new app, checkout is so fast now",
                    "can I bring my bike on the train tomorrow"),
            "es", List.of("@AcmeAir mi vuelo lleva tres horas de retraso y nadie nos dice nada",
                    "el cargador está echando humo y huele a quemado",
                    "¿dónde está mi reembolso? llevo dos semanas esperando",
                    "me encanta la nueva aplicación, muy rápida",
                    "no funciona la app desde ayer, qué desastre"),
            "fr", List.of("@AcmeAir mon vol a trois heures de retard et personne ne nous dit rien",
                    "la batterie gonfle et le pavé tactile se soulève",
                    "où est mon remboursement ? j'attends depuis deux semaines",
                    "merci beaucoup pour votre aide, service au top",
                    "impossible de me connecter à mon compte depuis hier"),
            "de", List.of("@AcmeAir mein Flug hat drei Stunden Verspätung und niemand sagt uns etwas",
                    "die Powerbank raucht und riecht verbrannt",
                    "wo bleibt meine Rückerstattung? ich warte seit zwei Wochen",
                    "vielen Dank, super schneller Service",
                    "die App stürzt ständig ab, total nervig"),
            "pt", List.of("@AcmeAir meu voo está atrasado três horas e ninguém nos diz nada",
                    "o carregador está soltando fumaça e cheira a queimado",
                    "cadê meu reembolso? estou esperando há duas semanas",
                    "adorei o novo aplicativo, muito obrigado",
                    "não consigo entrar na minha conta desde ontem"));

    @Test
    void shortMentionsAreReadInEachOfTheFiveLanguages() {
        SAID.forEach((language, texts) -> texts.forEach(t ->
                assertThat(DETECTOR.detect(t)).as(t).isEqualTo(language)));
    }

    @Test
    void aTextTooShortToTellIsInTheFirstConfiguredLanguage() {
        assertThat(DETECTOR.detect("@AcmeAir ok 👍")).isEqualTo("en");
        assertThat(LanguageDetector.load(new Languages(List.of("de", "en"))).detect("ok!!")).isEqualTo("de");
    }

    @Test
    void aLongTextInALanguageNobodyConfiguredIsStillNamed() {
        assertThat(DETECTOR.detect("Il mio volo è stato cancellato e nessuno mi ha spiegato perché, "
                + "sono bloccato in aeroporto da sei ore senza informazioni")).isEqualTo("it");
    }

    /** Real complaint tweets, all English: how many the detector reads as English (printed, and most). */
    @Test
    void realEnglishComplaintTweetsReadAsEnglish() throws IOException {
        Path file = Path.of("../shared/data/labelled/preotiuc_complaints_acl2019.jsonl");
        Assumptions.assumeTrue(Files.exists(file), "../shared/data/ is absent: skipped");
        ObjectMapper json = new ObjectMapper();
        int english = 0;
        int all = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long started = cpu.getCurrentThreadCpuTime();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = json.readTree(line);
            all++;
            english += DETECTOR.detect(n.get("text").asText()).equals("en") ? 1 : 0;
        }
        double seconds = (cpu.getCurrentThreadCpuTime() - started) / 1e9;
        // Printed, never asserted: the CPU time of this thread, so a busy machine does not count.
        System.out.printf("language: %d of %d real complaint tweets read as English (%.1f %%), %.0f texts per CPU-second%n",
                english, all, 100.0 * english / all, all / seconds);
        assertThat(english).isGreaterThan((int) (all * 0.97));
    }

    /**
     * The plain-English shortcut answers what the model would have answered: on the real complaint
     * mentions (none used to pick its words), at most one text in two hundred is named otherwise.
     */
    @Test
    void thePlainEnglishShortcutAgreesWithTheModelOnRealMentions() throws IOException {
        Path dir = Path.of("../shared/data/complaints");
        Assumptions.assumeTrue(Files.isDirectory(dir), "../shared/data/ is absent: skipped");
        ObjectMapper json = new ObjectMapper();
        int all = 0;
        int shortcut = 0;
        int differ = 0;
        List<String> examples = new java.util.ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    String text = json.readTree(line).get("text").asText();
                    all++;
                    String quick = DETECTOR.detect(text);
                    String model = DETECTOR.detectByModel(text);
                    shortcut += PlainEnglish.isPlainlyEnglish(text.toLowerCase(java.util.Locale.ROOT)) ? 1 : 0;
                    if (!quick.equals(model)) {
                        differ++;
                        if (examples.size() < 5) {
                            examples.add(model + " -> " + quick + ": " + text);
                        }
                    }
                }
            }
        }
        System.out.printf(java.util.Locale.ROOT, "plain-English shortcut: %d of %d texts (%.1f%%); differs from the "
                + "model on %d (%.2f%%) %s%n", shortcut, all, 100.0 * shortcut / all, differ, 100.0 * differ / all, examples);
        assertThat(differ).isLessThanOrEqualTo(all / 200);
    }
}
