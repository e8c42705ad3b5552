package org.earshot.connector.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * A mail's bytes exactly as the server stores them, and a message parsed from them on this side:
 * the way back when the server's own view of a mail (its ENVELOPE or BODYSTRUCTURE) cannot be read.
 */
final class RawMail {
    /**
     * Larger mails are read up to here: the words a person wrote come before the attachments, and
     * a multipart cut short is still read (Jakarta Mail tolerates a missing end boundary).
     */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private RawMail() {
    }

    static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        if (message instanceof IMAPMessage imap) {
            // Streamed in blocks, so a huge mail is fetched only up to the limit.
            try (InputStream in = imap.getMimeStream()) {
                return in.readNBytes(MAX_BYTES);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.size() > MAX_BYTES ? java.util.Arrays.copyOf(out.toByteArray(), MAX_BYTES) : out.toByteArray();
    }

    static MimeMessage parse(Session session, byte[] raw) throws MessagingException {
        return new MimeMessage(session, new ByteArrayInputStream(raw));
    }
}
