package org.earshot.connector.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Mail no person wrote and no one may answer: bounces (RFC 3464 delivery status reports and the
 * older MTA forms), read receipts (RFC 8098), abuse reports (RFC 5965, ARF), out-of-office and other
 * automatic replies (RFC 3834 and the common vendor headers), bulk mail. Answering any of them
 * could start a mail loop or write to a robot; they are counted in the poll's log line instead.
 * Read from headers only, so no body is fetched for them.
 */
final class AutomaticMail {
    static final String BOUNCE = "bounce";
    static final String READ_RECEIPT = "read receipt";
    static final String ABUSE_REPORT = "abuse report";
    static final String AUTO_REPLY = "auto-reply";
    static final String BULK = "bulk mail";

    private AutomaticMail() {
    }

    /** Why this mail is automatic, or empty when a person wrote it. */
    static Optional<String> reason(MimeMessage message) throws MessagingException {
        Optional<String> report = report(MailMention.header(message, "Content-Type"));
        if (report.isPresent()) {
            return report;
        }
        String autoSubmitted = lower(message, "Auto-Submitted");
        if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
            return Optional.of(AUTO_REPLY);
        }
        if (!lower(message, "X-Autoreply").isEmpty() || !lower(message, "X-Autorespond").isEmpty()
                || !lower(message, "X-Autoresponder").isEmpty()) {
            return Optional.of(AUTO_REPLY);
        }
        String precedence = lower(message, "Precedence");
        if (precedence.equals("auto_reply")) {
            return Optional.of(AUTO_REPLY);
        }
        if (precedence.equals("bulk") || precedence.equals("junk")) {
            return Optional.of(BULK);
        }
        if (!lower(message, "X-Failed-Recipients").isEmpty() || isMailerDaemon(lower(message, "From"))) {
            return Optional.of(BOUNCE);
        }
        // An empty reverse path is what bounces and automatic answers are sent with (RFC 5321 4.5.5).
        if (lower(message, "Return-Path").replaceAll("\\s", "").equals("<>")) {
            return Optional.of(AUTO_REPLY);
        }
        return Optional.empty();
    }

    private static Optional<String> report(String contentType) {
        if (contentType.isEmpty()) {
            return Optional.empty();
        }
        String type = lowerType(contentType);
        String reportType;
        try {
            reportType = new ContentType(contentType).getParameter("report-type");
        } catch (ParseException e) {
            reportType = null;
        }
        String kind = type.startsWith("multipart/report") ? (reportType == null ? "" : reportType.toLowerCase(Locale.ROOT))
                : type.startsWith("message/") ? type.substring("message/".length()) : "";
        return switch (kind) {
            case "delivery-status", "global-delivery-status" -> Optional.of(BOUNCE);
            case "disposition-notification", "global-disposition-notification" -> Optional.of(READ_RECEIPT);
            case "feedback-report" -> Optional.of(ABUSE_REPORT);
            default -> type.startsWith("multipart/report") ? Optional.of(BOUNCE) : Optional.empty();
        };
    }

    private static String lowerType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isMailerDaemon(String from) {
        return from.contains("mailer-daemon@") || from.startsWith("mailer-daemon") || from.contains("<mailer-daemon")
                || from.contains("mail delivery subsystem");
    }

    private static String lower(MimeMessage message, String header) throws MessagingException {
        return MailMention.header(message, header).toLowerCase(Locale.ROOT);
    }
}
