package org.earshot.connector.imap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the bytes of a mail into the text its writer meant, whatever its label says. Real mail is
 * often mislabelled: "us-ascii" over UTF-8, no label over Windows text, "iso-8859-1" over
 * Windows-1252 curly quotes. The rule, for bodies and headers alike: bytes that are valid UTF-8 are
 * UTF-8 (text in any other 8-bit charset is almost never valid UTF-8), also with a stray invalid
 * byte among many valid sequences; else the declared charset if it
 * decodes them cleanly; else, with no usable label, what the bytes look like (see {@link
 * CharsetGuess}); else Windows-1252, which can read any byte.
 */
final class MailCharsets {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MailCharsets() {
    }

    /** @param declared the charset name the mail gives (MIME name, any case), or null */
    static String decode(byte[] bytes, String declared) {
        Optional<Charset> label = charset(declared);
        if (isAscii(bytes)) {
            // 7-bit charsets (ISO-2022-JP, UTF-7) need their label; for the rest ASCII is ASCII.
            return label.flatMap(c -> strict(bytes, c)).orElseGet(() -> new String(bytes, StandardCharsets.US_ASCII));
        }
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return utf8.get();
        }
        if (isMostlyUtf8(bytes)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (label.isPresent() && !isAsciiLabel(label.get())) {
            Charset c = isLatin1(label.get()) ? WINDOWS_1252 : label.get();
            Optional<String> declaredText = strict(bytes, c);
            if (declaredText.isPresent()) {
                return declaredText.get();
            }
        }
        return CharsetGuess.of(bytes).flatMap(c -> strict(bytes, c)).orElseGet(() -> new String(bytes, WINDOWS_1252));
    }

    /**
     * A header value as Jakarta Mail hands it over (one char per byte: it reads headers as
     * ISO-8859-1), with raw 8-bit bytes and RFC 2047 encoded words made into text.
     *
     * @param hint the charset of the mail's body, the likeliest charset of raw 8-bit header bytes
     */
    static String header(String raw, String hint) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return EncodedWords.decode(unfold(raw), hint).strip();
    }

    /** The bytes behind a header string read as ISO-8859-1, or null if it holds wider characters. */
    static byte[] latin1Bytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return null;
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Optional<Charset> charset(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip();
        if (n.length() > 1 && n.startsWith("\"") && n.endsWith("\"")) {
            n = n.substring(1, n.length() - 1);
        }
        int star = n.indexOf('*'); // RFC 2231 language suffix: "utf-8*en"
        if (star > 0) {
            n = n.substring(0, star);
        }
        try {
            return Charset.isSupported(n) ? Optional.of(Charset.forName(n)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            return Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * UTF-8 text with a stray byte or two (a cut multi-byte character, one Latin-1 letter pasted
     * in): many valid multi-byte sequences, few invalid bytes. Read as UTF-8, the stray bytes become
     * U+FFFD; read as Windows-1252, every other character would be garbled.
     */
    static boolean isMostlyUtf8(byte[] bytes) {
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
            boolean ok = length > 0 && i + length <= bytes.length;
            for (int k = 1; ok && k < length; k++) {
                ok = (bytes[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += length - 1;
            } else {
                invalid++;
            }
        }
        return valid >= 3 && invalid * 4 <= valid;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLabel(Charset c) {
        return c.equals(StandardCharsets.US_ASCII);
    }

    /** ISO-8859-1 labels Windows-1252 text so often that its superset reads both right. */
    private static boolean isLatin1(Charset c) {
        return c.equals(StandardCharsets.ISO_8859_1);
    }

    private static String unfold(String s) {
        return s.replaceAll("\r?\n([ \t])", "$1");
    }

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
