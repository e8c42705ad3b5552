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
 * Sends an approved reply as one e-mail, threaded under the customer's mail, exactly once.
 *
 * <p>Every reply gets a Message-ID made from its block's idempotency key. Before sending, the Sent
 * folder is searched for that Message-ID: a reply already there is not sent again. After SMTP
 * accepted the mail, a copy is appended to the Sent folder, which is what makes a later attempt
 * find it. Never retries on its own: the outbox decides when to try again.
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
            if (alreadySent(store, messageId)) {
                LOG.info("{}: reply {} is already in {}; not sending it again", settings.connectorId(), messageId,
                        settings.sentFolder());
                return new PostedReply(messageId, "");
            }
            Session session = connections.session();
            MimeMessage reply = ReplyMessage.compose(session, settings, block, to, messageId);
            send(session, reply, to);
            if (settings.saveToSent()) {
                saveToSent(store, reply, messageId);
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

    private boolean alreadySent(Store store, String messageId) throws ConnectorException {
        Folder sent = null;
        try {
            sent = store.getFolder(settings.sentFolder());
            if (!sent.exists()) {
                return false;
            }
            sent.open(Folder.READ_ONLY);
            for (Message m : sent.search(new HeaderTerm("Message-ID", messageId))) {
                String[] ids = m.getHeader("Message-ID");
                if (ids != null && ids.length > 0 && ids[0].strip().equals(messageId)) {
                    return true;
                }
            }
            return false;
        } catch (MessagingException e) {
            // Without knowing whether it went out already, sending could send it twice: try later.
            throw ConnectorException.transientFailure("cannot check " + settings.sentFolder() + " of "
                    + settings.username() + " for reply " + messageId + " before sending it: "
                    + MailConnections.describe(e), e);
        } finally {
            MailConnections.closeQuietly(sent);
        }
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
     * The reply went out; if its copy cannot be filed, the outbox must still hear "posted", or it
     * would send it again. The missing copy is logged for the operator.
     */
    private void saveToSent(Store store, MimeMessage reply, String messageId) {
        Folder sent = null;
        try {
            sent = store.getFolder(settings.sentFolder());
            if (!sent.exists() && !sent.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("the folder could not be created");
            }
            reply.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {reply});
        } catch (MessagingException e) {
            LOG.warn("{}: reply {} was sent but its copy could not be saved in {}: {}. If this reply is"
                            + " attempted again, it cannot be recognised as sent.", settings.connectorId(), messageId,
                    settings.sentFolder(), MailConnections.describe(e));
        } finally {
            MailConnections.closeQuietly(sent);
        }
    }
}
