package org.earshot.connector.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The words a customer wrote in an e-mail: the text/plain body (or the HTML one made into text),
 * whatever its transfer encoding and charset, without attachments and without the quoted history.
 *
 * <p>Read from the mail's own bytes (see {@link RawMail}), only the chosen body part is decoded.
 * A body that cannot be decoded is read as raw bytes rather than
 * dropped: a garbled mention is better than a lost customer. Which charset the bytes are in is
 * {@link MailCharsets}' call, not the label's alone.
 */
final class MailText {
    /** More than any customer writes by hand; bounds the memory a hostile message can take. */
    static final int MAX_BODY_BYTES = 512 * 1024;

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

    /** The charset as the mail names it; {@link MailCharsets} decides what that name is worth. */
    private static String charsetOf(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String decode(byte[] bytes, String charsetName) {
        return MailCharsets.decode(bytes, charsetName);
    }
}
