package org.earshot.connector.imap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.util.Map;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.PostedReply;
import org.earshot.connector.ReplyBlock;
import org.earshot.connector.ReplyPublisher;
import org.earshot.domain.Mention;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an approved reply as one e-mail, threaded under the customer's mail, at most once.
 *
 * <p>Every reply gets a Message-ID made from its block's idempotency key. Before sending, the Sent
 * folder is searched for that Message-ID: a reply already there is not sent again. SMTP has no
 * idempotency key and no way to ask whether a mail was taken, so the copy is filed in Sent
 * <em>before</em> the mail is handed to SMTP, flagged {@code \Draft} ("not confirmed"), and the flag
 * is cleared once the server accepted the mail; a send the server refused removes the copy. A copy
 * still flagged when the next attempt comes means an attempt was cut off (the process killed, the
 * machine down) between handing the mail over and hearing the answer: it may or may not have gone
 * out, and sending it again could send it twice. That reply is blocked for a person with the reason
 * (the copy removed, so that their retry sends it, with the same Message-ID). With
 * {@code saveToSent: false} the server files its own copy of what it accepted, and the search alone
 * decides. Never retries on its own: the outbox decides when to try again.
 */
public final class SmtpReplyPublisher implements ReplyPublisher, org.earshot.connector.CredentialCheck {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpReplyPublisher.class);

    private final ImapSettings settings;
    private final MailConnections connections;

    public SmtpReplyPublisher(ImapSettings settings) {
        this.settings = settings;
        this.connections = new MailConnections(settings);
    }

    /** SMTP AUTH with the mailbox's login, then QUIT: nothing is sent. */
    @Override
    public String whoAmI() throws ConnectorException {
        connections.smtpLogin();
        return "SMTP " + settings.smtpHost() + ":" + settings.smtpPort() + " took the login of " + settings.username();
    }

    @Override
    public PostedReply publish(ReplyBlock block) throws ConnectorException {
        String messageId = ReplyMessage.messageId(block.idempotencyKey(), settings.fromAddress());
        InternetAddress to = recipient(block.mention());
        Store store = connections.openStore();
        try {
            SentCopy earlier = sentCopy(store, messageId);
            if (earlier == SentCopy.SENT) {
                LOG.info("{}: reply {} is already in {}; not sending it again", settings.connectorId(), messageId,
                        settings.sentFolder());
                return new PostedReply(messageId, "");
            }
            if (earlier == SentCopy.UNCONFIRMED) {
                removeCopy(store, messageId);
                throw ConnectorException.permanentFailure("reply " + messageId + " may have gone out already: an"
                        + " earlier attempt handed it to SMTP " + settings.smtpHost() + ":" + settings.smtpPort()
                        + " and stopped before the server answered, and SMTP cannot be asked whether it took it."
                        + " Look in the SMTP server's log (or ask the customer); retry the reply to send it again"
                        + " (same Message-ID), or answer the task by hand", null);
            }
            Session session = connections.session();
            MimeMessage reply = ReplyMessage.compose(session, settings, block, to, messageId);
            boolean filed = settings.saveToSent() && fileUnconfirmed(store, reply, messageId);
            try {
                send(session, reply, to);
            } catch (ConnectorException e) {
                if (filed) {
                    removeCopy(store, messageId);
                }
                throw e;
            }
            if (filed) {
                confirm(store, messageId);
            }
            return new PostedReply(messageId, "");
        } finally {
            MailConnections.closeQuietly(store);
        }
    }

    private InternetAddress recipient(Mention mention) throws ConnectorException {
        Map<String, String> context = mention.replyContext();
        String address = context.getOrDefault(MailMention.REPLY_TO, "");
        if (address.isBlank()) {
            address = mention.author().handle();
        }
        try {
            InternetAddress to = new InternetAddress(address.strip(), false);
            to.validate();
            return to;
        } catch (AddressException e) {
            throw ConnectorException.permanentFailure("mail " + mention.externalId() + " has no usable reply address ('"
                    + address + "'): answer it from a mail client", e);
        }
    }

    /** What the Sent folder holds of a reply: nothing, a copy of a mail the server accepted, or one not confirmed yet. */
    private enum SentCopy { NONE, SENT, UNCONFIRMED }

    private SentCopy sentCopy(Store store, String messageId) throws ConnectorException {
        Folder sent = null;
        try {
            sent = store.getFolder(settings.sentFolder());
            if (!sent.exists()) {
                return SentCopy.NONE;
            }
            sent.open(Folder.READ_ONLY);
            SentCopy found = SentCopy.NONE;
            for (Message m : copies(sent, messageId)) {
                if (!m.isSet(Flags.Flag.DRAFT)) {
                    return SentCopy.SENT;
                }
                found = SentCopy.UNCONFIRMED;
            }
            return found;
        } catch (MessagingException e) {
            // Without knowing whether it went out already, sending could send it twice: try later.
            throw ConnectorException.transientFailure("cannot check " + settings.sentFolder() + " of "
                    + settings.username() + " for reply " + messageId + " before sending it: "
                    + MailConnections.describe(e), e);
        } finally {
            MailConnections.closeQuietly(sent);
        }
    }

    private static java.util.List<Message> copies(Folder sent, String messageId) throws MessagingException {
        java.util.List<Message> copies = new java.util.ArrayList<>();
        for (Message m : sent.search(new HeaderTerm("Message-ID", messageId))) {
            String[] ids = m.getHeader("Message-ID");
            if (ids != null && ids.length > 0 && ids[0].strip().equals(messageId)) {
                copies.add(m);
            }
        }
        return copies;
    }

    private void send(Session session, MimeMessage reply, InternetAddress to) throws ConnectorException {
        try (Transport transport = session.getTransport(connections.smtpProtocol())) {
            transport.connect(settings.smtpHost(), settings.smtpPort(), settings.username(), settings.password());
            transport.sendMessage(reply, new InternetAddress[] {to});
        } catch (AuthenticationFailedException e) {
            throw ConnectorException.permanentFailure("SMTP login refused for " + settings.username() + ": check "
                    + settings.configKey() + ".username/password (" + e.getMessage() + ")", e);
        } catch (MessagingException e) {
            throw sendFailure(e, to);
        }
    }

    /** 5xx: the server will not take this mail, as it is; anything else may pass. */
    private ConnectorException sendFailure(MessagingException e, InternetAddress to) {
        int code = smtpCode(e);
        String where = "SMTP " + settings.smtpHost() + ":" + settings.smtpPort();
        if (code >= 500 && code < 600) {
            return ConnectorException.permanentFailure(where + " refused the reply to " + to.getAddress() + " with "
                    + code + ": " + MailConnections.describe(e), e);
        }
        return ConnectorException.transientFailure(where + " could not send the reply to " + to.getAddress()
                + (code > 0 ? " (" + code + ")" : "") + ": " + MailConnections.describe(e), e);
    }

    private static int smtpCode(Exception e) {
        for (Exception x = e; x != null; ) {
            if (x instanceof SMTPSendFailedException s) {
                return s.getReturnCode();
            }
            if (x instanceof SMTPAddressFailedException a) {
                return a.getReturnCode();
            }
            if (x instanceof SMTPSenderFailedException f) {
                return f.getReturnCode();
            }
            x = x instanceof MessagingException m ? m.getNextException() : null;
        }
        return e instanceof SendFailedException s && s.getInvalidAddresses() != null
                && s.getInvalidAddresses().length > 0 ? 550 : -1;
    }

    /**
     * Files the reply's copy in Sent flagged {@code \Draft}, before it is sent. If it cannot be filed the
     * reply is sent all the same (as a reply whose copy is lost after sending would be); false then,
     * and the operator is told that a repeat cannot be recognised.
     */
    private boolean fileUnconfirmed(Store store, MimeMessage reply, String messageId) {
        Folder sent = null;
        try {
            sent = store.getFolder(settings.sentFolder());
            if (!sent.exists() && !sent.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("the folder could not be created");
            }
            reply.setFlag(Flags.Flag.SEEN, true);
            reply.setFlag(Flags.Flag.DRAFT, true);
            sent.appendMessages(new Message[] {reply});
            return true;
        } catch (MessagingException e) {
            LOG.warn("{}: the copy of reply {} could not be saved in {}: {}. It is sent all the same; if it is"
                            + " attempted again, it cannot be recognised as sent.", settings.connectorId(), messageId,
                    settings.sentFolder(), MailConnections.describe(e));
            return false;
        } finally {
            MailConnections.closeQuietly(sent);
        }
    }

    /**
     * The server accepted the reply: its copy loses the {@code \Draft} flag. If that fails the outbox
     * still hears "posted" (it would otherwise send it again); the copy stays flagged, which only
     * matters if the same reply is attempted again, and then a person decides.
     */
    private void confirm(Store store, String messageId) {
        if (!changeCopies(store, messageId, Flags.Flag.DRAFT, false)) {
            LOG.warn("{}: reply {} was sent but its copy in {} could not be marked as sent; it stays flagged \\Draft",
                    settings.connectorId(), messageId, settings.sentFolder());
        }
    }

    /** Removes the copy of a reply that the server refused, or whose fate a person now decides. */
    private void removeCopy(Store store, String messageId) {
        if (!changeCopies(store, messageId, Flags.Flag.DELETED, true)) {
            LOG.warn("{}: the unconfirmed copy of reply {} could not be removed from {}; the next attempt will"
                    + " block the reply for a person", settings.connectorId(), messageId, settings.sentFolder());
        }
    }

    private boolean changeCopies(Store store, String messageId, Flags.Flag flag, boolean set) {
        Folder sent = null;
        try {
            sent = store.getFolder(settings.sentFolder());
            sent.open(Folder.READ_WRITE);
            for (Message m : copies(sent, messageId)) {
                m.setFlag(flag, set);
            }
            if (flag == Flags.Flag.DELETED) {
                sent.close(true);
                sent = null;
            }
            return true;
        } catch (MessagingException e) {
            LOG.debug("{}: {} of {}: {}", settings.connectorId(), flag, messageId, MailConnections.describe(e));
            return false;
        } finally {
            MailConnections.closeQuietly(sent);
        }
    }
}
