package org.earshot.connector.imap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.Properties;
import org.earshot.connector.ConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens IMAP stores and SMTP sessions for one mailbox and tells a permanent failure from a passing one. */
final class MailConnections {
    private static final Logger LOG = LoggerFactory.getLogger(MailConnections.class);

    private final ImapSettings settings;

    MailConnections(ImapSettings settings) {
        this.settings = settings;
    }

    String imapProtocol() {
        return settings.ssl() ? "imaps" : "imap";
    }

    String smtpProtocol() {
        return settings.ssl() ? "smtps" : "smtp";
    }

    Session session() {
        Properties p = new Properties();
        String imap = imapProtocol();
        String smtp = smtpProtocol();
        p.setProperty("mail.store.protocol", imap);
        p.setProperty("mail.transport.protocol", smtp);
        for (String protocol : new String[] {imap, smtp}) {
            String prefix = "mail." + protocol + ".";
            p.setProperty(prefix + "connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
            p.setProperty(prefix + "timeout", Long.toString(settings.readTimeout().toMillis()));
            p.setProperty(prefix + "writetimeout", Long.toString(settings.readTimeout().toMillis()));
            if (settings.starttls()) {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
            }
            if (settings.ssl() || settings.starttls()) {
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
        }
        p.setProperty("mail." + smtp + ".host", settings.smtpHost());
        p.setProperty("mail." + smtp + ".port", Integer.toString(settings.smtpPort()));
        p.setProperty("mail." + smtp + ".auth", "true");
        p.setProperty("mail." + smtp + ".from", settings.fromAddress());
        p.setProperty("mail." + imap + ".host", settings.imapHost());
        p.setProperty("mail." + imap + ".port", Integer.toString(settings.imapPort()));
        // Mails are fetched whole (RawMail): in blocks of 256 KiB rather than 16 KiB round trips.
        p.setProperty("mail." + imap + ".fetchsize", Integer.toString(256 * 1024));
        return Session.getInstance(p);
    }

    /** A connected store; the caller closes it. */
    Store openStore() throws ConnectorException {
        try {
            Store store = session().getStore(imapProtocol());
            store.connect(settings.imapHost(), settings.imapPort(), settings.username(), settings.password());
            return store;
        } catch (AuthenticationFailedException e) {
            throw ConnectorException.permanentFailure("IMAP login refused for " + settings.username() + ": check "
                    + settings.configKey() + ".username/password (" + e.getMessage() + ")", e);
        } catch (MessagingException e) {
            throw ConnectorException.transientFailure("cannot reach the IMAP server " + settings.imapHost() + ":"
                    + settings.imapPort() + " for " + settings.username() + ": " + describe(e), e);
        }
    }

    /** Signs in to the SMTP server and out again, sending nothing. */
    void smtpLogin() throws ConnectorException {
        try (jakarta.mail.Transport transport = session().getTransport(smtpProtocol())) {
            transport.connect(settings.smtpHost(), settings.smtpPort(), settings.username(), settings.password());
        } catch (AuthenticationFailedException e) {
            throw ConnectorException.permanentFailure("SMTP login refused for " + settings.username() + ": check "
                    + settings.configKey() + ".username/password (" + e.getMessage() + ")", e);
        } catch (MessagingException e) {
            throw ConnectorException.transientFailure("cannot reach the SMTP server " + settings.smtpHost() + ":"
                    + settings.smtpPort() + " for " + settings.username() + ": " + describe(e), e);
        }
    }

    /** A failure while a store was open: a missing folder needs the operator, anything else passes. */
    ConnectorException imapFailure(String doing, MessagingException e) {
        if (e instanceof FolderNotFoundException) {
            return ConnectorException.permanentFailure("the folder '" + settings.folder() + "' does not exist in "
                    + settings.username() + "'s mailbox: check " + settings.configKey() + ".folder", e);
        }
        return ConnectorException.transientFailure("IMAP failed while " + doing + " for " + settings.username()
                + " at " + settings.imapHost() + ": " + describe(e), e);
    }

    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause instanceof IOException && cause.getMessage() != null && !out.toString().contains(cause.getMessage())) {
            out.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return out.toString();
    }

    static void closeQuietly(Folder folder) {
        if (folder != null && folder.isOpen()) {
            try {
                folder.close(false);
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing folder {} failed: {}", folder.getFullName(), e.toString());
            }
        }
    }

    static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing the IMAP store failed: {}", e.toString());
            }
        }
    }
}
