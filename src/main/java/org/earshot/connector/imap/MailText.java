package org.earshot.connector.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The words a customer wrote in an e-mail: the text/plain body (or the HTML one made into text),
 * whatever its transfer encoding and charset, without attachments and without the quoted history.
 *
 * <p>Only the chosen body part is read: over IMAP that fetches just that part, so a large
 * attachment is never downloaded. A body that cannot be decoded is read as raw bytes rather than
 * dropped: a garbled mention is better than a lost customer.
 */
final class MailText {
    /** More than any customer writes by hand; bounds the memory a hostile message can take. */
    static final int MAX_BODY_BYTES = 512 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private MailText() {
    }

    static String of(Part message) throws MessagingException, IOException {
        Part plain = firstBody(message, "text/plain", 0);
        if (plain != null) {
            String text = decode(plain);
            if (!text.isBlank()) {
                return QuotedReply.strip(text);
            }
        }
        Part html = firstBody(message, "text/html", 0);
        return html == null ? "" : QuotedReply.strip(HtmlText.of(decode(html)));
    }

    /** The first part of this type that is meant to be read in the message, not an attached file. */
    private static Part firstBody(Part part, String type, int depth) throws MessagingException, IOException {
        if (depth > 10 || isAttachment(part)) {
            return null;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                return null;
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                Part found = firstBody(multipart.getBodyPart(i), type, depth + 1);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return part.isMimeType(type) ? part : null;
    }

    private static boolean isAttachment(Part part) {
        try {
            return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        } catch (MessagingException e) {
            return false;
        }
    }

    static String decode(Part part) throws MessagingException, IOException {
        return decode(bytes(part), charsetOf(part));
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return readBounded(in);
        } catch (IOException | MessagingException e) {
            // An unknown or broken transfer encoding: the raw bytes still carry the words. If the
            // connection is gone instead, reading the raw bytes fails too and that failure goes up.
            InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
                    : part instanceof MimeMessage message ? message.getRawInputStream() : null;
            if (raw == null) {
                throw e;
            }
            try (raw) {
                return readBounded(raw);
            }
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (out.size() < MAX_BODY_BYTES && (n = in.read(buffer, 0, Math.min(buffer.length, MAX_BODY_BYTES - out.size()))) > 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String charsetOf(Part part) {
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            return declared == null ? null : MimeUtility.javaCharset(declared.strip());
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Decodes with the declared charset. ISO-8859-1 and US-ASCII are read as Windows-1252, their
     * superset, because mail clients label Windows text that way (curly quotes, the euro sign).
     * No charset, an unknown one or a broken name: UTF-8 if the bytes are valid UTF-8, else Windows-1252.
     */
    static String decode(byte[] bytes, String charsetName) {
        String name = charsetName == null ? "" : charsetName.toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("us-ascii") || name.equals("ascii")) {
            return utf8OrWindows1252(bytes);
        }
        if (name.equals("iso-8859-1") || name.equals("iso8859_1") || name.equals("latin1")) {
            return new String(bytes, WINDOWS_1252);
        }
        try {
            return new String(bytes, Charset.forName(charsetName));
        } catch (IllegalArgumentException e) {
            return utf8OrWindows1252(bytes);
        }
    }

    private static String utf8OrWindows1252(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
