package org.earshot.reply;

/** What a phrase in {@code reply/intents.tsv} shows about what the person wants. */
enum IntentCue {
    SPAM, PURCHASE, FEATURE, QUESTION,
    /** Someone stuck somewhere now: the reply's hear-back time is the critical one whatever the score says. */
    STRANDED
}
