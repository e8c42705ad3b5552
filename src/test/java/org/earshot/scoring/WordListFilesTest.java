package org.earshot.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The word lists a person edits by hand: a word given twice would silently keep only its last value. */
class WordListFilesTest {

    @Test
    void earshotsOwnLexiconGivesEachWordOneValence() {
        assertThat(repeated(Resources.rows("lexicon.tsv"), 0)).isEmpty();
    }

    @Test
    void eachCuePhraseIsListedOnceForItsKind() {
        List<String[]> cues = Resources.rows("cues.tsv");
        assertThat(repeated(cues.stream().map(row -> new String[] {row[0] + " " + row[1]}).toList(), 0)).isEmpty();
    }

    private static Set<String> repeated(List<String[]> rows, int column) {
        Set<String> seen = new HashSet<>();
        Set<String> again = new HashSet<>();
        for (String[] row : rows) {
            if (!seen.add(row[column])) {
                again.add(row[column]);
            }
        }
        return again;
    }
}
