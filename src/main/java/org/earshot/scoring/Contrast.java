package org.earshot.scoring;

/**
 * What a person says after "but" weighs more than what came before: "the crew was lovely but you
 * lost my bag" is a complaint. A conceded clause weighs less than the rest of its sentence:
 * "Although the crew was lovely, the flight was three hours late"; "great flight despite the delay".
 */
final class Contrast {
    private static final double BEFORE = 0.5;
    private static final double AFTER = 1.5;

    private final Lexicon lexicon;

    Contrast(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    void weigh(Tokens tokens, double[] val) {
        boolean contrasted = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.isWord(i)) {
                continue;
            }
            int id = tokens.id(i);
            boolean contrast = lexicon.is(id, Lexicon.CONTRAST);
            boolean concession = lexicon.is(id, Lexicon.CONCESSION);
            if (concession && (!contrast || Sentences.opensSentence(tokens, i))) {
                concede(tokens, i, val);
            } else if (contrast && !contrasted && i > 0 && i < tokens.size() - 1) {
                for (int k = 0; k < tokens.size(); k++) {
                    val[k] *= k < i ? BEFORE : AFTER;
                }
                contrasted = true;
            }
        }
    }

    private static void concede(Tokens tokens, int i, double[] val) {
        int from = Sentences.start(tokens, i);
        int to = Sentences.end(tokens, i);
        int clauseEnd = Sentences.clauseEnd(tokens, i);
        for (int k = from; k <= to && k < tokens.size(); k++) {
            val[k] *= k >= i && k < clauseEnd ? BEFORE : AFTER;
        }
    }
}
