package org.earshot.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StructureReaderTest {
    private final StructureReader reader = new StructureReader();

    @Test
    void englishSentencesGetWordsTagsAndLemmas() {
        Structure s = reader.read("Adobe Premiere crashes while I import. Can you help?", "en");
        assertThat(s.tagged()).isTrue();
        assertThat(s.sentences()).hasSize(2);
        List<Structure.Word> first = s.sentences().get(0).words();
        assertThat(first).extracting(Structure.Word::text).containsExactly("Adobe", "Premiere", "crashes", "while", "I", "import", ".");
        assertThat(first.get(2).tag()).isEqualTo("VERB");
        assertThat(first.get(2).lemma()).isEqualTo("crash");
        assertThat(first.get(4).tag()).isEqualTo("PRON");
        assertThat(s.sentences().get(1).asksQuestion()).isTrue();
    }

    @Test
    void handlesAndLinksStayWholeAndOutOfTheGrammar() {
        Structure s = reader.read("@AdobeCare my export fails https://t.co/abc #help", "en");
        assertThat(s.words()).extracting(Structure.Word::text)
                .contains("@AdobeCare", "https://t.co/abc", "#help", "export", "fails");
        assertThat(s.words()).filteredOn(Structure.Word::platformMarkup).extracting(Structure.Word::tag).containsOnly("X");
        Structure.Word at = s.words().get(0);
        assertThat("@AdobeCare my export fails https://t.co/abc #help".substring(at.start(), at.end())).isEqualTo("@AdobeCare");
    }

    @Test
    void lineBreaksEndSentences() {
        Structure s = reader.read("My bag never arrived\nstill waiting after 3 days", "en");
        assertThat(s.sentences()).extracting(Structure.Sentence::text)
                .containsExactly("My bag never arrived", "still waiting after 3 days");
    }

    @Test
    void germanAndFrenchAreTagged() {
        Structure de = reader.read("Mein Koffer ist nicht angekommen.", "de");
        assertThat(de.tagged()).isTrue();
        assertThat(de.words()).extracting(Structure.Word::tag).contains("NOUN", "VERB");
        assertThat(de.words().get(1).lemma()).isEqualTo("koffer");
        Structure fr = reader.read("Ma valise n'est pas arrivée.", "fr");
        assertThat(fr.tagged()).isTrue();
        assertThat(fr.words()).extracting(Structure.Word::tag).contains("NOUN");
    }

    @Test
    void languagesWithoutModelsGetSentencesAndTokensUntagged() {
        Structure es = reader.read("Mi maleta no llegó. ¿Pueden ayudarme?", "es");
        assertThat(es.tagged()).isFalse();
        assertThat(es.sentences()).hasSize(2);
        assertThat(es.words()).extracting(Structure.Word::tag).containsOnly("X");
        assertThat(reader.read("   ", "en").sentences()).isEmpty();
    }
}
