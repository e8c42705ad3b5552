package org.earshot.connector.imap;

import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.UnreadableItem;
import org.earshot.domain.IncomingMention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one mail on its own, so a mail that cannot be read never stops the others. It is skipped
 * from its headers when it is automatic or the brand's own; else its raw bytes are fetched and
 * parsed here (see {@link RawMail}); if even that fails it is handed over unreadable, with its bytes
 * when there are any. Only a lost connection goes up and fails the poll: nothing after this mail
 * could be read either, and the next poll starts again from the same cursor.
 */
final class MailReader {
    static final String OWN_ADDRESS = "from the brand's own or an excluded address";
    static final String DELETED = "deleted while read";

    private static final Logger LOG = LoggerFactory.getLogger(MailReader.class);

    private final String connectorId;
    private final Session session;
    private final Set<String> ignoredSenders;

    /** @param ignoredSenders lower-cased addresses whose mail is never a mention */
    MailReader(String connectorId, Session session, Set<String> ignoredSenders) {
        this.connectorId = connectorId;
        this.session = session;
        this.ignoredSenders = Set.copyOf(ignoredSenders);
    }

    /** @param position where the mail is, for an unreadable one: "uid:UIDVALIDITY:UID@folder" */
    ReadMail read(MimeMessage message, long uid, String position) throws MessagingException {
        byte[] raw = new byte[0];
        try {
            Optional<String> skip = skipReasonFromServerHeaders(message, uid);
            if (skip.isPresent()) {
                return ReadMail.skipped(uid, skip.get());
            }
            raw = RawMail.bytes(message);
            if (raw.length == 0) {
                return ReadMail.unreadable(uid, new UnreadableItem(position, "the server sent no bytes for it", raw,
                        false));
            }
            MimeMessage local = RawMail.parse(session, raw);
            skip = skipReason(local, uid);
            if (skip.isPresent()) {
                return ReadMail.skipped(uid, skip.get());
            }
            IncomingMention mention = MailMention.from(local, raw);
            return ReadMail.taken(uid, raw.length >= RawMail.MAX_BYTES && mention.text().isBlank()
                    ? withTextFromServer(mention, message) : mention);
        } catch (MessageRemovedException e) {
            LOG.info("{}: UID {} was deleted while it was read; nothing to take", connectorId, uid);
            return ReadMail.skipped(uid, DELETED);
        } catch (MessagingException | IOException | RuntimeException e) {
            MailMention.rethrowIfConnectionLost(e);
            LOG.debug("{}: UID {} cannot be read", connectorId, uid, e);
            return ReadMail.unreadable(uid, new UnreadableItem(position, describe(e), raw,
                    raw.length >= RawMail.MAX_BYTES));
        }
    }

    /**
     * A kept mail read again from its bytes alone (for {@code earshot requeue}): its mention, or none
     * when it is automatic or the brand's own.
     */
    java.util.List<IncomingMention> reread(UnreadableItem item) throws ConnectorException {
        byte[] raw = item.raw();
        if (raw.length == 0) {
            throw new ConnectorException("no bytes were kept for " + item.externalId(), true, null);
        }
        try {
            MimeMessage local = RawMail.parse(session, raw);
            if (skipReason(local, 0).isPresent()) {
                return java.util.List.of();
            }
            return java.util.List.of(MailMention.from(local, raw));
        } catch (MessagingException | RuntimeException e) {
            throw new ConnectorException("still cannot be read: " + describe(e), true, null);
        }
    }

    /**
     * A mail larger than {@link RawMail#MAX_BYTES} whose words come after its attachments: the
     * server is asked for just the text part, by its own view of the mail's structure.
     */
    private IncomingMention withTextFromServer(IncomingMention m, MimeMessage onServer) throws MessagingException {
        String text;
        try {
            text = MailText.of(onServer);
        } catch (MessagingException | IOException | RuntimeException e) {
            MailMention.rethrowIfConnectionLost(e);
            return m;
        }
        return new IncomingMention(m.platform(), m.externalId(), m.author(), text, m.subject(), m.createdAt(), m.url(),
                m.replyContext(), m.threadKey(), m.language());
    }

    /** Saves fetching automatic and own mail; headers the server cannot give are read from the bytes instead. */
    private Optional<String> skipReasonFromServerHeaders(MimeMessage message, long uid) throws MessagingException {
        try {
            return skipReason(message, uid);
        } catch (MessageRemovedException e) {
            throw e;
        } catch (MessagingException | RuntimeException e) {
            MailMention.rethrowIfConnectionLost(e);
            return Optional.empty();
        }
    }

    private Optional<String> skipReason(MimeMessage message, long uid) throws MessagingException {
        Optional<String> automatic = AutomaticMail.reason(message);
        if (automatic.isPresent()) {
            LOG.debug("{}: skipping UID {}: {}", connectorId, uid, automatic.get());
            return automatic;
        }
        Optional<MailAddress> sender = MailMention.sender(message, MailMention.charsetHint(message));
        if (sender.isPresent() && ignoredSenders.contains(sender.get().address().toLowerCase(Locale.ROOT))) {
            LOG.debug("{}: skipping UID {}: from the brand's own or an excluded address {}", connectorId, uid,
                    sender.get().address());
            return Optional.of(OWN_ADDRESS);
        }
        return Optional.empty();
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        Throwable cause = e.getCause();
        String because = cause == null || cause.getMessage() == null || message.contains(cause.getMessage()) ? ""
                : " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        return e.getClass().getSimpleName() + message + because;
    }
}
