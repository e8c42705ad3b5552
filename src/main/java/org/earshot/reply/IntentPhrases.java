package org.earshot.reply;

import org.earshot.scoring.PhraseBook;

/** The intent phrases of {@code reply/intents.tsv}, loaded once for the detector and the problem finder. */
final class IntentPhrases {
    static final PhraseBook<IntentCue> BOOK = PhraseBook.load("/reply/intents.tsv", IntentCue.class);

    private IntentPhrases() {
    }
}
