package org.earshot.demo;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * A real mail server in the process for the demo and the tests: GreenMail with IMAP and SMTP on
 * free ports of 127.0.0.1, the brand's support mailbox, and a handful of customer e-mails in it.
 *
 * <p>Mail sent through its SMTP to any address lands in that address's own mailbox (GreenMail makes
 * one on first delivery), so a reply to a customer can be read back with {@link #receivedBy}.
 * The e-mails are listed in {@code demo/mail/index.txt} on the classpath, so they load from the jar.
 */
public final class DemoMailServer implements AutoCloseable {
    public static final String USER = "support@acme.example";
    public static final String PASSWORD = "demo";
    public static final String HOST = "127.0.0.1";
    private static final String MAIL_DIR = "demo/mail/";

    private final GreenMail greenMail;
    private final GreenMailUser support;
    private final int seeded;

    private DemoMailServer(GreenMail greenMail, GreenMailUser support, int seeded) {
        this.greenMail = greenMail;
        this.support = support;
        this.seeded = seeded;
    }

    /** Starts the server and delivers the demo's customer e-mails to the support mailbox. */
    public static DemoMailServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, HOST, ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        try {
            GreenMailUser support = greenMail.setUser(USER, USER, PASSWORD);
            List<MimeMessage> mails = demoMails();
            mails.forEach(support::deliver);
            return new DemoMailServer(greenMail, support, mails.size());
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
    }

    /** The customer e-mails shipped with the demo, in the order of the index. */
    public static List<MimeMessage> demoMails() {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>();
        for (String name : indexedFiles()) {
            try (InputStream in = resource(MAIL_DIR + name)) {
                mails.add(new MimeMessage(session, in));
            } catch (IOException | MessagingException e) {
                throw new IllegalStateException("the demo e-mail " + MAIL_DIR + name + " cannot be read: " + e.getMessage(), e);
            }
        }
        return mails;
    }

    static List<String> indexedFiles() {
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(MAIL_DIR + "index.txt"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static InputStream resource(String path) {
        InputStream in = DemoMailServer.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is missing from the classpath");
        }
        return in;
    }

    /** Puts one more e-mail in the support mailbox, as if a customer had just written. */
    public void deliver(MimeMessage mail) {
        support.deliver(mail);
    }

    /** What the server's SMTP delivered to this address (replies to a customer), oldest first. */
    public List<MimeMessage> receivedBy(String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(wanted), m -> true).toList();
    }

    public String host() {
        return HOST;
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** How many customer e-mails were in the support mailbox at the start. */
    public int seededCount() {
        return seeded;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
