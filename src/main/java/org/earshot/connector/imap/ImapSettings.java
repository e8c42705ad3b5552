package org.earshot.connector.imap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import org.earshot.config.ConfigNode;
import org.earshot.config.ConnectorConfig;
import org.earshot.config.Durations;

/**
 * One mailbox: where to read customer mail (IMAP) and how to answer it (SMTP).
 *
 * @param connectorId        the key under {@code connectors:}, so that errors can name the keys to fix
 * @param ssl                implicit TLS (IMAPS on 993, SMTPS on 465)
 * @param starttls           plain connection upgraded with STARTTLS (IMAP 143, SMTP submission 587)
 * @param folder             the one folder watched for customer mail
 * @param sentFolder         where sent replies are kept; the exactly-once check looks there
 * @param maxMessagesPerPoll how many messages one poll reads at most; a backlog takes several polls
 * @param readExisting       whether the first poll reads the mail already in the folder
 * @param saveToSent         whether to APPEND a copy of each reply to {@code sentFolder}; off for servers
 *                           that file SMTP mail in Sent themselves (Gmail)
 */
public record ImapSettings(
        String connectorId,
        String imapHost,
        int imapPort,
        String smtpHost,
        int smtpPort,
        boolean ssl,
        boolean starttls,
        String username,
        String password,
        String folder,
        String sentFolder,
        String fromAddress,
        String fromName,
        Duration connectTimeout,
        Duration readTimeout,
        int maxMessagesPerPoll,
        boolean readExisting,
        boolean saveToSent) {

    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    public static ImapSettings from(ConnectorConfig config) {
        return from(config.id(), config.settings());
    }

    public static ImapSettings from(String connectorId, ConfigNode node) {
        boolean ssl = node.bool("ssl", true);
        boolean starttls = node.bool("starttls", false);
        if (ssl && starttls) {
            throw node.get("starttls").error("cannot be combined with ssl: true; use ssl for ports 993/465"
                    + " or starttls (with ssl: false) for ports 143/587");
        }
        String folder = node.string("folder", "INBOX").strip();
        if (folder.isEmpty()) {
            throw node.get("folder").error("must name a folder like INBOX, but was empty");
        }
        String sentFolder = node.string("sentFolder", "Sent").strip();
        if (sentFolder.isEmpty()) {
            throw node.get("sentFolder").error("must name a folder like Sent, but was empty");
        }
        if (sentFolder.equalsIgnoreCase(folder)) {
            throw node.get("sentFolder").error("must differ from folder ('" + folder
                    + "'), or replies would be read back as customer mail");
        }
        return new ImapSettings(
                connectorId,
                host(node, "imapHost"),
                node.integer("imapPort", ssl ? 993 : 143, 1, 65_535),
                host(node, "smtpHost"),
                node.integer("smtpPort", ssl ? 465 : starttls ? 587 : 25, 1, 65_535),
                ssl,
                starttls,
                node.requiredString("username").strip(),
                node.requiredString("password"),
                folder,
                sentFolder,
                address(node, "fromAddress"),
                node.string("fromName", "").strip(),
                timeout(node, "connectTimeout", Duration.ofSeconds(10)),
                timeout(node, "readTimeout", Duration.ofSeconds(30)),
                node.integer("maxMessagesPerPoll", 200, 1, 5_000),
                node.bool("readExisting", true),
                node.bool("saveToSent", true));
    }

    private static String host(ConfigNode node, String key) {
        String host = node.requiredString(key).strip();
        if (host.contains("://") || host.contains("/") || host.contains(" ") || host.contains(":")) {
            throw node.get(key).error("must be a host name like mail.example.com (no scheme, path or port;"
                    + " the port has its own key), but was '" + host + "'");
        }
        return host;
    }

    private static String address(ConfigNode node, String key) {
        String raw = node.requiredString(key).strip();
        try {
            InternetAddress parsed = new InternetAddress(raw, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@") || parsed.getAddress().endsWith("@")) {
                throw new AddressException("not a bare address");
            }
            return parsed.getAddress();
        } catch (AddressException e) {
            throw node.get(key).error("must be an e-mail address like support@example.com (the name goes in"
                    + " fromName), but was '" + raw + "'");
        }
    }

    private static Duration timeout(ConfigNode node, String key, Duration fallback) {
        Duration d = node.duration(key, fallback);
        if (d.isZero() || d.isNegative() || d.compareTo(MAX_TIMEOUT) > 0) {
            throw node.get(key).error("must be more than 0 and at most 10m, but was " + Durations.format(d));
        }
        return d;
    }

    /** The prefix of this connector's keys in the config file, for messages that tell what to fix. */
    String configKey() {
        return "connectors." + connectorId;
    }

    @Override
    public String toString() {
        return "ImapSettings[" + connectorId + ": " + username + " at " + imapHost + ":" + imapPort + "/" + folder
                + ", smtp " + smtpHost + ":" + smtpPort + (ssl ? ", ssl" : starttls ? ", starttls" : ", plain") + "]";
    }
}
