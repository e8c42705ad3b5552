package org.earshot.connector.imap;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.earshot.connector.ConnectorException;
import org.earshot.connector.ReplyBlock;

/** The e-mail for one approved reply: threaded under the customer's mail, with a Message-ID fixed in advance. */
final class ReplyMessage {
    private static final Pattern REPLY_PREFIX = Pattern.compile("^\\s*(re|aw|sv|antw|vs)\\s*(\\[\\d+])?\\s*:.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Characters allowed in the left part of a Message-ID (RFC 5322 dot-atom-text) minus '.', '=' and '%'. */
    private static final Pattern ID_SAFE = Pattern.compile("[A-Za-z0-9!#$&'*+/?^_`{|}~-]");

    private ReplyMessage() {
    }

    /**
     * The Message-ID for a block: the same on every attempt, so the Sent folder tells whether it
     * went out. Characters a Message-ID cannot hold are written as %XX.
     */
    static String messageId(String idempotencyKey, String fromAddress) throws ConnectorException {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ConnectorException.permanentFailure("a reply without an idempotency key cannot be sent exactly once", null);
        }
        StringBuilder local = new StringBuilder();
        for (byte b : idempotencyKey.strip().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b > 0 && ID_SAFE.matcher(String.valueOf(c)).matches()) {
                local.append(c);
            } else {
                local.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        String domain = fromAddress.substring(fromAddress.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return "<" + local + ".earshot@" + domain + ">";
    }

    static String subject(String original) {
        String subject = original == null ? "" : original.strip();
        if (subject.isEmpty()) {
            return "Re: your message";
        }
        return REPLY_PREFIX.matcher(subject).matches() ? subject : "Re: " + subject;
    }

    static MimeMessage compose(Session session, ImapSettings settings, ReplyBlock block, InternetAddress to,
                               String messageId) throws ConnectorException {
        Map<String, String> context = block.mention().replyContext();
        String inReplyTo = context.getOrDefault(MailMention.MESSAGE_ID, "").strip();
        String references = context.getOrDefault(MailMention.REFERENCES, "").strip();
        String subject = context.getOrDefault(MailMention.SUBJECT, block.mention().subject());
        try {
            MimeMessage m = new FixedIdMessage(session, messageId);
            m.setFrom(from(settings));
            m.setRecipient(Message.RecipientType.TO, to);
            m.setSubject(subject(subject), "UTF-8");
            if (!inReplyTo.isEmpty()) {
                m.setHeader("In-Reply-To", inReplyTo);
                String chain = references.contains(inReplyTo) ? references : (references + " " + inReplyTo).strip();
                m.setHeader("References", MimeUtility.fold("References: ".length(), chain));
            }
            m.setSentDate(new Date());
            m.setText(block.text(), "UTF-8");
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw ConnectorException.permanentFailure("the reply to " + block.mention().externalId()
                    + " cannot be made into an e-mail: " + e.getMessage(), e);
        }
    }

    private static InternetAddress from(ImapSettings settings) throws MessagingException {
        try {
            return new InternetAddress(settings.fromAddress(),
                    settings.fromName().isEmpty() ? null : settings.fromName(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is missing", e);
        }
    }

    /** Jakarta Mail would give every saved message a random Message-ID; this one keeps its own. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
