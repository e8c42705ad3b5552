package org.earshot.connector.imap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mail's id: its Message-ID and a fingerprint of the mail as its writer sent it, "&lt;id@host&gt;#3f9c…".
 *
 * <p>Message-IDs are not unique in practice: broken clients and scripts reuse one for every mail,
 * and a Message-ID alone would drop every later mail as a duplicate. The fingerprint covers the raw
 * header block and the raw body, leaving out only what servers add on the way (Received,
 * Delivered-To, spam and authentication verdicts) and line-end and trailing-blank differences
 * between servers. Nothing of our own decoding goes in. So the same mail read again (after a
 * restart, a renumbered folder, a second copy delivered through another alias, an upgrade of
 * Earshot) gets the same id and folds; two mails that differ in any byte their writer sent do not.
 */
final class MailIdentity {
    /** Header fields servers add or rewrite in transit, per copy; they say nothing about the mail. */
    private static final Pattern TRACE_FIELD = Pattern.compile("(received|return-path|delivered-to|x-original-to"
            + "|x-envelope-.*|envelope-to|authentication-results|arc-.*|received-spf|x-received|x-spam.*|x-virus.*"
            + "|x-greylist|x-gm-.*|x-google-smtp-source|x-ms-exchange-organization-.*|x-forefront-.*"
            + "|x-microsoft-antispam.*|x-mailgun-.*|x-uid|status|x-status|x-keywords|x-mozilla-status2?|lines"
            + "|content-length)");
    /** Leaves room in the 1,000-character id column for the fingerprint. */
    static final int MAX_MESSAGE_ID_CHARS = 300;

    private MailIdentity() {
    }

    /** @param raw the mail's bytes as the server stores them */
    static String of(byte[] raw, String messageId) {
        String text = new String(raw, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        String headers = blank < 0 ? text : text.substring(0, blank);
        String body = blank < 0 ? "" : text.substring(blank + 2);
        MessageDigest sha = sha256();
        for (String field : headers.split("\n(?![ \t])")) {
            int colon = field.indexOf(':');
            String name = colon < 0 ? "" : field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (!TRACE_FIELD.matcher(name).matches()) {
                sha.update((field.replaceAll("\\s+", " ").strip() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        sha.update((byte) 0);
        sha.update(body.replaceAll("[ \t]+\n", "\n").strip().getBytes(StandardCharsets.ISO_8859_1));
        String fingerprint = HexFormat.of().formatHex(sha.digest(), 0, 8);
        String id = messageId.length() > MAX_MESSAGE_ID_CHARS ? messageId.substring(0, MAX_MESSAGE_ID_CHARS) : messageId;
        return (id.isEmpty() ? "mail" : id) + "#" + fingerprint;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
