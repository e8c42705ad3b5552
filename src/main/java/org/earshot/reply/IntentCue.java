package org.earshot.reply;

/** What a phrase in {@code reply/intents.tsv} shows about what the person wants. */
enum IntentCue {
    SPAM, PURCHASE, FEATURE, QUESTION,
    /** Someone stuck somewhere now: the reply's hear-back time is the critical one whatever the score says. */
    STRANDED,
    /** A failure told plainly that the scorer may read as neutral: "never connected", "and counting". */
    COMPLAINT,
    /** Thanks without strong words: "this is why I fly", "shout-out to". */
    PRAISE,
    /** Someone reports a danger or a security hole: the team's safety or security people must see it. */
    SAFETY_REPORT, SECURITY_REPORT,
    /** Insults and abuse with nothing to answer: no reply is drafted, as for spam. */
    ABUSE
}
