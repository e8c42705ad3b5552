package org.earshot.scoring;

import java.util.Locale;

/**
 * The part of a mention's text that is scored and drafted: all of it, or its start when it is longer
 * than the configured size. The mention itself is stored whole; only the analysis reads less, so one
 * post or mail of a megabyte cannot stall its poll. A cut falls on the last space before the limit
 * (when there is one in its last tenth) and never splits a character.
 *
 * @param text       what is analysed
 * @param fullLength the length of the whole text, in characters
 */
public record AnalysedText(String text, int fullLength) {
    /** About ten pages of a letter: far more than any post, and more than all but the longest mails. */
    public static final int DEFAULT_MAX_CHARS = 20_000;
    /** No cut below this: a limit that small would cut ordinary posts. */
    public static final int MIN_MAX_CHARS = 1_000;

    public static AnalysedText of(String text, int maxChars) {
        String whole = text == null ? "" : text;
        if (whole.length() <= maxChars) {
            return new AnalysedText(whole, whole.length());
        }
        int end = maxChars;
        if (Character.isLowSurrogate(whole.charAt(end)) && Character.isHighSurrogate(whole.charAt(end - 1))) {
            end--;
        }
        int space = whole.lastIndexOf(' ', end);
        if (space > maxChars - maxChars / 10) {
            end = space;
        }
        return new AnalysedText(whole.substring(0, end), whole.length());
    }

    public boolean cut() {
        return text.length() < fullLength;
    }

    /** What the cut is called where it shows: "read the first 20,000 of 1,048,576 characters". */
    public String notice() {
        return String.format(Locale.ROOT, "read the first %,d of %,d characters; the rest is stored but not scored or drafted",
                text.length(), fullLength);
    }
}
