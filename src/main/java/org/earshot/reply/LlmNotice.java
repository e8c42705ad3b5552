package org.earshot.reply;

/** The notice a draft carries when the LLM wrote it, or when the template drafter took over from it. */
final class LlmNotice {
    static final String PREFIX = "drafter: ";

    private LlmNotice() {
    }
}
