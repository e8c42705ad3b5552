package org.earshot.scoring;

import java.util.List;

/**
 * The scorer's word lists, loaded once per process from {@code /scoring/}: the VADER lexicon,
 * Earshot's own valences ({@code lexicon.tsv}), the modifiers and word classes
 * ({@code modifiers.tsv}) and the cue phrases ({@code cues.tsv}). Every word of every list gets one
 * number in one vocabulary, so the tokenizer finds each word once and all rules share that number.
 */
final class WordLists {
    private static final WordLists STANDARD = load();

    private final Lexicon lexicon;
    private final PhraseBook<CueKind> cues;

    private WordLists(Lexicon lexicon, PhraseBook<CueKind> cues) {
        this.lexicon = lexicon;
        this.cues = cues;
    }

    static WordLists standard() {
        return STANDARD;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    PhraseBook<CueKind> cues() {
        return cues;
    }

    private static WordLists load() {
        List<String[]> vader = Resources.rows("vader_lexicon.tsv");
        List<String[]> own = Resources.rows("lexicon.tsv");
        List<String[]> modifiers = Resources.rows("modifiers.tsv");
        List<String[]> cueRows = Resources.rows("cues.tsv");

        // Phrases are cut into words by a tokenizer that knows no words yet: only the cutting matters here.
        Tokenizer cutter = new Tokenizer(Lexicon.of(new Vocabulary.Builder().build(), List.of(), List.of()));
        Vocabulary.Builder words = new Vocabulary.Builder();
        for (List<String[]> rows : List.of(vader, own)) {
            rows.forEach(row -> words.add(row[0]));
        }
        modifiers.forEach(row -> words.add(row[1]));
        for (String[] row : cueRows) {
            for (String w : PhraseBook.words(row[1], cutter)) {
                if (!w.startsWith("{")) {
                    words.add(w);
                }
            }
        }
        Vocabulary vocabulary = words.build();
        Lexicon lexicon = Lexicon.of(vocabulary, List.of(vader, own), modifiers);
        PhraseBook<CueKind> cues = PhraseBook.compile("cues.tsv", cueRows, CueKind.class, lexicon, vocabulary,
                new Tokenizer(lexicon), CueKind::reasonLabel);
        return new WordLists(lexicon, cues);
    }
}
