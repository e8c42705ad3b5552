package org.earshot.connector.imap;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.charset.Charset;
import java.util.Optional;

/**
 * The charset unlabelled (or "us-ascii"-labelled) 8-bit text most likely is in, by ICU's
 * statistical detector. Only a confident answer counts: short text says too little, and then
 * Windows-1252, the commonest charset of old Western mail, reads it best.
 */
final class CharsetGuess {
    /** ICU's confidence is 0..100; below this its answer for a few hundred bytes is often wrong. */
    private static final int MIN_CONFIDENCE = 50;
    /** Fewer bytes than this are too few to tell one charset from another. */
    private static final int MIN_BYTES = 40;

    private CharsetGuess() {
    }

    static Optional<Charset> of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            return Optional.empty();
        }
        CharsetMatch match = new CharsetDetector().setText(bytes).detect();
        if (match == null || match.getConfidence() < MIN_CONFIDENCE) {
            return Optional.empty();
        }
        // ICU answers ISO-8859-1 for Windows text too; its superset reads both.
        String name = match.getName().equalsIgnoreCase("ISO-8859-1") ? "windows-1252" : match.getName();
        return MailCharsets.charset(name);
    }
}
