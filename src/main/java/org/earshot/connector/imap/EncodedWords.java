package org.earshot.connector.imap;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header text as mail clients really write it: RFC 2047 encoded words ("=?utf-8?Q?caf=C3=A9?="),
 * also with a wrong or unknown charset ("=?NONE?B?...?=", "=?us-ascii?Q?=C3=A9?="), a multi-byte
 * character split over two words, raw 8-bit bytes inside a word or around it. Jakarta Mail's own
 * decoder keeps such words raw or reads them with the wrong charset.
 */
final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");

    private EncodedWords() {
    }

    /**
     * @param raw  an unfolded header value, one char per byte as read
     * @param hint the charset raw 8-bit bytes outside encoded words most likely are in, or null
     */
    static String decode(String raw, String hint) {
        StringBuilder out = new StringBuilder(raw.length());
        Matcher m = WORD.matcher(raw);
        int plainStart = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = raw.substring(plainStart, m.start());
            byte[] bytes = payload(m.group(2), m.group(3));
            if (bytes == null) {
                continue; // not decodable: stays in the text as written
            }
            boolean adjacent = pendingCharset != null && between.isBlank();
            if (!adjacent || !pendingCharset.equalsIgnoreCase(m.group(1))) {
                flush(out, pending, pendingCharset);
                if (!adjacent) {
                    out.append(plain(between, hint));
                }
                pendingCharset = m.group(1);
            }
            pending.writeBytes(bytes);
            plainStart = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(plain(raw.substring(plainStart), hint));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            // An unknown label ("NONE", "unknown-8bit") says nothing: the bytes decide.
            String label = MailCharsets.charset(charset).isPresent() ? charset : null;
            out.append(MailCharsets.decode(pending.toByteArray(), label));
            pending.reset();
        }
    }

    /** Raw 8-bit bytes as text: UTF-8 if they are valid UTF-8, else the hint, else Windows-1252. */
    static String plain(String text, String hint) {
        byte[] bytes = MailCharsets.latin1Bytes(text);
        if (bytes == null || MailCharsets.isAscii(bytes)) {
            return text;
        }
        return MailCharsets.strict(bytes, StandardCharsets.UTF_8)
                .or(() -> MailCharsets.isMostlyUtf8(bytes) ? java.util.Optional.of(new String(bytes, StandardCharsets.UTF_8))
                        : java.util.Optional.empty())
                .or(() -> MailCharsets.charset(hint).filter(c -> !c.equals(StandardCharsets.US_ASCII))
                        .flatMap(c -> MailCharsets.strict(bytes, c.equals(StandardCharsets.ISO_8859_1)
                                ? MailCharsets.WINDOWS_1252 : c)))
                .orElseGet(() -> new String(bytes, MailCharsets.WINDOWS_1252));
    }

    private static byte[] payload(String encoding, String text) {
        if (encoding.equalsIgnoreCase("B")) {
            try {
                byte[] bytes = Base64.getMimeDecoder().decode(text.replaceAll("=+$", ""));
                return bytes.length == 0 && !text.isEmpty() ? null : bytes;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c <= 0xFF) {
                out.write(c);
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
