package org.earshot.connector.imap;

import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.earshot.domain.Author;
import org.earshot.domain.IncomingMention;
import org.earshot.domain.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One customer e-mail as a mention: its Message-ID as the id, the sender as the author, the words
 * they wrote as the text, and what a reply needs to thread (Message-ID, References, reply address,
 * subject). A message whose body cannot be read still becomes a mention, with what could be read.
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
     * @param fallbackId the id to use when the message has no Message-ID header
     * @throws MessagingException only when the connection to the server was lost while reading
     */
    static IncomingMention from(MimeMessage message, String fallbackId) throws MessagingException {
        String messageId = header(message, "Message-ID");
        InternetAddress from = sender(message);
        String subject = subject(message);
        Map<String, String> context = new LinkedHashMap<>();
        context.put(MESSAGE_ID, messageId);
        context.put(REFERENCES, header(message, "References").replaceAll("\\s+", " "));
        context.put(REPLY_TO, replyAddress(message, from));
        context.put(SUBJECT, subject);
        Author author = from == null ? new Author("", "", 0)
                : new Author(from.getAddress().toLowerCase(Locale.ROOT), from.getPersonal(), 0);
        return new IncomingMention(Platform.EMAIL, messageId.isEmpty() ? fallbackId : messageId, author,
                text(message, fallbackId), subject, sentAt(message), "", context, threadRoot(message));
    }

    /** The first mail of the conversation: the first of References, else the mail this one answers. */
    static String threadRoot(MimeMessage message) throws MessagingException {
        String references = header(message, "References").strip();
        if (!references.isEmpty()) {
            return references.split("\\s+")[0];
        }
        return header(message, "In-Reply-To");
    }

    static String header(MimeMessage message, String name) throws MessagingException {
        try {
            String value = message.getHeader(name, " ");
            return value == null ? "" : MimeUtility.unfold(value).strip();
        } catch (MessagingException e) {
            rethrowIfConnectionLost(e);
            return "";
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

    /** The sender, read leniently: a broken From header still names someone to answer. */
    static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            from = lenient(header(message, "From"));
        }
        return first(from);
    }

    private static String replyAddress(MimeMessage message, InternetAddress from) throws MessagingException {
        InternetAddress replyTo;
        try {
            replyTo = first(message.getReplyTo());
        } catch (AddressException e) {
            replyTo = first(lenient(header(message, "Reply-To")));
        }
        InternetAddress chosen = replyTo != null ? replyTo : from;
        return chosen == null ? "" : chosen.getAddress();
    }

    private static Address[] lenient(String raw) {
        try {
            return InternetAddress.parseHeader(raw, false);
        } catch (AddressException e) {
            return new Address[0];
        }
    }

    private static InternetAddress first(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address a : addresses) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null && !ia.getAddress().isBlank()) {
                return ia;
            }
        }
        return null;
    }

    private static String subject(MimeMessage message) throws MessagingException {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject.strip();
        } catch (MessagingException e) {
            rethrowIfConnectionLost(e);
            return header(message, "Subject");
        }
    }

    private static Instant sentAt(MimeMessage message) throws MessagingException {
        try {
            Date sent = message.getSentDate();
            Date received = sent == null ? message.getReceivedDate() : sent;
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
