package org.earshot.connector.imap;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One customer e-mail as a mention: its Message-ID and fingerprint as the id ({@link MailIdentity}),
 * the sender as the author, the words they wrote as the text, and what a reply needs to thread
 * (Message-ID, References, reply address, subject).
 *
 * <p>Everything is read from the mail's own headers, never from the server's parsed ENVELOPE:
 * Jakarta Mail refuses a whole ENVELOPE for one address without a domain. A mail without any
 * sender is still taken (it cannot be answered by mail, but a person should see it).
 */
final class MailMention {
    static final String MESSAGE_ID = "messageId";
    static final String REFERENCES = "references";
    static final String REPLY_TO = "replyTo";
    static final String SUBJECT = "subject";

    private static final Logger LOG = LoggerFactory.getLogger(MailMention.class);

    private MailMention() {
    }

    /**
     * A mail whose body cannot be read is taken with its subject only.
     *
     * @param message the mail parsed from {@code raw}
     * @param raw     the mail's bytes as the server stores them
     * @throws MessagingException when the mail cannot be read at all (the connection was lost)
     */
    static IncomingMention from(MimeMessage message, byte[] raw) throws MessagingException {
        String messageId = header(message, "Message-ID");
        String hint = charsetHint(message);
        Optional<MailAddress> from = sender(message, hint);
        String subject = MailCharsets.header(header(message, "Subject"), hint);
        Map<String, String> context = new LinkedHashMap<>();
        context.put(MESSAGE_ID, messageId);
        context.put(REFERENCES, header(message, "References").replaceAll("\\s+", " "));
        context.put(REPLY_TO, MailAddress.first(header(message, "Reply-To"), hint).or(() -> from)
                .map(MailAddress::address).orElse(""));
        context.put(SUBJECT, subject);
        Author author = from.map(a -> new Author(a.address().toLowerCase(Locale.ROOT), a.name(), 0))
                .orElse(new Author("", "", 0));
        String id = MailIdentity.of(raw, messageId);
        return new IncomingMention(Platform.EMAIL, id, author, text(message, id), subject,
                sentAt(message), "", context, threadKey(message, messageId));
    }

    static Optional<MailAddress> sender(MimeMessage message, String hint) throws MessagingException {
        Optional<MailAddress> from = MailAddress.first(header(message, "From"), hint);
        return from.isPresent() ? from : MailAddress.first(header(message, "Sender"), hint);
    }

    /**
     * The conversation: the first of References, else the mail this one answers, else the mail
     * itself, so that the customer's next mail in the thread (which names this Message-ID) joins it.
     */
    static String threadKey(MimeMessage message, String messageId) throws MessagingException {
        String references = header(message, "References").strip();
        if (!references.isEmpty()) {
            return references.split("\\s+")[0];
        }
        String inReplyTo = header(message, "In-Reply-To");
        return inReplyTo.isEmpty() ? messageId : inReplyTo;
    }

    static String header(MimeMessage message, String name) throws MessagingException {
        String value = message.getHeader(name, " ");
        return value == null ? "" : MimeUtility.unfold(value).strip();
    }

    /** The body's charset: what raw 8-bit bytes in the headers most likely are in too. */
    static String charsetHint(MimeMessage message) throws MessagingException {
        String type = header(message, "Content-Type");
        try {
            return type.isEmpty() ? null : new ContentType(type).getParameter("charset");
        } catch (jakarta.mail.internet.ParseException e) {
            return null;
        }
    }

    private static String text(MimeMessage message, String where) throws MessagingException {
        try {
            return MailText.of(message);
        } catch (IOException | MessagingException | RuntimeException e) {
            rethrowIfConnectionLost(e);
            LOG.warn("the body of mail {} cannot be read ({}); it is taken with its subject only", where, e.toString());
            return "";
        }
    }

    private static Instant sentAt(MimeMessage message) throws MessagingException {
        String date = header(message, "Date");
        if (!date.isEmpty()) {
            Date parsed = new MailDateFormat().parse(date, new ParsePosition(0));
            if (parsed != null) {
                return parsed.toInstant();
            }
        }
        try {
            Date received = message.getReceivedDate();
            return received == null ? Instant.now() : received.toInstant();
        } catch (MessagingException e) {
            rethrowIfConnectionLost(e);
            return Instant.now();
        }
    }

    static void rethrowIfConnectionLost(Exception e) throws MessagingException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FolderClosedException || t instanceof StoreClosedException
                    || t.getClass().getSimpleName().endsWith("ClosedIOException") || t instanceof SocketException
                    || t instanceof SocketTimeoutException) {
                throw e instanceof MessagingException me ? me : new MessagingException("connection lost: " + t, e);
            }
        }
    }
}
