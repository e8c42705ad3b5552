package org.earshot.scoring;

/**
 * Which sentences ask something. A sentence asks when it ends with "?" or opens, after a greeting
 * ("hi,", "just checking,"), with a question word, or with a verb and then whom it asks about
 * ("can i", "is venmo down"):
 * customers often leave the mark off ("how do i add a line to my plan", "can i gift a game to
 * someone abroad"). "What a flight!" and "how rude" exclaim, "would love to" and "what i love
 * about" do not ask, and a sentence that ends with "!" and no "?" does not ask.
 */
final class Questions {
    private final Lexicon lexicon;
    private final int asking;
    private final int greeting;
    private final int auxiliary;
    private final int notAskingAfter;
    private final int clauseSubject;
    private final int exclaimer;
    private final int article;

    Questions(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.asking = lexicon.classBit("asking");
        this.greeting = lexicon.classBit("greeting");
        this.auxiliary = lexicon.classBit("auxiliary");
        this.notAskingAfter = lexicon.classBit("not_asking_after");
        this.clauseSubject = lexicon.classBit("clause_subject");
        this.exclaimer = lexicon.classBit("exclaimer");
        this.article = lexicon.classBit("article");
    }

    /** Whether the sentence from {@code from} to its end mark {@code end} asks. */
    boolean asks(Tokens tokens, int from, int end) {
        char mark = tokens.punct(end);
        if (mark == '?') {
            return true;
        }
        if (mark == '!') {
            return false;
        }
        int first = from;
        while (first <= end && (!tokens.isWordLike(first) || lexicon.inClasses(tokens.id(first), greeting))) {
            first++;
        }
        if (first > end) {
            return false;
        }
        int next = Sentences.firstWordFrom(tokens, first + 1);
        if (next > end) {
            return lexicon.inClasses(tokens.id(first), asking);
        }
        if (lexicon.inClasses(tokens.id(first), auxiliary)) {
            return lexicon.valence(tokens, next) == 0 && !lexicon.isNegator(tokens, next)
                    && !lexicon.inClasses(tokens.id(next), notAskingAfter);
        }
        return lexicon.inClasses(tokens.id(first), asking) && !lexicon.inClasses(tokens.id(next), clauseSubject)
                && !exclaims(tokens, first, next);
    }

    /** "What a mess", "how lovely": "what" or "how" before "a" or a word of feeling exclaims. */
    private boolean exclaims(Tokens tokens, int first, int next) {
        return lexicon.inClasses(tokens.id(first), exclaimer)
                && (lexicon.inClasses(tokens.id(next), article) || lexicon.valence(tokens, next) != 0);
    }
}
