package org.earshot.config;

import java.util.Map;

/**
 * The policy's own texts in one language other than the team's, from {@code languages.<code>} in
 * policy.yaml; what is left out falls back to Earshot's built-in text in that language, or for
 * {@code handledBy} to the team's (with a notice on the draft).
 *
 * @param handledBy      who the customer is told handles their case, in this language; empty: the team's
 * @param signOff        the line before {@code handledBy} at the end of an e-mail; empty: built in
 * @param askWhenUnclear the one question for a complaint that does not say what went wrong; empty: built in
 * @param templates      templates by the same names as the voices' ({@code complaint}, {@code question_unclear}, ...)
 * @param wordList       the word list the typo check reads for this language; empty: Debian's in /usr/share/dict
 */
public record PolicyLanguage(String handledBy, String signOff, String askWhenUnclear, Map<String, String> templates,
                             String wordList) {
    public static final PolicyLanguage NONE = new PolicyLanguage("", "", "", Map.of(), "");

    public PolicyLanguage {
        handledBy = handledBy == null ? "" : handledBy;
        signOff = signOff == null ? "" : signOff;
        askWhenUnclear = askWhenUnclear == null ? "" : askWhenUnclear;
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        wordList = wordList == null ? "" : wordList;
    }
}
